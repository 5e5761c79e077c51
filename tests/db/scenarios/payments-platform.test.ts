import { expect, it } from 'vitest'
import { expectDbError, useTestDatabase, user } from '../../support/db.ts'
import { createOrg } from '../../support/orgs.ts'

// Payments platform: "Edit Permission Policy … The changes will be applied to all users the policy
// is embedded"; "The permissions for the Admin role cannot be edited"; "Administrators cannot change
// the user role for first administrator created for the account".
const db = await useTestDatabase()
const org = await createOrg(db, 'payments_platform', { roles: ['admin', 'admin:2'] })
const first = org.primary
const secondAdmin = org.members['admin:2']!

async function holds(userId: string, key: string): Promise<boolean> {
  const [row] = await db.request<{ ok: boolean }>(user(userId), 'select rolecall.has_permission($1, $2) as ok', [org.orgId, key])
  return row!.ok
}

it('editing a policy changes the permissions of every member whose role has it', async () => {
  const [policy] = await db.rpc<{ id: string }>(user(first.userId), 'create_policy', { p_org: org.orgId, p_name: 'Payouts desk', p_keys: ['payouts.view'] })
  const [support] = await db.rpc<{ id: string }>(user(first.userId), 'create_role', { p_org: org.orgId, p_name: 'Support', p_rank: 50, p_policy_ids: [policy!.id] })
  const [ops] = await db.rpc<{ id: string }>(user(first.userId), 'create_role', { p_org: org.orgId, p_name: 'Operations', p_rank: 40, p_policy_ids: [org.policies['Read-only pages (by page)']!, policy!.id] })
  const people = []
  for (const role of [support!.id, support!.id, ops!.id]) {
    const id = await db.createUser()
    await db.sql('insert into rolecall.members (organization_id, user_id, role_id) values ($1, $2, $3)', [org.orgId, id, role])
    people.push(id)
  }
  for (const p of people) expect(await holds(p, 'payouts.manage')).toBe(false)
  await db.rpc(user(first.userId), 'set_policy_permissions', { p_policy: policy!.id, p_keys: ['payouts.view', 'payouts.manage'] })
  for (const p of people) expect(await holds(p, 'payouts.manage')).toBe(true)
  await db.rpc(user(first.userId), 'set_policy_permissions', { p_policy: policy!.id, p_keys: [] })
  for (const p of people) expect(await holds(p, 'payouts.view')).toBe(p === people[2]) // Operations keeps it through its page policy
})

it('the Admin role cannot be edited', async () => {
  await expectDbError(db.rpc(user(first.userId), 'update_role', { p_role: org.roles.admin, p_name: 'Root' }), 'RC109')
  await expectDbError(db.rpc(user(first.userId), 'set_role_policies', { p_role: org.roles.admin, p_policy_ids: [] }), 'RC109')
  await expectDbError(db.rpc(user(first.userId), 'delete_role', { p_role: org.roles.admin }), 'RC109')
})

it('a policy holds at most 100 permissions', async () => {
  const [policy] = await db.rpc<{ id: string }>(user(first.userId), 'create_policy', { p_org: org.orgId, p_name: 'Everything', p_keys: [] })
  const keys = (await db.sql<{ key: string }>('select key from rolecall.permissions')).map((r) => r.key)
  await db.sql(`insert into rolecall.permissions (key, section, label_en, label_uk)
                select 'pad.k' || i, 'payments', 'Pad ' || i, 'Доповнення ' || i from generate_series(1, $1::int) i`, [Math.max(0, 101 - keys.length)])
  const all = (await db.sql<{ key: string }>('select key from rolecall.permissions order by key limit 101')).map((r) => r.key)
  await expectDbError(db.rpc(user(first.userId), 'set_policy_permissions', { p_policy: policy!.id, p_keys: all }), 'RC302')
  await db.rpc(user(first.userId), 'set_policy_permissions', { p_policy: policy!.id, p_keys: all.slice(0, 100) })
})

it('other administrators cannot change the first administrator\u2019s role', async () => {
  const [custom] = await db.sql<{ id: string }>("select id from rolecall.roles where organization_id = $1 and name = 'Support'", [org.orgId])
  await expectDbError(db.rpc(user(secondAdmin.userId), 'change_member_role', { p_member: first.memberId, p_role: custom!.id }), 'RC105')
  await expectDbError(db.rpc(user(secondAdmin.userId), 'deactivate_member', { p_member: first.memberId }), 'RC105')
  // …while the first administrator changes the second one's role
  const [changed] = await db.rpc<{ role_id: string }>(user(first.userId), 'change_member_role', { p_member: secondAdmin.memberId, p_role: custom!.id })
  expect(changed!.role_id).toBe(custom!.id)
})
