import { describe, expect, it } from 'vitest'
import { anon, expectDbError, user, useTestDatabase } from '../support/db.ts'
import { createOrg, type TemplateKey } from '../support/orgs.ts'

/**
 * "What may I do, and why" (20261123101400_permission_reads.sql): my_organizations, my_permissions
 * with their sources, explain_permission, the IP allowlist, and the guard that my_permissions never
 * drifts from has_permission.
 */
const db = await useTestDatabase()

type Source = { type: string; policy_name?: string; role_name?: string; by?: string; permission_key?: string; checkbox?: string }
type PermissionRow = { key: string; section: string; granted: boolean; sources: Source[] }

async function myPermissions(userId: string, orgId: string, ip?: string): Promise<Record<string, PermissionRow>> {
  const rows = await db.rpc<PermissionRow>(user(userId, { ip }), 'my_permissions', { p_org: orgId })
  return Object.fromEntries(rows.map((r) => [r.key, r]))
}

async function allowlist(memberId: string, cidrs: string[]) {
  await db.sql('update rolecall.members set ip_allowlist = $2::cidr[] where id = $1', [memberId, cidrs])
}

describe('my_organizations', () => {
  it('lists every organization of the caller with role, primary flag and why it is blocked', async () => {
    const a = await createOrg(db, 'jusnote', { roles: ['admin', 'user'] })
    const b = await createOrg(db, 'paycove', { roles: ['admin'] })
    const c = await createOrg(db, 'justpaid', { roles: ['admin'] })
    const me = a.members.user!
    await db.sql(`insert into rolecall.members (organization_id, user_id, role_id, status, deactivated_at) values ($1, $2, $3, 'deactivated', now())`,
      [b.orgId, me.userId, b.roles.standard])
    await db.sql('insert into rolecall.members (organization_id, user_id, role_id, ip_allowlist) values ($1, $2, $3, $4)',
      [c.orgId, me.userId, c.roles.user, ['203.0.113.0/24']])
    const rows = await db.rpc<Record<string, unknown>>(user(me.userId, { ip: '198.51.100.1' }), 'my_organizations')
    const byOrg = Object.fromEntries(rows.map((r) => [r.organization_id as string, r]))
    expect(Object.keys(byOrg).sort()).toEqual([a.orgId, b.orgId, c.orgId].sort())
    expect(byOrg[a.orgId]).toMatchObject({ template: 'jusnote', admin_mode: 'multi', role_id: a.roles.user, is_primary: false, status: 'active', ip_allowed: true, blocked: null })
    expect(byOrg[b.orgId]).toMatchObject({ admin_mode: 'single', role_name: 'Standard user', status: 'deactivated', blocked: 'deactivated' })
    expect(byOrg[c.orgId]).toMatchObject({ ip_allowed: false, blocked: 'ip_not_allowed' })
    const inside = await db.rpc<Record<string, unknown>>(user(me.userId, { ip: '203.0.113.9' }), 'my_organizations')
    expect(inside.find((r) => r.organization_id === c.orgId)).toMatchObject({ ip_allowed: true, blocked: null })
    const primary = await db.rpc<Record<string, unknown>>(user(a.primary.userId), 'my_organizations')
    expect(primary).toMatchObject([{ organization_id: a.orgId, is_primary: true, role_id: a.roles.admin }])
  })

  it('shows nothing to a user without organizations, and refuses anonymous callers', async () => {
    expect(await db.rpc(user(await db.createUser()), 'my_organizations')).toEqual([])
    await expectDbError(db.rpc(anon, 'my_organizations'), '42501')
  })
})

