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

it('the six checkboxes are the ones the doc lists, on Users and Accountants', async () => {
  const six = ['bills.approve', 'sales_contracts.approve', 'bank_transactions.create', 'bank_accounts.manage', 'integrations.manage', 'reports.view']
  await db.rpc(admin, 'set_member_overrides', { p_member: org.members.accountant!.memberId, p_grants: six, p_denies: [] })
  const rows = await db.request<{ key: string; granted: boolean }>(user(org.members.accountant!.userId), 'select key, granted from rolecall.my_permissions($1)', [org.orgId])
  expect(rows.filter((r) => six.includes(r.key)).every((r) => r.granted)).toBe(true)
})

it('a User cannot tick checkboxes for others', async () => {
  await expectDbError(db.rpc(user(u.userId), 'set_member_overrides', { p_member: org.members.accountant!.memberId, p_grants: ['reports.view'], p_denies: [] }), 'RC103')
})
