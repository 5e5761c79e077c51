import { describe, expect, it } from 'vitest'
import { passwordMatches } from '../../server/auth/passwords.ts'
import { anon, expectDbError, serviceRole, useTestDatabase, user, only } from '../support/db.ts'
import { createOrg, type TemplateKey } from '../support/orgs.ts'

const db = await useTestDatabase()

const requiredKeys = [
  'members.invite', 'members.remove', 'members.change_role', 'members.edit_permissions', 'members.deactivate',
  'members.edit_ip_allowlist', 'roles.manage', 'policies.manage', 'settings.manage', 'audit.view',
  'bills.view', 'bills.create', 'bills.approve', 'bills.pay', 'sales_contracts.approve', 'bank_accounts.view',
  'bank_accounts.manage', 'bank_transactions.view', 'bank_transactions.create', 'reports.view', 'integrations.manage',
  'invoices.view', 'invoices.create', 'contacts.view', 'projects.view_all', 'budgets.view_all', 'cards.view_all',
  'cards.issue', 'settings.view',
]

describe('the finance catalog', () => {
  it('has every key the product docs and Rolecall rely on', async () => {
    const rows = await db.sql<{ key: string }>('select key from rolecall.permissions')
    expect(rows.map((r) => r.key)).toEqual(expect.arrayContaining(requiredKeys))
  })

  it('labels every section and permission in English and Ukrainian (Cyrillic)', async () => {
    const bad = await db.sql(
      `select key from rolecall.permissions where label_uk !~ '[А-Яа-яІіЇїЄєҐґ]' or label_en ~ '[А-Яа-я]'
       union all select key from rolecall.permission_sections where label_uk !~ '[А-Яа-яІіЇїЄєҐґ]'`)
    expect(bad).toEqual([])
  })

  it('has both kinds: pages and actions', async () => {
    const rows = await db.sql<{ kind: string }>('select distinct kind::text as kind from rolecall.permissions order by 1')
    expect(rows.map((r) => r.kind)).toEqual(['action', 'page'])
  })

  it('templates refer only to known permissions and policies', async () => {
    const unknownKeys = await db.sql(
      `select tp.template_key, k from rolecall.template_policies tp, unnest(tp.permission_keys) k
        where not exists (select 1 from rolecall.permissions p where p.key = k)
       union all
       select tc.template_key, k from rolecall.template_checkboxes tc, unnest(tc.permission_keys) k
        where not exists (select 1 from rolecall.permissions p where p.key = k)`)
    expect(unknownKeys).toEqual([])
    const unknownPolicies = await db.sql(
      `select tr.template_key, pk from rolecall.template_roles tr, unnest(tr.policy_keys) pk
        where not exists (select 1 from rolecall.template_policies tp where tp.template_key = tr.template_key and tp.key = pk)`)
    expect(unknownPolicies).toEqual([])
  })

  it('is readable by signed-in users only', async () => {
    const someone = await db.createUser()
    expect((await db.request(user(someone), 'select key from rolecall.templates')).length).toBe(6)
    await expectDbError(db.request(anon, 'select key from rolecall.templates'), '42501')
  })
})

const expected: Record<TemplateKey, { roles: string[]; creator: string; mode: string; language: string; names: string[] }> = {
  blank: { roles: ['admin', 'member'], creator: 'admin', mode: 'multi', language: 'en', names: ['Admin', 'Member'] },
  justpaid: { roles: ['accountant', 'admin', 'user'], creator: 'admin', mode: 'multi', language: 'en', names: ['Accountant', 'Admin', 'User'] },
  jusnote: { roles: ['admin', 'user'], creator: 'admin', mode: 'multi', language: 'uk', names: ['Адміністратор', 'Користувач'] },
  profit: { roles: ['administrator', 'cardholder', 'contributor', 'owner'], creator: 'owner', mode: 'multi', language: 'en', names: ['Administrator', 'Cardholder', 'Contributor', 'Owner'] },
  paycove: { roles: ['admin', 'manager', 'standard'], creator: 'admin', mode: 'single', language: 'en', names: ['Admin', 'Manager', 'Standard user'] },
  payments_platform: { roles: ['admin'], creator: 'admin', mode: 'multi', language: 'en', names: ['Admin'] },
}

