import { beforeAll, describe, expect, it } from 'vitest'
import { type Actor, anon, expectDbError, useTestDatabase, user, only } from '../support/db.ts'
import { createOrg, type TestOrg } from '../support/orgs.ts'

const db = await useTestDatabase()

let a: TestOrg
let b: TestOrg
/** A member of A whose role grants nothing: each test ticks the one permission it needs. */
let plain: { userId: string; memberId: string }

async function grant(memberId: string, orgId: string, keys: string[]): Promise<void> {
  await db.sql('delete from rolecall.member_overrides where member_id = $1', [memberId])
  for (const key of keys) {
    await db.sql("insert into rolecall.member_overrides (member_id, organization_id, permission_key, effect) values ($1, $2, $3, 'grant')", [memberId, orgId, key])
  }
}

async function visible(actor: Actor, table: string): Promise<string[]> {
  const rows = await db.request<{ organization_id: string }>(actor, `select organization_id from example.${table}`)
  return rows.map((r) => r.organization_id)
}

/** One row per organization in every example table. */
async function seedRows(orgId: string, holder: string): Promise<{ project: string; budget: string; card: string; bill: string }> {
  const { id: account } = only(await db.sql<{ id: string }>("insert into example.bank_accounts (organization_id, name, account_last4) values ($1, 'Main', '1111') returning id", [orgId]))
  await db.sql("insert into example.bank_transactions (organization_id, bank_account_id, amount) values ($1, $2, 10)", [orgId, account])
  const { id: bill } = only(await db.sql<{ id: string }>("insert into example.bills (organization_id, vendor_name, amount) values ($1, 'Vendor', 10) returning id", [orgId]))
  await db.sql("insert into example.invoices (organization_id, customer_name, amount) values ($1, 'Customer', 10)", [orgId])
  await db.sql("insert into example.reports (organization_id, title) values ($1, 'Report')", [orgId])
  await db.sql("insert into example.contacts (organization_id, name) values ($1, 'Contact')", [orgId])
  const { id: project } = only(await db.sql<{ id: string }>("insert into example.projects (organization_id, name) values ($1, 'Project') returning id", [orgId]))
  await db.sql("insert into example.project_documents (organization_id, project_id, title) values ($1, $2, 'Doc')", [orgId, project])
  const { id: budget } = only(await db.sql<{ id: string }>("insert into example.budgets (organization_id, name) values ($1, 'Budget') returning id", [orgId]))
  const { id: card } = only(await db.sql<{ id: string }>("insert into example.cards (organization_id, holder_user_id, last4) values ($1, $2, '4242') returning id", [orgId, holder]))
  return { project, budget, card, bill }
}

let rowsA: Awaited<ReturnType<typeof seedRows>>
let rowsB: Awaited<ReturnType<typeof seedRows>>

beforeAll(async () => {
  a = await createOrg(db, 'blank', { roles: ['member'] })
  b = await createOrg(db, 'blank', { roles: ['member'] })
  plain = a.members.member!
  // the blank Member role starts with contacts.view; take it away so every permission comes from a checkbox
  await db.rpc(user(a.primary.userId), 'set_role_policies', { p_role: a.roles.member, p_policy_ids: [] })
  rowsA = await seedRows(a.orgId, plain.userId)
  rowsB = await seedRows(b.orgId, b.members.member!.userId)
})

describe.each([
  ['bills', 'bills.view'],
  ['bank_accounts', 'bank_accounts.view'],
  ['bank_transactions', 'bank_transactions.view'],
  ['invoices', 'invoices.view'],
  ['reports', 'reports.view'],
  ['contacts', 'contacts.view'],
  ['projects', 'projects.view_all'],
  ['project_documents', 'projects.view_all'],
  ['budgets', 'budgets.view_all'],
  ['cards', 'cards.view_all'],
])('example.%s (needs %s)', (table, key) => {
  it('shows its organization\u2019s rows to a member with the permission, and only those', async () => {
    await grant(plain.memberId, a.orgId, [key])
    expect(await visible(user(plain.userId), table)).toEqual([a.orgId])
  })

  it('shows nothing to a member without it (other checkboxes do not help)', async () => {
    await grant(plain.memberId, a.orgId, ['audit.view'])
    expect(await visible(user(plain.userId), table)).toEqual([])
  })

  it('shows nothing of another organization, even to its admin', async () => {
    expect(await visible(user(b.primary.userId), table)).toEqual([b.orgId])
  })

  it('shows nothing to a deactivated member', async () => {
    await grant(plain.memberId, a.orgId, [key])
    await db.sql("update rolecall.members set status = 'deactivated', deactivated_at = now() where id = $1", [plain.memberId])
    try {
      expect(await visible(user(plain.userId), table)).toEqual([])
    } finally {
      await db.sql("update rolecall.members set status = 'active', deactivated_at = null where id = $1", [plain.memberId])
    }
  })

  it('refuses anonymous visitors', async () => {
    await expectDbError(visible(anon, table), '42501')
  })
})

