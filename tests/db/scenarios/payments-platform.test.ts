import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { expectDbError, serviceRole, useTestDatabase, user } from '../../support/db.ts'
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

describe('"enter the whitelisted IP addresses or IP ranges of the users"', () => {
  const entries = ['203.0.113.10-203.0.113.20', '2001:db8::10 - 2001:db8::1f', '198.51.100.0/24', '192.0.2.7']

  async function member() {
    const o = await createOrg(db, 'payments_platform', { roles: ['admin', 'admin:2'] })
    return { o, target: o.members['admin:2']! }
  }

  it('accepts first-last ranges (IPv4 and IPv6) beside CIDR networks and addresses, and shows them as entered', async () => {
    const { o, target } = await member()
    const [row] = await db.rpc<{ ip_allowlist: string[] }>(user(o.primary.userId), 'set_ip_allowlist', { p_member: target.memberId, p_allowlist: entries })
    expect(row!.ip_allowlist).toEqual(entries)
    const [read] = await db.request<{ ip_allowlist: string[] }>(user(o.primary.userId), 'select ip_allowlist from rolecall.members where id = $1', [target.memberId])
    expect(read!.ip_allowlist).toEqual(entries)
  })

  it.each([
    ['203.0.113.10', true], ['203.0.113.20', true], ['203.0.113.9', false], ['203.0.113.21', false],
    ['2001:db8::10', true], ['2001:db8::1f', true], ['2001:db8::f', false], ['2001:db8::20', false],
    ['198.51.100.0', true], ['198.51.100.255', true], ['198.51.101.0', false],
    ['192.0.2.7', true], ['192.0.2.8', false],
    // mixed families never match: an IPv4-mapped IPv6 address is not the IPv4 address
    ['::ffff:203.0.113.15', false], ['::ffff:192.0.2.7', false],
  ])('from %s the member acts: %s (boundaries included)', async (ip, allowed) => {
    const { o, target } = await member()
    await db.rpc(user(o.primary.userId), 'set_ip_allowlist', { p_member: target.memberId, p_allowlist: entries })
    const [row] = await db.request<{ ok: boolean }>(user(target.userId, { ip }), 'select rolecall.has_permission($1, $2) as ok', [o.orgId, 'bills.view'])
    expect(row!.ok).toBe(allowed)
  })

  it('an IPv6-only allowlist admits no IPv4 address, and an IPv4-only one no IPv6 address', async () => {
    const { o, target } = await member()
    await db.rpc(user(o.primary.userId), 'set_ip_allowlist', { p_member: target.memberId, p_allowlist: ['::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'] })
    const ok = async (ip: string) => (await db.request<{ ok: boolean }>(user(target.userId, { ip }), 'select rolecall.has_permission($1, $2) as ok', [o.orgId, 'bills.view']))[0]!.ok
    expect(await ok('2001:db8::1')).toBe(true)
    expect(await ok('203.0.113.1')).toBe(false)
    await db.rpc(user(o.primary.userId), 'set_ip_allowlist', { p_member: target.memberId, p_allowlist: ['0.0.0.0/0'] })
    expect(await ok('203.0.113.1')).toBe(true)
    expect(await ok('2001:db8::1')).toBe(false)
  })

  it('a CIDR with host bits is refused with a message that names the network (RC303)', async () => {
    const { o, target } = await member()
    const error = await expectDbError(db.rpc(user(o.primary.userId), 'set_ip_allowlist', { p_member: target.memberId, p_allowlist: ['10.0.0.5/24'] }), 'RC303')
    expect(error.message).toContain('10.0.0.0/24')
    expect(error.detail).toBe('10.0.0.5/24')
    const v6 = await expectDbError(db.rpc(user(o.primary.userId), 'set_ip_allowlist', { p_member: target.memberId, p_allowlist: ['2001:db8::1/32'] }), 'RC303')
    expect(v6.message).toContain('2001:db8::/32')
  })

  it.each([
    ['a range ending before it starts', '203.0.113.20-203.0.113.10'],
    ['a range across families', '203.0.113.1-2001:db8::1'],
    ['a range of networks', '203.0.113.0/24-203.0.114.0/24'],
    ['a range with a missing end', '203.0.113.1-'],
    ['three parts', '203.0.113.1-203.0.113.2-203.0.113.3'],
    ['not an address', 'office'],
    ['an empty entry', ''],
  ])('refuses %s (RC303, the entry in detail), and the operator\'s own update too', async (_, entry) => {
    const { o, target } = await member()
    const error = await expectDbError(db.rpc(user(o.primary.userId), 'set_ip_allowlist', { p_member: target.memberId, p_allowlist: ['192.0.2.1', entry] }), 'RC303')
    expect(error.detail).toBe(entry)
    await expectDbError(db.sql('update rolecall.members set ip_allowlist = $2 where id = $1', [target.memberId, [entry]]), 'RC303')
  })
})

it('"Unique email addresses must be used for creating Users, i.e., emails not assigned to other Users": an address of another organization\u2019s user is not invited', async () => {
  const o = await createOrg(db, 'payments_platform', { roles: ['admin'] })
  const merchant = await createOrg(db, 'justpaid', { roles: ['admin', 'user'] })
  const used = merchant.members.user!.email
  const inviteArgs = { p_actor: o.primary.userId, p_org: o.orgId, p_role: o.roles.admin, p_client_ip: '192.0.2.10' }
  await expectDbError(db.rpc(serviceRole, 'create_invitation', { ...inviteArgs, p_email: used, p_token_hash: randomBytes(32) }), 'RC411')
  const [fresh] = await db.rpc<{ status: string }>(serviceRole, 'create_invitation', { ...inviteArgs, p_email: 'own.address@payments.test', p_token_hash: randomBytes(32) })
  expect(fresh!.status).toBe('pending')
})
