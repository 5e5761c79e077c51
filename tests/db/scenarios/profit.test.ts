import { expect, it } from 'vitest'
import { expectDbError, serviceRole, useTestDatabase, user, only } from '../../support/db.ts'
import { createOrg } from '../../support/orgs.ts'

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

it('nobody adds a second owner or changes the owner through the app', async () => {
  await expectDbError(db.rpc(user(owner.userId), 'change_member_role', { p_member: administrator!.memberId, p_role: org.roles.owner }), 'RC203')
  await expectDbError(db.rpc(user(administrator!.userId), 'change_member_role', { p_member: owner.memberId, p_role: org.roles.cardholder }), 'RC105')
  await expectDbError(db.rpc(user(owner.userId), 'ops_transfer_ownership', { p_org: org.orgId, p_user: administrator!.userId }), '42501')
})

it('support (an operator) changes the owner', async () => {
  const [moved] = await db.rpc<{ is_primary: boolean; role_id: string }>(serviceRole, 'ops_transfer_ownership', { p_org: org.orgId, p_user: administrator!.userId })
  expect(moved).toMatchObject({ is_primary: true, role_id: org.roles.owner })
  const [old] = await db.sql<{ is_primary: boolean; role_id: string }>('select is_primary, role_id from rolecall.members where id = $1', [owner.memberId])
  expect(old).toEqual({ is_primary: false, role_id: org.roles.administrator })
})