describe('my_permissions', () => {
  it('gives every reason: policy, checkbox grant and deny, all-permissions role', async () => {
    const org = await createOrg(db, 'justpaid', { roles: ['admin', 'user'] })
    await db.rpc(user(org.primary.userId), 'set_member_overrides',
      { p_member: org.members.user!.memberId, p_grants: ['bills.approve'], p_denies: ['bills.create'] })
    const mine = await myPermissions(org.members.user!.userId, org.orgId)
    // "implied by": the ticked Approve Bills brings the bills page it needs
    expect(mine['bills.view']).toMatchObject({ section: 'bill_pay', granted: true,
      sources: [{ type: 'policy', policy_name: 'Basic access' }, { type: 'implied', by: 'bills.approve', label_en: 'Approve bills' }] })
    expect(mine['bills.approve']).toMatchObject({ granted: true, sources: [{ type: 'grant' }] })
    expect(mine['bills.create']).toMatchObject({ granted: false, sources: [{ type: 'policy', policy_name: 'Basic access' }, { type: 'deny' }] })
    expect(mine['roles.manage']).toMatchObject({ granted: false, sources: [] })
    const admin = await myPermissions(org.primary.userId, org.orgId)
    expect(Object.values(admin).every((p) => p.granted && p.sources[0]!.type === 'all_permissions' && p.sources[0]!.role_name === 'Admin')).toBe(true)
    // one row per key of JustPaid's own catalog (its template's sections), not the whole catalog
    const { n } = (await db.sql<{ n: number }>(
      "select count(*)::int as n from rolecall.permissions p join rolecall.templates t on t.key = 'justpaid' where p.section = any (t.sections)"))[0]!
    expect(Object.keys(admin)).toHaveLength(n)
  })

  it('lists a permission once per policy of the role that contains it', async () => {
    const org = await createOrg(db, 'profit', { roles: ['owner', 'administrator'] })
    const mine = await myPermissions(org.members.administrator!.userId, org.orgId)
    // reports.view is in Expense Management only; bills.view in Bill Pay only
    expect(mine['reports.view']!.sources.map((s) => s.policy_name)).toEqual(['Expense Management'])
    await db.sql(`insert into rolecall.policy_permissions (policy_id, organization_id, permission_key) values ($1, $2, 'reports.view')`,
      [org.policies.Banking, org.orgId])
    const again = await myPermissions(org.members.administrator!.userId, org.orgId)
    expect(again['reports.view']!.sources.map((s) => s.policy_name)).toEqual(['Banking', 'Expense Management'])
  })

  it('denies everything to a deactivated member, saying why', async () => {
    const org = await createOrg(db, 'justpaid', { roles: ['admin', 'user'] })
    await db.rpc(user(org.primary.userId), 'deactivate_member', { p_member: org.members.user!.memberId })
    const mine = Object.values(await myPermissions(org.members.user!.userId, org.orgId))
    expect(mine.some((p) => p.granted)).toBe(false)
    expect(mine.every((p) => p.sources.some((s) => s.type === 'deactivated'))).toBe(true)
  })

  it.each([
    ['inside the range', '203.0.113.9', true],
    ['outside the range', '198.51.100.9', false],
  ])('applies the IP allowlist: a request from %s', async (_, ip, inside) => {
    const org = await createOrg(db, 'justpaid', { roles: ['admin', 'user'] })
    await allowlist(org.members.user!.memberId, ['203.0.113.0/24'])
    const mine = await myPermissions(org.members.user!.userId, org.orgId, ip)
    expect(mine['bills.view']!.granted).toBe(inside)
    expect(mine['bills.view']!.sources.some((s) => s.type === 'ip_not_allowed')).toBe(!inside)
    const { ok } = (await db.request<{ ok: boolean }>(user(org.members.user!.userId, { ip }), 'select rolecall.has_permission($1, $2) as ok', [org.orgId, 'bills.view']))[0]!
    expect(ok).toBe(inside)
  })

  it('refuses outsiders (RC102)', async () => {
    const org = await createOrg(db, 'justpaid', { roles: ['admin'] })
    await expectDbError(db.rpc(user(await db.createUser()), 'my_permissions', { p_org: org.orgId }), 'RC102')
  })
})

describe('implied permissions in the reads', () => {
  it('a deny of the page removes the action that needs it, and says so', async () => {
    const org = await createOrg(db, 'justpaid', { roles: ['admin', 'user'] })
    // Basic access gives bills.create; denying the bills page takes both away
    await db.rpc(user(org.primary.userId), 'set_member_overrides',
      { p_member: org.members.user!.memberId, p_grants: ['approve_bills'], p_denies: ['bills.view'] })
    const mine = await myPermissions(org.members.user!.userId, org.orgId)
    expect(mine['bills.view']).toMatchObject({ granted: false, sources: [{ type: 'policy' }, { type: 'deny', permission_key: 'bills.view' }] })
    expect(mine['bills.approve']).toMatchObject({ granted: false, sources: [{ type: 'grant' }, { type: 'deny', permission_key: 'bills.view' }] })
    expect(mine['bills.create']).toMatchObject({ granted: false })
    const { explain_permission: why } = (await db.rpc<{ explain_permission: any }>(user(org.primary.userId),
      'explain_permission', { p_org: org.orgId, p_user: org.members.user!.userId, p_key: 'bills.approve' }))[0]!
    expect(why).toMatchObject({ granted: false, sources: [{ type: 'grant' }, { type: 'deny', permission_key: 'bills.view' }] })
  })
})

