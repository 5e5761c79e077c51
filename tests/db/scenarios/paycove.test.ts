import { expect, it } from 'vitest'
import { expectDbError, serviceRole, useTestDatabase, user } from '../../support/db.ts'
import { createOrg } from '../../support/orgs.ts'
import { viaFunctions } from '../function-paths.ts'

// Paycove: "There can only be one Admin per account … if an Admin promotes another user to the Admin
// role, the new Admin will replace the old one"; "Both Admins and Managers can add new users";
// standard users "cannot promote, demote, add, or delete users".
const db = viaFunctions(await useTestDatabase())
const org = await createOrg(db, 'paycove', { roles: ['admin', 'manager', 'manager:2', 'standard'] })
const admin = org.primary
const manager = org.members.manager!

async function holds(userId: string, key: string): Promise<boolean> {
  const [row] = await db.request<{ ok: boolean }>(user(userId), 'select rolecall.has_permission($1, $2) as ok', [org.orgId, key])
  return row!.ok
}

it('Admins and Managers add users and manage templates; standard users do not', async () => {
  expect(await holds(manager.userId, 'members.invite')).toBe(true)
  expect(await holds(manager.userId, 'email_templates.manage')).toBe(true)
  expect(await holds(manager.userId, 'document_templates.manage')).toBe(true)
  expect(await holds(manager.userId, 'members.remove')).toBe(false)
  expect(await holds(org.members.standard!.userId, 'members.invite')).toBe(false)
  expect(await holds(org.members.standard!.userId, 'email_templates.manage')).toBe(false)
})

it('"Promote a standard user to Manager" and "Demote a Manager to standard user": the Admin does both', async () => {
  const standard = org.members.standard!
  const [promoted] = await db.rpc<{ role_id: string }>(user(admin.userId), 'change_member_role', { p_member: standard.memberId, p_role: org.roles.manager })
  expect(promoted!.role_id).toBe(org.roles.manager)
  const [demoted] = await db.rpc<{ role_id: string }>(user(admin.userId), 'change_member_role', { p_member: standard.memberId, p_role: org.roles.standard })
  expect(demoted!.role_id).toBe(org.roles.standard)
})

it('"a Manager can do everything that an Admin can do except for promoting or demoting themselves or others"', async () => {
  await expectDbError(db.rpc(user(manager.userId), 'change_member_role', { p_member: org.members.standard!.memberId, p_role: org.roles.manager }), 'RC103')
  await expectDbError(db.rpc(user(manager.userId), 'change_member_role', { p_member: org.members['manager:2']!.memberId, p_role: org.roles.standard }), 'RC103')
})

it('a standard user does "Anything EXCEPT for the exclusive things": records payments, works with invoices', async () => {
  expect(await holds(org.members.standard!.userId, 'payments.record')).toBe(true)
  expect(await holds(org.members.standard!.userId, 'invoices.create')).toBe(true)
  expect(await holds(org.members.standard!.userId, 'members.change_role')).toBe(false)
})

it('"The Admin is also the default recipient of emails that Paycove sends", and turns them off for themselves', async () => {
  const recipients = async () => (await db.rpc<{ email: string }>(serviceRole, 'notification_recipients', { p_org: org.orgId })).map((r) => r.email)
  expect(await recipients()).toEqual([admin.email])
  const [off] = await db.rpc<{ notifications: boolean }>(user(admin.userId), 'set_my_notifications', { p_org: org.orgId, p_enabled: false })
  expect(off!.notifications).toBe(false)
  expect(await recipients()).toEqual([])
  await expectDbError(db.rpc(user(admin.userId), 'set_my_notifications', { p_org: org.orgId, p_enabled: null }), 'RC308')
  await db.rpc(user(admin.userId), 'set_my_notifications', { p_org: org.orgId, p_enabled: true })
  expect(await recipients()).toEqual([admin.email])
})

it('only the Admin promotes to Admin, and not by a plain role change', async () => {
  await expectDbError(db.rpc(user(manager.userId), 'promote_to_admin', { p_member: org.members['manager:2']!.memberId }), 'RC108')
  await expectDbError(db.rpc(user(admin.userId), 'change_member_role', { p_member: manager.memberId, p_role: org.roles.admin }), 'RC108')
})

it('the Admin promotes a Manager to Admin and becomes a Manager', async () => {
  const [promoted] = await db.rpc<{ role_id: string; is_primary: boolean }>(user(admin.userId), 'promote_to_admin', { p_member: manager.memberId })
  expect(promoted).toMatchObject({ role_id: org.roles.admin, is_primary: true })
  const [old] = await db.sql<{ role_id: string; is_primary: boolean }>('select role_id, is_primary from rolecall.members where id = $1', [admin.memberId])
  expect(old).toEqual({ role_id: org.roles.manager, is_primary: false })
  const admins = await db.sql('select 1 from rolecall.members where role_id = $1', [org.roles.admin])
  expect(admins).toHaveLength(1)
})
