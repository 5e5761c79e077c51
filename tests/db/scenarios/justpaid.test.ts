import { expect, it } from 'vitest'
import { expectDbError, useTestDatabase, user } from '../../support/db.ts'
import { createOrg } from '../../support/orgs.ts'

// JustPaid: "specific checkboxes allow Admins to customize the permissions granted to each user …
// If a user's responsibilities evolve, there's no need to create a new user from scratch."
const db = await useTestDatabase()
const org = await createOrg(db, 'justpaid', { roles: ['admin', 'accountant', 'user'] })
const admin = user(org.primary.userId)
const u = org.members.user!

async function newBill(): Promise<string> {
  const [row] = await db.sql<{ id: string }>("insert into example.bills (organization_id, vendor_name, amount) values ($1, 'CloudHost', 99) returning id", [org.orgId])
  return row!.id
}

it('ticking Approve Bills lets a User approve a bill; unticking takes it away, same user throughout', async () => {
  const first = await newBill()
  await expectDbError(db.request(user(u.userId), 'select * from example.approve_bill($1)', [first]), 'RC103')

  await db.rpc(admin, 'set_member_overrides', { p_member: u.memberId, p_grants: ['bills.approve'], p_denies: [] })
  const [approved] = await db.request<{ status: string }>(user(u.userId), 'select * from example.approve_bill($1)', [first])
  expect(approved!.status).toBe('approved')

  await db.rpc(admin, 'set_member_overrides', { p_member: u.memberId, p_grants: [], p_denies: [] })
  await expectDbError(db.request(user(u.userId), 'select * from example.approve_bill($1)', [await newBill()]), 'RC103')

  const [still] = await db.sql<{ id: string; user_id: string }>('select id, user_id from rolecall.members where id = $1', [u.memberId])
  expect(still).toEqual({ id: u.memberId, user_id: u.userId })
})

it('the six checkboxes are the ones the doc lists, with its labels, on Users and Accountants', async () => {
  const boxes = await db.rpc<{ key: string; label_en: string; state: string; ticked: boolean }>(admin, 'member_checkboxes', { p_org: org.orgId, p_user: u.userId })
  expect(boxes.map((b) => b.label_en).sort()).toEqual(['Approve Bills', 'Approve Sales Contracts', 'Bank Transactions', 'Manage Bank Accounts', 'Manage Integrations', 'View Reports and Data'])
  const six = boxes.map((b) => b.key)
  await db.rpc(admin, 'set_member_overrides', { p_member: org.members.accountant!.memberId, p_grants: six, p_denies: [] })
  const mine = await db.rpc<{ state: string; ticked: boolean }>(user(org.members.accountant!.userId), 'member_checkboxes', { p_org: org.orgId })
  expect(mine.every((b) => b.state === 'on' && b.ticked)).toBe(true)
})

async function approvedBill(): Promise<string> {
  const [row] = await db.sql<{ id: string }>("insert into example.bills (organization_id, vendor_name, amount, status) values ($1, 'Payroll Co', 250, 'approved') returning id", [org.orgId])
  return row!.id
}

it('"Bank Transactions: Entrust users to make payments for approved bills": ticked, the User pays; unticked, refused', async () => {
  await expectDbError(db.request(user(u.userId), 'select * from example.pay_bill($1)', [await approvedBill()]), 'RC103')
  await db.rpc(admin, 'set_member_overrides', { p_member: u.memberId, p_grants: ['bank_transactions'], p_denies: [] })
  const [paid] = await db.request<{ status: string }>(user(u.userId), 'select * from example.pay_bill($1)', [await approvedBill()])
  expect(paid!.status).toBe('paid')
  const [box] = (await db.rpc<{ key: string; state: string; ticked: boolean }>(user(u.userId), 'member_checkboxes', { p_org: org.orgId }))
    .filter((b) => b.key === 'bank_transactions')
  expect(box).toMatchObject({ state: 'on', ticked: true })
  await db.rpc(admin, 'set_member_overrides', { p_member: u.memberId, p_grants: [], p_denies: [] })
  await expectDbError(db.request(user(u.userId), 'select * from example.pay_bill($1)', [await approvedBill()]), 'RC103')
})

it('"Manage Bank Accounts: connect or disconnect bank accounts" brings the accounts page it needs', async () => {
  await db.sql("insert into example.bank_accounts (organization_id, name, account_last4) values ($1, 'Operating', '1234')", [org.orgId])
  expect(await db.request(user(u.userId), 'select 1 from example.bank_accounts')).toEqual([])
  await db.rpc(admin, 'set_member_overrides', { p_member: u.memberId, p_grants: ['manage_bank_accounts'], p_denies: [] })
  expect(await db.request(user(u.userId), 'select name from example.bank_accounts')).toEqual([{ name: 'Operating' }])
  const gone = await db.request(user(u.userId), 'delete from example.bank_accounts returning id')
  expect(gone).toHaveLength(1)
  const [why] = await db.rpc<{ key: string; sources: { type: string; by?: string }[] }>(user(u.userId), 'my_permissions', { p_org: org.orgId })
    .then((rows) => rows.filter((r) => r.key === 'bank_accounts.view'))
  expect(why!.sources).toEqual([expect.objectContaining({ type: 'implied', by: 'bank_accounts.manage' })])
  await db.rpc(admin, 'set_member_overrides', { p_member: u.memberId, p_grants: [], p_denies: [] })
})

it('"Approve Sales Contracts" brings the sales contracts page', async () => {
  await db.rpc(admin, 'set_member_overrides', { p_member: u.memberId, p_grants: ['approve_sales_contracts'], p_denies: [] })
  const rows = await db.request<{ key: string; granted: boolean }>(user(u.userId),
    "select key, granted from rolecall.my_permissions($1) where key like 'sales_contracts.%' order by key", [org.orgId])
  expect(rows).toEqual([{ key: 'sales_contracts.approve', granted: true }, { key: 'sales_contracts.view', granted: true }])
  const [box] = await db.request<{ checkboxes: string[] }>(user(u.userId), "select checkboxes from rolecall.my_permissions($1) where key = 'bills.pay'", [org.orgId])
  expect(box!.checkboxes).toEqual(['bank_transactions'])
  await db.rpc(admin, 'set_member_overrides', { p_member: u.memberId, p_grants: [], p_denies: [] })
})

it('refuses a checkbox JustPaid does not have (RC301)', async () => {
  await expectDbError(db.rpc(admin, 'set_member_overrides', { p_member: u.memberId, p_grants: ['make_coffee'], p_denies: [] }), 'RC301')
})

it('a User cannot tick checkboxes for others', async () => {
  await expectDbError(db.rpc(user(u.userId), 'set_member_overrides', { p_member: org.members.accountant!.memberId, p_grants: ['reports.view'], p_denies: [] }), 'RC103')
})