describe('explain_permission of a checkbox', () => {
  it('explains a product checkbox: its labels, state and each key it stands for', async () => {
    const org = await createOrg(db, 'justpaid', { roles: ['admin', 'user'] })
    const u = org.members.user!
    await db.rpc(user(org.primary.userId), 'set_member_overrides', { p_member: u.memberId, p_grants: ['bank_transactions'], p_denies: [] })
    const { explain_permission: why } = (await db.rpc<{ explain_permission: any }>(user(org.primary.userId),
      'explain_permission', { p_org: org.orgId, p_user: u.userId, p_key: 'bank_transactions' }))[0]!
    expect(why).toMatchObject({
      key: 'bank_transactions', granted: true,
      checkbox: { label_en: 'Bank Transactions', section: 'banking', state: 'on', ticked: true, permission_keys: ['bank_transactions.create', 'bills.pay'] },
      permissions: [{ key: 'bank_transactions.create', granted: true, sources: [{ type: 'grant' }] }, { key: 'bills.pay', granted: true, sources: [{ type: 'grant' }] }],
    })
    await expectDbError(db.rpc(user(org.primary.userId), 'explain_permission', { p_org: org.orgId, p_user: u.userId, p_key: 'no_such_box' }), 'RC301')
  })
})

describe('policies restrict as well as grant (payments platform: "permissions and restrictions set")', () => {
  it('a restricting policy takes a page and the actions needing it from the role; a member\u2019s own grant adds one back', async () => {
    const org = await createOrg(db, 'payments_platform', { roles: ['admin'] })
    const admin = user(org.primary.userId)
    const { id: payouts } = (await db.rpc<{ id: string }>(admin, 'create_policy', { p_org: org.orgId, p_name: 'Payouts', p_keys: ['payouts.view', 'payouts.manage', 'dashboard.view'] }))[0]!
    const { id: noPayouts } = (await db.rpc<{ id: string }>(admin, 'create_policy', { p_org: org.orgId, p_name: 'No payouts page', p_keys: [] }))[0]!
    await db.rpc(admin, 'set_policy_restrictions', { p_policy: noPayouts, p_keys: ['payouts.view'] })
    const { id: role } = (await db.rpc<{ id: string }>(admin, 'create_role', { p_org: org.orgId, p_name: 'Analyst', p_rank: 20, p_policy_ids: [payouts, noPayouts], p_member_overrides: true }))[0]!
    const someone = await db.createUser()
    const { id: member } = (await db.sql<{ id: string }>('insert into rolecall.members (organization_id, user_id, role_id) values ($1, $2, $3) returning id', [org.orgId, someone, role]))[0]!
    let mine = await myPermissions(someone, org.orgId)
    expect([mine['dashboard.view']!.granted, mine['payouts.view']!.granted, mine['payouts.manage']!.granted]).toEqual([true, false, false])
    expect(mine['payouts.manage']!.sources).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'restriction', policy_name: 'No payouts page', permission_key: 'payouts.view' })]))
    // the member's own checkbox is more specific than the role's policies
    await db.rpc(admin, 'set_member_overrides', { p_member: member, p_grants: ['payouts.manage'], p_denies: [] })
    mine = await myPermissions(someone, org.orgId)
    expect([mine['payouts.view']!.granted, mine['payouts.manage']!.granted]).toEqual([true, true])
    // no escalation: taking the restricting policy off the role hands payouts back, so only someone
    // holding them may (a role manager without payouts.view is refused)
    const { id: leadRole } = (await db.rpc<{ id: string }>(admin, 'create_role', { p_org: org.orgId, p_name: 'Lead', p_rank: 50, p_policy_ids: [] }))[0]!
    const { id: rolesPolicy } = (await db.rpc<{ id: string }>(admin, 'create_policy', { p_org: org.orgId, p_name: 'Roles', p_keys: ['roles.manage'] }))[0]!
    await db.rpc(admin, 'set_role_policies', { p_role: leadRole, p_policy_ids: [rolesPolicy] })
    const lead = await db.createUser()
    await db.sql('insert into rolecall.members (organization_id, user_id, role_id) values ($1, $2, $3)', [org.orgId, lead, leadRole])
    await expectDbError(db.rpc(user(lead), 'set_role_policies', { p_role: role, p_policy_ids: [payouts] }), 'RC107')
    // lifting the restriction gives the role its policy back
    await db.rpc(admin, 'set_member_overrides', { p_member: member, p_grants: [], p_denies: [] })
    await db.rpc(admin, 'set_policy_restrictions', { p_policy: noPayouts, p_keys: [] })
    mine = await myPermissions(someone, org.orgId)
    expect([mine['payouts.view']!.granted, mine['payouts.manage']!.granted]).toEqual([true, true])
    expect((await db.sql("select effect from rolecall.policy_permissions where policy_id = $1", [noPayouts]))).toEqual([])
  })
})