describe('create_organization', () => {
  it.each(Object.entries(expected))('creates a %s organization with its roles and policies; the creator is primary', async (template, want) => {
    const org = await createOrg(db, template as TemplateKey)
    const roles = await db.sql<{ template_key: string; name: string }>(
      'select template_key, name from rolecall.roles where organization_id = $1 order by template_key', [org.orgId])
    expect(roles.map((r) => r.template_key)).toEqual(want.roles)
    expect(roles.map((r) => r.name).sort()).toEqual([...want.names].sort())
    const [o] = await db.sql<{ admin_mode: string; language: string; template: string }>('select admin_mode::text, language, template from rolecall.organizations where id = $1', [org.orgId])
    expect(o).toEqual({ admin_mode: want.mode, language: want.language, template })
    const [primary] = await db.sql<{ user_id: string; template_key: string }>(
      `select m.user_id, r.template_key from rolecall.members m join rolecall.roles r on r.id = m.role_id
        where m.organization_id = $1 and m.is_primary`, [org.orgId])
    expect(primary).toEqual({ user_id: org.primary.userId, template_key: want.creator })
    // policies and links exactly as the template says
    const links = await db.sql<{ n: string }>(
      `select (select count(*) from rolecall.policies where organization_id = $1)
            = (select count(*) from rolecall.template_policies where template_key = $2)
          and (select count(*) from rolecall.role_policies where organization_id = $1)
            = (select coalesce(sum(cardinality(policy_keys)), 0) from rolecall.template_roles where template_key = $2)
          and (select count(*) from rolecall.policy_permissions where organization_id = $1)
            = (select coalesce(sum(cardinality(permission_keys)), 0) from rolecall.template_policies where template_key = $2) as n`,
      [org.orgId, template])
    expect(links[0]!.n).toBe(true)
    const { ok } = only(await db.request<{ ok: boolean }>(user(org.primary.userId), "select rolecall.has_permission($1, 'roles.manage') and rolecall.has_permission($1, 'cards.issue') as ok", [org.orgId]))
    expect(ok).toBe(true)
  })

  it('names roles in the requested language', async () => {
    const org = await createOrg(db, 'justpaid', { language: 'uk' })
    const rows = await db.sql<{ name: string }>('select name from rolecall.roles where organization_id = $1 order by rank desc', [org.orgId])
    expect(rows.map((r) => r.name)).toEqual(['Адміністратор', 'Бухгалтер', 'Користувач'])
  })

  it('gives a JustPaid organization the six checkboxes under the doc\u2019s names, its own copy', async () => {
    const org = await createOrg(db, 'justpaid')
    const rows = await db.sql<{ label_en: string }>('select label_en from rolecall.checkboxes where organization_id = $1 order by position', [org.orgId])
    expect(rows.map((r) => r.label_en)).toEqual(['Approve Bills', 'Approve Sales Contracts', 'Bank Transactions', 'Manage Bank Accounts', 'Manage Integrations', 'View Reports and Data'])
    // copied like roles and policies: editing one organization's list leaves the others alone
    await db.sql("update rolecall.checkboxes set label_en = 'Pay bills' where organization_id = $1 and key = 'bank_transactions'", [org.orgId])
    const other = await createOrg(db, 'justpaid')
    expect(await db.sql("select label_en from rolecall.checkboxes where organization_id = $1 and key = 'bank_transactions'", [other.orgId]))
      .toEqual([{ label_en: 'Bank Transactions' }])
  })

  it('gives Profit Contributors the doc\u2019s checkboxes by section ("Adjust permissions as needed for Administrators and Contributors")', async () => {
    const org = await createOrg(db, 'profit', { roles: ['owner', 'contributor'] })
    const contributor = org.members.contributor!
    const boxes = await db.rpc<{ key: string; section: string; label_en: string; state: string }>(user(org.primary.userId), 'member_checkboxes', { p_org: org.orgId, p_user: contributor.userId })
    expect([...new Set(boxes.map((b) => b.section))]).toEqual(['bill_pay', 'invoicing', 'banking', 'administration', 'expense_management'])
    expect(boxes.find((b) => b.key === 'budgets')).toMatchObject({ label_en: 'Create and edit budgets', state: 'off' })
    await db.rpc(user(org.primary.userId), 'set_member_overrides', { p_member: contributor.memberId, p_grants: ['budgets', 'payments'], p_denies: [] })
    const has = async (key: string) => only(await db.request<{ has: boolean }>(user(contributor.userId), 'select rolecall.has_permission($1, $2) as has', [org.orgId, key])).has
    // "Create and edit budgets" brings the budgets it edits; "Make payments" the bills page
    expect([await has('budgets.manage'), await has('budgets.view_all'), await has('bills.pay'), await has('bills.view')]).toEqual([true, true, true, true])
    // the Cardholder is "Customizable: No": its role takes no checkboxes
    const cardholder = await createOrg(db, 'profit', { roles: ['owner', 'cardholder'] })
    await expectDbError(db.rpc(user(cardholder.primary.userId), 'set_member_overrides', { p_member: cardholder.members.cardholder!.memberId, p_grants: ['budgets'], p_denies: [] }), 'RC109')
  })

  it('gives the blank template no checkboxes: its members are edited key by key', async () => {
    const org = await createOrg(db, 'blank')
    expect(await db.sql('select key from rolecall.checkboxes where organization_id = $1', [org.orgId])).toEqual([])
  })

  it.each([
    ['an unknown template', { p_name: 'Acme', p_template: 'nope' }, 'RC307'],
    ['an empty name', { p_name: '  ', p_template: 'blank' }, 'RC304'],
    ['a name over 200 characters', { p_name: 'n'.repeat(201), p_template: 'blank' }, 'RC304'],
    ['an unsupported language', { p_name: 'Acme', p_template: 'blank', p_language: 'fr' }, 'RC308'],
  ])('refuses %s and creates nothing', async (_case, args, code) => {
    const someone = await db.createUser()
    const before = await db.sql<{ n: string }>('select count(*) as n from rolecall.organizations')
    await expectDbError(db.rpc(user(someone), 'create_organization', args), code)
    expect(await db.sql('select count(*) as n from rolecall.organizations')).toEqual(before)
  })

  it('needs a signed-in user', async () => {
    await expectDbError(db.rpc(serviceRole, 'create_organization', { p_name: 'Acme' }), 'RC101')
    await expectDbError(db.rpc(anon, 'create_organization', { p_name: 'Acme' }), '42501')
  })

  it('records who created it in the audit trail', async () => {
    const org = await createOrg(db, 'blank')
    const rows = await db.sql<{ actor_id: string }>("select actor_id from rolecall.audit_events where organization_id = $1 and action = 'organizations.create' and subject_type = 'organizations'", [org.orgId])
    expect(rows).toEqual([{ actor_id: org.primary.userId }])
  })
})

