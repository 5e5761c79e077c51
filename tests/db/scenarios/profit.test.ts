import { expect, it } from 'vitest'
import { expectDbError, serviceRole, useTestDatabase, user, only } from '../../support/db.ts'
import { createOrg } from '../../support/orgs.ts'
import { viaFunctions } from '../function-paths.ts'

// Profit: "Cardholders have no special permissions other than accessing their assigned card …
// Cannot view or manage budgets"; "Owner … contact support if you need to change this or add
// multiple owners"; Cardholder "Customizable: No".
const db = await useTestDatabase()
const org = await createOrg(db, 'profit', { roles: ['owner', 'administrator', 'contributor', 'cardholder'] })
const owner = org.primary
const { administrator, contributor, cardholder } = org.members as Record<string, { userId: string; memberId: string }>

it('a cardholder sees only their own card, and no budgets', async () => {
  const { id: own } = only(await db.sql<{ id: string }>("insert into example.cards (organization_id, holder_user_id, last4) values ($1, $2, '4242') returning id", [org.orgId, cardholder!.userId]))
  await db.sql("insert into example.cards (organization_id, holder_user_id, last4) values ($1, $2, '5555')", [org.orgId, contributor!.userId])
  await db.sql("insert into example.budgets (organization_id, name) values ($1, 'Marketing')", [org.orgId])
  expect(await db.request(user(cardholder!.userId), 'select id from example.cards')).toEqual([{ id: own }])
  expect(await db.request(user(cardholder!.userId), 'select id from example.budgets')).toEqual([])
  expect(await db.request(user(administrator!.userId), 'select id from example.cards')).toHaveLength(2)
})

it('the Cardholder role is not customizable', async () => {
  await expectDbError(db.rpc(user(owner.userId), 'set_member_overrides', { p_member: cardholder!.memberId, p_grants: ['budgets.view_all'], p_denies: [] }), 'RC109')
  await expectDbError(db.rpc(user(owner.userId), 'update_role', { p_role: org.roles.cardholder, p_name: 'Spender' }), 'RC109')
})

it('the owner customizes Administrators (and Contributors) per member', async () => {
  await db.rpc(user(owner.userId), 'set_member_overrides', { p_member: administrator!.memberId, p_grants: [], p_denies: ['cards.issue'] })
  const { ok } = only(await db.request<{ ok: boolean }>(user(administrator!.userId), "select rolecall.has_permission($1, 'cards.issue') as ok", [org.orgId]))
  expect(ok).toBe(false)
})

async function holds(userId: string, key: string, orgId = org.orgId): Promise<boolean> {
  return only(await db.request<{ ok: boolean }>(user(userId), 'select rolecall.has_permission($1, $2) as ok', [orgId, key])).ok
}
const fresh = await createOrg(db, 'profit', { roles: ['administrator'] })

// "Administrators have a broad range of permissions by default": Bill Pay, Invoicing & Payments,
// Banking, Administration, Expense Management, each in the doc's words.
it.each([
  ['Bill Pay: Add/update payees, manage bills, and make payments', ['payees.manage', 'bills.create', 'bills.approve', 'bills.pay']],
  ['Invoicing & Payments: Create/edit invoices and process refunds', ['invoices.create', 'payments.record', 'refunds.process']],
  ['Banking: View account balances and download statements; transfer funds between internal accounts', ['bank_accounts.view', 'bank_accounts.download_statements', 'funds.transfer_internal']],
  ['Administration: Add/invite team members, manage team permissions, and manage connected apps like QuickBooks', ['members.invite', 'members.edit_permissions', 'integrations.manage']],
  ['Expense Management: Issue cards and approve fund requests', ['cards.issue', 'fund_requests.approve']],
])('an Administrator holds by default "%s"', async (_line, keys) => {
  for (const key of keys) expect([key, await holds(fresh.members.administrator!.userId, key, fresh.orgId)]).toEqual([key, true])
})

it('an Administrator "do[es] not have the full access of an owner"', async () => {
  expect(await holds(fresh.members.administrator!.userId, 'roles.manage', fresh.orgId)).toBe(false)
  expect(await holds(fresh.members.administrator!.userId, 'settings.manage', fresh.orgId)).toBe(false)
})