describe('the organization\u2019s own catalog', () => {
  it('lists a Profit organization\u2019s sections, not the whole catalog', async () => {
    const org = await createOrg(db, 'profit', { roles: ['owner', 'contributor'] })
    const rows = await db.rpc<PermissionRow>(user(org.primary.userId), 'my_permissions', { p_org: org.orgId })
    const sections = [...new Set(rows.map((r) => r.section))]
    expect(sections).toEqual(['bill_pay', 'invoicing', 'banking', 'reports', 'expense_management', 'administration', 'team'])
    const all = await db.sql<{ n: string }>('select count(*) as n from rolecall.permissions')
    expect(rows.length).toBeLessThan(Number(all[0]!.n))
    // the catalog itself stays whole for operators (and for any key has_permission is asked about)
    expect(Number(all[0]!.n)).toBeGreaterThan(50)
  })

  it('adds the keys an organization\u2019s own policies use', async () => {
    const org = await createOrg(db, 'profit', { roles: ['owner'] })
    const before = (await db.rpc<PermissionRow>(user(org.primary.userId), 'my_permissions', { p_org: org.orgId })).map((r) => r.key)
    expect(before).not.toContain('payouts.manage')
    await db.rpc(user(org.primary.userId), 'create_policy', { p_org: org.orgId, p_name: 'Payouts', p_description: '', p_keys: ['payouts.manage'] })
    const after = (await db.rpc<PermissionRow>(user(org.primary.userId), 'my_permissions', { p_org: org.orgId })).map((r) => r.key)
    expect(after).toEqual(expect.arrayContaining(['payouts.manage', 'payouts.view']))
  })

  it('is the whole catalog for the blank template', async () => {
    const org = await createOrg(db, 'blank', { roles: ['admin'] })
    const rows = await db.rpc<PermissionRow>(user(org.primary.userId), 'my_permissions', { p_org: org.orgId })
    const all = await db.sql<{ n: string }>('select count(*) as n from rolecall.permissions')
    expect(rows.length).toBe(Number(all[0]!.n))
  })
})

describe('explain_permission', () => {
  it('explains oneself, and others to those who edit permissions', async () => {
    const org = await createOrg(db, 'justpaid', { roles: ['admin', 'user'] })
    await allowlist(org.members.user!.memberId, ['203.0.113.0/24'])
    const { explain_permission: self } = (await db.rpc<{ explain_permission: any }>(user(org.members.user!.userId, { ip: '203.0.113.5' }),
      'explain_permission', { p_org: org.orgId, p_user: org.members.user!.userId, p_key: 'bills.view' }))[0]!
    expect(self).toMatchObject({ granted: true, ip_checked: true, role: { name: 'User' },
      sources: [{ type: 'policy', policy_name: 'Basic access' }, { type: 'implied', by: 'bills.create' }] })
    const { explain_permission: byAdmin } = (await db.rpc<{ explain_permission: any }>(user(org.primary.userId),
      'explain_permission', { p_org: org.orgId, p_user: org.members.user!.userId, p_key: 'bills.approve' }))[0]!
    expect(byAdmin).toMatchObject({ granted: false, sources: [], ip_checked: false, ip_allowlist: ['203.0.113.0/24'], member_id: org.members.user!.memberId })
  })

  it.each([
    ['another member without members.edit_permissions', 'RC103', 'user', 'admin', 'bills.view'],
    ['an unknown key', 'RC301', 'admin', 'user', 'bills.teleport'],
    ['a user who is not a member', 'RC306', 'admin', 'stranger', 'bills.view'],
    ['an outsider asking', 'RC102', 'stranger', 'admin', 'bills.view'],
  ])('refuses %s (%s)', async (_, code, askerKey, subjectKey, key) => {
    const org = await createOrg(db, 'justpaid', { roles: ['admin', 'user'] })
    const stranger = await db.createUser()
    const id = (k: string) => (k === 'stranger' ? stranger : org.members[k]!.userId)
    await expectDbError(db.rpc(user(id(askerKey)), 'explain_permission', { p_org: org.orgId, p_user: id(subjectKey), p_key: key }), code)
  })
})