describe('implied permissions (an action brings the page it needs)', () => {
  it('are listed in the catalog and closed transitively, without cycles', async () => {
    const rows = await db.sql<{ permission_key: string; requires_key: string }>(
      "select permission_key, requires_key from rolecall_private.permission_closure where permission_key in ('bank_transactions.create', 'bank_accounts.manage', 'sales_contracts.approve') order by 1, 2")
    expect(rows.map((r) => `${r.permission_key}>${r.requires_key}`)).toEqual([
      'bank_accounts.manage>bank_accounts.view', 'bank_transactions.create>bank_accounts.view',
      'bank_transactions.create>bank_transactions.view', 'sales_contracts.approve>sales_contracts.view'])
    await expectDbError(db.sql("insert into rolecall.permission_requires values ('bank_accounts.view', 'bank_transactions.create')"), 'RC308')
  })

  it('keep both policy-editor views in the catalog: each key\u2019s resource and page', async () => {
    const rows = await db.sql<{ key: string; resource: string; page: string | null }>(
      "select key, resource, page from rolecall.permissions where key in ('payouts.manage', 'payouts.view', 'members.invite', 'bank_transactions.create') order by key")
    expect(rows).toEqual([
      { key: 'bank_transactions.create', resource: 'bank_transactions', page: 'bank_accounts.view' },
      { key: 'members.invite', resource: 'members', page: null },
      { key: 'payouts.manage', resource: 'payouts', page: 'payouts.view' },
      { key: 'payouts.view', resource: 'payouts', page: 'payouts.view' },
    ])
  })

  it.each([
    ['bank_accounts.manage', 'bank_accounts.view'],
    ['sales_contracts.approve', 'sales_contracts.view'],
    ['bills.pay', 'bills.view'],
  ])('%s brings %s; a deny of the page takes the action away too', async (action, page) => {
    const org = await createOrg(db, 'blank', { roles: ['admin', 'member'] })
    const member = org.members.member!
    const has = async (key: string) => (await db.request<{ has: boolean }>(user(member.userId), 'select rolecall.has_permission($1, $2) as has', [org.orgId, key]))[0]!.has
    expect([await has(action), await has(page)]).toEqual([false, false])
    await db.rpc(user(org.primary.userId), 'set_member_overrides', { p_member: member.memberId, p_grants: [action], p_denies: [] })
    expect([await has(action), await has(page)]).toEqual([true, true])
    const orgs = await db.request<{ ids: string[] }>(user(member.userId), 'select rolecall.permitted_org_ids($1) as ids', [page])
    expect(orgs[0]!.ids).toEqual([org.orgId])
    // an explicit deny of the page wins over the ticked action
    await db.rpc(user(org.primary.userId), 'set_member_overrides', { p_member: member.memberId, p_grants: [action], p_denies: [page] })
    expect([await has(action), await has(page)]).toEqual([false, false])
  })
})

describe('the demo seed', () => {
  it('has one organization per template, each with its primary member', async () => {
    const rows = await db.sql<{ template: string; primaries: string }>(
      `select o.template, count(m.id) filter (where m.is_primary) as primaries from rolecall.organizations o
         join rolecall.members m on m.organization_id = o.id
        where o.id::text like 'a0000000-0000-4000-8000-%' group by o.template order by o.template collate "C"`)
    expect(rows.map((r) => [r.template, Number(r.primaries)])).toEqual(
      ['blank', 'jusnote', 'justpaid', 'paycove', 'payments_platform', 'profit'].map((t) => [t, 1]))
  })

  it('lets the demo users sign in with the documented password (bcrypt)', async () => {
    const [row] = await db.sql<{ encrypted_password: string }>("select encrypted_password from auth.users where email = 'user@justpaid.demo'")
    expect(await passwordMatches('rolecall-demo', row!.encrypted_password)).toBe(true)
    expect(await passwordMatches('rolecall-demo!', row!.encrypted_password)).toBe(false)
  })
})