it('"Banking: View account balances": an Administrator sees bank transactions but does not make them; the Owner does', async () => {
  const { id: account } = only(await db.sql<{ id: string }>("insert into example.bank_accounts (organization_id, name, account_last4) values ($1, 'Operating', '1234') returning id", [fresh.orgId]))
  const insert = 'insert into example.bank_transactions (organization_id, bank_account_id, amount) values ($1, $2, 10) returning id'
  await expectDbError(db.request(user(fresh.members.administrator!.userId), insert, [fresh.orgId, account]), '42501')
  expect(await db.request(user(fresh.primary.userId), insert, [fresh.orgId, account])).toHaveLength(1)
  expect(await db.request(user(fresh.members.administrator!.userId), 'select id from example.bank_transactions where organization_id = $1', [fresh.orgId])).toHaveLength(1)
})

it('"contact support if you need to change this or add multiple owners": the Owner\'s own attempt says so (RC206)', async () => {
  const error = await expectDbError(db.rpc(user(owner.userId), 'change_member_role', { p_member: administrator!.memberId, p_role: org.roles.owner }), 'RC206')
  expect(error.message).toMatch(/contact support/)
  await expectDbError(viaFunctions(db).rpc(user(owner.userId), 'transfer_primary', { p_member: administrator!.memberId }), 'RC206')
  const [after] = await db.sql<{ role_id: string; is_primary: boolean }>('select role_id, is_primary from rolecall.members where id = $1', [owner.memberId])
  expect(after).toEqual({ role_id: org.roles.owner, is_primary: true })
})

it('"add multiple owners" through support only: an invitation to the Owner role says so too (RC206)', async () => {
  const error = await expectDbError(db.rpc(serviceRole, 'create_invitation', {
    p_actor: owner.userId, p_org: org.orgId, p_email: 'second.owner@example.test', p_role: org.roles.owner,
    p_token_hash: Buffer.alloc(32, 7), p_client_ip: '198.51.100.77',
  }), 'RC206')
  expect(error.message).toMatch(/contact support/)
})

it('the SQL editor meets the Owner limit too (RC203): only the operator function adds an owner', async () => {
  await expectDbError(db.sql('update rolecall.members set role_id = $1 where id = $2', [org.roles.owner, contributor!.memberId]), 'RC203')
})

it('nobody adds a second owner or changes the owner through the app', async () => {
  await expectDbError(db.rpc(user(administrator!.userId), 'change_member_role', { p_member: owner.memberId, p_role: org.roles.cardholder }), 'RC105')
  await expectDbError(db.rpc(user(owner.userId), 'ops_transfer_ownership', { p_org: org.orgId, p_user: administrator!.userId }), '42501')
})

it('"add multiple owners": support (an operator) adds a second owner, audited, and a signed-in user cannot', async () => {
  await expectDbError(db.rpc(user(owner.userId), 'ops_add_owner', { p_org: org.orgId, p_user: contributor!.userId }), '42501')
  const [added] = await db.rpc<{ role_id: string; is_primary: boolean }>(serviceRole, 'ops_add_owner', { p_org: org.orgId, p_user: contributor!.userId })
  expect(added).toMatchObject({ role_id: org.roles.owner, is_primary: false })
  const [role] = await db.sql<{ max_members: number }>('select max_members from rolecall.roles where id = $1', [org.roles.owner])
  expect(role!.max_members).toBe(2)
  expect(await holds(contributor!.userId, 'roles.manage')).toBe(true)
  const events = await db.sql('select 1 from rolecall.audit_events where organization_id = $1 and action = $2', [org.orgId, 'ops.add_owner'])
  expect(events.length).toBeGreaterThan(0)
  // the added owner is an owner like the first: back to one, through support again
  await db.sql('update rolecall.members set role_id = $1 where id = $2', [org.roles.contributor, contributor!.memberId])
  await db.sql('update rolecall.roles set max_members = 1 where id = $1', [org.roles.owner])
})

it('support (an operator) changes the owner', async () => {
  const [moved] = await db.rpc<{ is_primary: boolean; role_id: string }>(serviceRole, 'ops_transfer_ownership', { p_org: org.orgId, p_user: administrator!.userId })
  expect(moved).toMatchObject({ is_primary: true, role_id: org.roles.owner })
  const [old] = await db.sql<{ is_primary: boolean; role_id: string }>('select is_primary, role_id from rolecall.members where id = $1', [owner.memberId])
  expect(old).toEqual({ is_primary: false, role_id: org.roles.administrator })
})