describe('writes', () => {
  it('bills: bills.create adds drafts only; approving needs bills.approve', async () => {
    await grant(plain.memberId, a.orgId, ['bills.view'])
    await expectDbError(db.request(user(plain.userId), "insert into example.bills (organization_id, vendor_name, amount) values ($1, 'X', 5)", [a.orgId]), '42501')
    await grant(plain.memberId, a.orgId, ['bills.view', 'bills.create'])
    const [draft] = await db.request<{ id: string }>(user(plain.userId), "insert into example.bills (organization_id, vendor_name, amount) values ($1, 'X', 5) returning id", [a.orgId])
    await expectDbError(db.request(user(plain.userId), "insert into example.bills (organization_id, vendor_name, amount, status) values ($1, 'X', 5, 'approved')", [a.orgId]), '42501')
    await expectDbError(db.request(user(plain.userId), "update example.bills set status = 'approved' where id = $1", [draft!.id]), '42501')
    await expectDbError(db.request(user(plain.userId), "insert into example.bills (organization_id, vendor_name, amount) values ($1, 'X', 5)", [b.orgId]), '42501')
    await expectDbError(db.request(user(plain.userId), 'select * from example.approve_bill($1)', [draft!.id]), 'RC103')
    await grant(plain.memberId, a.orgId, ['bills.view', 'bills.approve'])
    const [approved] = await db.request<{ status: string; approved_by: string }>(user(plain.userId), 'select * from example.approve_bill($1)', [draft!.id])
    expect(approved).toMatchObject({ status: 'approved', approved_by: plain.userId })
    await expectDbError(db.request(user(plain.userId), 'select * from example.approve_bill($1)', [rowsB.bill]), 'RC103')
    await expectDbError(db.request(user(plain.userId), 'select * from example.pay_bill($1)', [draft!.id]), 'RC103')
    await grant(plain.memberId, a.orgId, ['bills.pay'])
    const [paid] = await db.request<{ status: string }>(user(plain.userId), 'select * from example.pay_bill($1)', [draft!.id])
    expect(paid!.status).toBe('paid')
  })

  it.each([
    ['bank_accounts', "(organization_id, name, account_last4) values ($1, 'New', '2222')", 'bank_accounts.manage'],
    ['invoices', "(organization_id, customer_name, amount) values ($1, 'C', 1)", 'invoices.create'],
    ['reports', "(organization_id, title) values ($1, 'R')", 'reports.create'],
    ['contacts', "(organization_id, name) values ($1, 'N')", 'contacts.manage'],
    ['projects', "(organization_id, name) values ($1, 'P')", 'projects.manage'],
    ['budgets', "(organization_id, name) values ($1, 'B')", 'budgets.manage'],
    ['cards', "(organization_id, last4) values ($1, '3333')", 'cards.issue'],
  ])('%s: inserting needs %s', async (table, values, key) => {
    await grant(plain.memberId, a.orgId, [])
    await expectDbError(db.request(user(plain.userId), `insert into example.${table} ${values}`, [a.orgId]), '42501')
    await grant(plain.memberId, a.orgId, [key])
    await db.request(user(plain.userId), `insert into example.${table} ${values}`, [a.orgId])
    await expectDbError(db.request(user(plain.userId), `insert into example.${table} ${values}`, [b.orgId]), '42501')
  })
})

describe('single resources', () => {
  it('a project grant opens the project and all its documents, nothing else', async () => {
    await grant(plain.memberId, a.orgId, [])
    const { id: other } = only(await db.sql<{ id: string }>("insert into example.projects (organization_id, name) values ($1, 'Other') returning id", [a.orgId]))
    await db.rpc(user(a.primary.userId), 'set_resource_grants', { p_member: plain.memberId, p_resource_type: 'project', p_resource_ids: [rowsA.project] })
    const projects = await db.request<{ id: string }>(user(plain.userId), 'select id from example.projects')
    expect(projects.map((p) => p.id)).toEqual([rowsA.project])
    expect(projects.map((p) => p.id)).not.toContain(other)
    const docs = await db.request<{ project_id: string }>(user(plain.userId), 'select project_id from example.project_documents')
    expect(docs.map((d) => d.project_id)).toEqual([rowsA.project])
    await db.rpc(user(a.primary.userId), 'set_resource_grants', { p_member: plain.memberId, p_resource_type: 'project', p_resource_ids: [] })
    expect(await visible(user(plain.userId), 'project_documents')).toEqual([])
  })

  it('a grant never opens a row of another organization, even with that row\u2019s id', async () => {
    await db.sql("insert into rolecall.resource_grants (member_id, organization_id, resource_type, resource_id) values ($1, $2, 'project', $3)", [plain.memberId, a.orgId, rowsB.project])
    expect(await visible(user(plain.userId), 'projects')).toEqual([])
    await db.sql("delete from rolecall.resource_grants where member_id = $1", [plain.memberId])
  })

  it('a budget grant opens that budget only', async () => {
    await grant(plain.memberId, a.orgId, [])
    await db.rpc(user(a.primary.userId), 'set_resource_grants', { p_member: plain.memberId, p_resource_type: 'budget', p_resource_ids: [rowsA.budget] })
    const rows = await db.request<{ id: string }>(user(plain.userId), 'select id from example.budgets')
    expect(rows.map((r) => r.id)).toEqual([rowsA.budget])
  })

  it('cards.view_own shows the holder its own card only', async () => {
    const { id: notMine } = only(await db.sql<{ id: string }>("insert into example.cards (organization_id, holder_user_id, last4) values ($1, $2, '9999') returning id", [a.orgId, a.primary.userId]))
    await grant(plain.memberId, a.orgId, [])
    expect(await visible(user(plain.userId), 'cards')).toEqual([])
    await grant(plain.memberId, a.orgId, ['cards.view_own'])
    const rows = await db.request<{ id: string }>(user(plain.userId), 'select id from example.cards')
    expect(rows.map((r) => r.id)).toEqual([rowsA.card])
    expect(rows.map((r) => r.id)).not.toContain(notMine)
  })
})