describe('my_permissions agrees with has_permission', () => {
  it('for every member of every template and the seed, for every permission key', async () => {
    const everyone: Record<TemplateKey, string[]> = {
      blank: ['admin', 'member'],
      justpaid: ['admin', 'admin:2', 'accountant', 'user', 'user:ticked', 'user:off'],
      jusnote: ['admin', 'user', 'user:ticked'],
      profit: ['owner', 'administrator', 'contributor', 'contributor:ticked', 'cardholder'],
      paycove: ['admin', 'manager', 'standard'],
      payments_platform: ['admin', 'admin:fenced'],
    }
    for (const [template, roles] of Object.entries(everyone) as [TemplateKey, string[]][]) {
      const org = await createOrg(db, template, { roles })
      for (const [key, m] of Object.entries(org.members)) {
        if (key.endsWith(':ticked')) {
          const keys = await db.sql<{ key: string }>('select key from rolecall.permissions order by key')
          await db.sql(`insert into rolecall.member_overrides (member_id, organization_id, permission_key, effect)
                        select $1, $2, k, case when n % 2 = 0 then 'grant' else 'deny' end::rolecall.override_effect
                          from unnest($3::text[]) with ordinality as t(k, n) where n % 3 <> 0`,
            [m.memberId, org.orgId, keys.map((k) => k.key)])
        }
        if (key.endsWith(':off')) await db.sql(`update rolecall.members set status = 'deactivated', deactivated_at = now() where id = $1`, [m.memberId])
        // a role without checkboxes but a stray override row (SQL editor): both must ignore it
        if (key === 'cardholder') {
          await db.sql(`insert into rolecall.member_overrides (member_id, organization_id, permission_key, effect) values ($1, $2, 'bills.approve', 'grant')`,
            [m.memberId, org.orgId])
        }
        if (key.endsWith(':fenced')) await allowlist(m.memberId, ['10.9.0.0/16'])
      }
    }
    const members = await db.sql<{ user_id: string; organization_id: string }>('select user_id, organization_id from rolecall.members order by id')
    expect(members.length).toBeGreaterThan(20)
    let compared = 0
    const disagreements: unknown[] = []
    for (const m of members) {
      const rows = await db.request<{ key: string; granted: boolean; has: boolean; sources: Source[] }>(user(m.user_id),
        'select p.key, p.granted, rolecall.has_permission($1, p.key) as has, p.sources from rolecall.my_permissions($1) p', [m.organization_id])
      for (const row of rows) {
        // the reasons imply the verdict too: blocked -> no; deny -> no; else any positive source -> yes
        const types = row.sources.map((s) => s.type)
        // an always-on key holds whatever the checkboxes say; a deny (of the key or of a page it
        // requires) beats a policy, a grant and an "implied by"
        const blocked = types.includes('deactivated') || types.includes('ip_not_allowed')
        // a policy restriction takes away what policies give, not the member's own grant
        const restricted = types.includes('restriction')
        const implied = !blocked && (types.includes('always_on') || (!types.includes('deny')
          && (types.includes('all_permissions') || types.includes('grant') || types.includes('implied')
              || (types.includes('policy') && !restricted))))
        if (row.granted !== row.has || implied !== row.granted) disagreements.push({ member: m, ...row, implied })
        compared++
      }
    }
    expect(disagreements).toEqual([])
    expect(compared).toBeGreaterThan(1000)
  })
})
