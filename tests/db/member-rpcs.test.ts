import { describe, expect, it } from 'vitest'
import { type Actor, expectDbError, user, useTestDatabase } from '../support/db.ts'
import { createOrg, type TestOrg } from '../support/orgs.ts'
import { viaFunctions } from './function-paths.ts'

/**
 * The member RPCs (supabase/migrations/20261123101200_member_rpcs.sql and _primary_transfer.sql):
 * an allow and a deny for each, bad input with its own SQLSTATE, and that a refused call changed
 * nothing.
 */
// NOTE: remove_member, transfer_primary and promote_to_admin run as their edge functions call them (function-paths.ts)
const db = viaFunctions(await useTestDatabase())

/** Everything a member RPC could touch in one organization, as one comparable value. */
async function snapshot(orgId: string): Promise<unknown> {
  const [row] = await db.sql(
    `select (select jsonb_agg(m order by m.id) from rolecall.members m where m.organization_id = $1) as members,
            (select jsonb_agg(o order by o.member_id, o.permission_key) from rolecall.member_overrides o where o.organization_id = $1) as overrides,
            (select jsonb_agg(g order by g.id) from rolecall.resource_grants g where g.organization_id = $1) as grants,
            (select count(*) from rolecall.audit_events e where e.organization_id = $1) as events`,
    [orgId],
  )
  return row
}

async function member(memberId: string) {
  const [row] = await db.sql<{ role_id: string; status: string; is_primary: boolean; ip_allowlist: string[] }>(
    'select role_id, status, is_primary, ip_allowlist::text[] as ip_allowlist from rolecall.members where id = $1', [memberId])
  return row
}

async function overrides(memberId: string): Promise<Record<string, string>> {
  const rows = await db.sql<{ permission_key: string; effect: string }>(
    'select permission_key, effect from rolecall.member_overrides where member_id = $1', [memberId])
  return Object.fromEntries(rows.map((r) => [r.permission_key, r.effect]))
}

async function holds(actor: Actor, orgId: string, key: string): Promise<boolean> {
  const [row] = await db.request<{ ok: boolean }>(actor, 'select rolecall.has_permission($1, $2) as ok', [orgId, key])
  return row!.ok
}

async function tick(org: TestOrg, memberKey: string, effects: Record<string, 'grant' | 'deny'>) {
  for (const [key, effect] of Object.entries(effects)) {
    await db.sql('insert into rolecall.member_overrides (member_id, organization_id, permission_key, effect) values ($1, $2, $3, $4)',
      [org.members[memberKey]!.memberId, org.orgId, key, effect])
  }
}

describe('change_member_role', () => {
  it('lets an admin move a user to another role, keeping checkboxes the new role takes', async () => {
    const org = await createOrg(db, 'justpaid', { roles: ['admin', 'user'] })
    await tick(org, 'user', { 'bills.approve': 'grant' })
    const [row] = await db.rpc<{ role_id: string }>(user(org.primary.userId), 'change_member_role',
      { p_member: org.members.user!.memberId, p_role: org.roles.accountant })
    expect(row!.role_id).toBe(org.roles.accountant)
    expect(await overrides(org.members.user!.memberId)).toEqual({ 'bills.approve': 'grant' })
  })

  it('drops the checkboxes when the new role takes none', async () => {
    const org = await createOrg(db, 'profit', { roles: ['owner', 'contributor'] })
    await tick(org, 'contributor', { 'reports.view': 'grant' })
    await db.rpc(user(org.primary.userId), 'change_member_role', { p_member: org.members.contributor!.memberId, p_role: org.roles.cardholder })
    expect(await overrides(org.members.contributor!.memberId)).toEqual({})
  })

  it('refuses a caller without members.change_role (RC103)', async () => {
    const org = await createOrg(db, 'justpaid', { roles: ['admin', 'user', 'user:2'] })
    await expectDbError(db.rpc(user(org.members.user!.userId), 'change_member_role',
      { p_member: org.members['user:2']!.memberId, p_role: org.roles.accountant }), 'RC103')
  })

  it('refuses the Admin role in single-admin mode (RC108: promote_to_admin)', async () => {
    const org = await createOrg(db, 'paycove', { roles: ['admin', 'manager'] })
    await expectDbError(db.rpc(user(org.primary.userId), 'change_member_role',
      { p_member: org.members.manager!.memberId, p_role: org.roles.admin }), 'RC108')
  })
})

describe('set_member_overrides', () => {
  it('replaces the checkboxes and the member holds what was ticked', async () => {
    const org = await createOrg(db, 'justpaid', { roles: ['admin', 'user'] })
    const target = org.members.user!
    expect(await holds(user(target.userId), org.orgId, 'bills.approve')).toBe(false)
    await db.rpc(user(org.primary.userId), 'set_member_overrides',
      { p_member: target.memberId, p_grants: ['bills.approve', 'reports.view'], p_denies: [] })
    expect(await holds(user(target.userId), org.orgId, 'bills.approve')).toBe(true)
    await db.rpc(user(org.primary.userId), 'set_member_overrides',
      { p_member: target.memberId, p_grants: ['bills.approve'], p_denies: ['bills.create'] })
    expect(await overrides(target.memberId)).toEqual({ 'bills.approve': 'grant', 'bills.create': 'deny' })
    expect(await holds(user(target.userId), org.orgId, 'bills.create')).toBe(false)
  })

  it('writes only the rows that change, so the audit trail lists real changes', async () => {
    const org = await createOrg(db, 'justpaid', { roles: ['admin', 'user'] })
    const target = org.members.user!
    await tick(org, 'user', { 'bills.approve': 'grant', 'reports.view': 'grant', 'bills.create': 'deny' })
    const { last } = (await db.sql<{ last: string }>('select coalesce(max(id), 0) as last from rolecall.audit_events'))[0]!
    await db.rpc(user(org.primary.userId), 'set_member_overrides',
      { p_member: target.memberId, p_grants: ['bills.approve', 'bills.create'], p_denies: ['integrations.manage'] })
    const events = await db.sql<{ subject_id: string; op: string }>(
      `select subject_id, case when before is null then 'insert' when after is null then 'delete' else 'update' end as op
         from rolecall.audit_events where id > $1 order by subject_id`, [last])
    expect(events).toEqual([
      { subject_id: `${target.memberId}/bills.create`, op: 'update' },
      { subject_id: `${target.memberId}/integrations.manage`, op: 'insert' },
      { subject_id: `${target.memberId}/reports.view`, op: 'delete' },
    ])
  })

  it('refuses a role without per-member permissions (RC109)', async () => {
    const org = await createOrg(db, 'profit', { roles: ['owner', 'cardholder'] })
    await expectDbError(db.rpc(user(org.primary.userId), 'set_member_overrides',
      { p_member: org.members.cardholder!.memberId, p_grants: ['bills.view'], p_denies: [] }), 'RC109')
  })

  it.each([
    ['adding a permission it lacks', { 'p_grants': ['sales_contracts.approve'], p_denies: [] }, {}],
    ['clearing a deny of a permission it lacks', { p_grants: [], p_denies: [] }, { 'sales_contracts.approve': 'deny' }],
  ] as const)('refuses a caller %s (RC107)', async (_, args, existing) => {
    const org = await createOrg(db, 'profit', { roles: ['owner', 'administrator', 'contributor'] })
    await tick(org, 'contributor', existing as Record<string, 'grant' | 'deny'>)
    const before = await snapshot(org.orgId)
    await expectDbError(db.rpc(user(org.members.administrator!.userId), 'set_member_overrides',
      { p_member: org.members.contributor!.memberId, ...args }), 'RC107')
    expect(await snapshot(org.orgId)).toEqual(before)
  })

  it('lets a non-admin editor tick what it holds itself', async () => {
    const org = await createOrg(db, 'profit', { roles: ['owner', 'administrator', 'contributor'] })
    await db.rpc(user(org.members.administrator!.userId), 'set_member_overrides',
      { p_member: org.members.contributor!.memberId, p_grants: ['bills.approve'], p_denies: [] })
    expect(await overrides(org.members.contributor!.memberId)).toEqual({ 'bills.approve': 'grant' })
  })

  it('refuses the same key granted and denied (RC308)', async () => {
    const org = await createOrg(db, 'justpaid', { roles: ['admin', 'user'] })
    await expectDbError(db.rpc(user(org.primary.userId), 'set_member_overrides',
      { p_member: org.members.user!.memberId, p_grants: ['bills.approve'], p_denies: ['bills.approve'] }), 'RC308')
  })
})

describe('set_ip_allowlist', () => {
  it('stores addresses and ranges', async () => {
    const org = await createOrg(db, 'payments_platform', { roles: ['admin'] })
    const other = await db.createUser()
    const { id } = (await db.sql<{ id: string }>('insert into rolecall.members (organization_id, user_id, role_id) values ($1, $2, $3) returning id',
      [org.orgId, other, org.roles.admin]))[0]!
    const [row] = await db.rpc<{ ip_allowlist: string[] }>(user(org.primary.userId), 'set_ip_allowlist',
      { p_member: id, p_allowlist: ['203.0.113.0/24', ' 198.51.100.7 ', '2001:db8::/32'] })
    expect(row!.ip_allowlist).toEqual(['203.0.113.0/24', '198.51.100.7', '2001:db8::/32'])
  })

  it('refuses a caller without members.edit_ip_allowlist (RC103)', async () => {
    const org = await createOrg(db, 'jusnote', { roles: ['admin', 'user', 'user:2'] })
    await expectDbError(db.rpc(user(org.members.user!.userId), 'set_ip_allowlist',
      { p_member: org.members['user:2']!.memberId, p_allowlist: ['10.0.0.0/8'] }), 'RC103')
  })
})

describe('set_resource_grants', () => {
  /** Rows of the example vendor table that registers the resource type (rolecall_private.resource_types). */
  async function rows(table: 'projects' | 'budgets', orgId: string, count: number): Promise<string[]> {
    const inserted = await db.sql<{ id: string }>(
      `insert into example.${table} (organization_id, name) select $1, 'R' || i from generate_series(1, $2::int) i returning id`, [orgId, count])
    return inserted.map((r) => r.id)
  }

  it('replaces the projects a member reaches', async () => {
    const org = await createOrg(db, 'jusnote', { roles: ['admin', 'user'] })
    const target = org.members.user!
    const [p1, p2, p3] = await rows('projects', org.orgId, 3) as [string, string, string]
    const access = async (id: string) => (await db.request<{ ok: boolean }>(user(target.userId),
      'select rolecall.has_resource_access($1, $2, $3) as ok', [org.orgId, 'project', id]))[0]!.ok
    await db.rpc(user(org.primary.userId), 'set_resource_grants', { p_member: target.memberId, p_resource_type: 'project', p_resource_ids: [p1, p2] })
    expect([await access(p1), await access(p2), await access(p3)]).toEqual([true, true, false])
    await db.rpc(user(org.primary.userId), 'set_resource_grants', { p_member: target.memberId, p_resource_type: 'project', p_resource_ids: [p2] })
    expect([await access(p1), await access(p2)]).toEqual([false, true])
  })

  it('lets an editor share only what it reaches itself (RC107)', async () => {
    const org = await createOrg(db, 'profit', { roles: ['owner', 'administrator', 'contributor'] })
    const args = { p_member: org.members.contributor!.memberId }
    const [budget] = await rows('budgets', org.orgId, 1)
    const [project] = await rows('projects', org.orgId, 1)
    // the administrator holds budgets.view_all, not projects.view_all
    await db.rpc(user(org.members.administrator!.userId), 'set_resource_grants', { ...args, p_resource_type: 'budget', p_resource_ids: [budget] })
    await expectDbError(db.rpc(user(org.members.administrator!.userId), 'set_resource_grants',
      { ...args, p_resource_type: 'project', p_resource_ids: [project] }), 'RC107')
  })

  it('refuses a resource of another organization (RC305), one that does not exist (RC306), and changes nothing', async () => {
    const org = await createOrg(db, 'jusnote', { roles: ['admin', 'user'] })
    const other = await createOrg(db, 'jusnote')
    const [mine] = await rows('projects', org.orgId, 1)
    const [theirs] = await rows('projects', other.orgId, 1)
    const args = { p_member: org.members.user!.memberId, p_resource_type: 'project' }
    await db.rpc(user(org.primary.userId), 'set_resource_grants', { ...args, p_resource_ids: [mine] })
    const error = await expectDbError(db.rpc(user(org.primary.userId), 'set_resource_grants', { ...args, p_resource_ids: [mine, theirs] }), 'RC305')
    expect(error.detail).toBe(`project ${theirs}`)
    await expectDbError(db.rpc(user(org.primary.userId), 'set_resource_grants', { ...args, p_resource_ids: ['00000000-0000-4000-8000-000000000000'] }), 'RC306')
    await expectDbError(db.rpc(user(org.primary.userId), 'set_resource_grants', { ...args, p_resource_ids: ['not-a-uuid'] }), 'RC306')
    const grants = await db.sql<{ resource_id: string }>('select resource_id from rolecall.resource_grants where member_id = $1', [org.members.user!.memberId])
    expect(grants).toEqual([{ resource_id: mine }])
  })

  it('stores the id in its canonical form, and removes a grant whose resource was deleted', async () => {
    const org = await createOrg(db, 'jusnote', { roles: ['admin', 'user'] })
    const [project] = await rows('projects', org.orgId, 1) as [string]
    const args = { p_member: org.members.user!.memberId, p_resource_type: 'project' }
    await db.rpc(user(org.primary.userId), 'set_resource_grants', { ...args, p_resource_ids: [project.toUpperCase()] })
    expect(await db.sql('select resource_id from rolecall.resource_grants where member_id = $1', [args.p_member])).toEqual([{ resource_id: project }])
    await db.sql('delete from example.projects where id = $1', [project])
    await db.rpc(user(org.primary.userId), 'set_resource_grants', { ...args, p_resource_ids: [] })
    expect(await db.sql('select 1 from rolecall.resource_grants where member_id = $1', [args.p_member])).toEqual([])
  })

  it.each([['Bad Type', ['x']], ['project', ['']], ['spaceship', ['x']]])('refuses resource type %j / ids %j (RC308: malformed or unregistered)', async (type, ids) => {
    const org = await createOrg(db, 'jusnote', { roles: ['admin', 'user'] })
    await expectDbError(db.rpc(user(org.primary.userId), 'set_resource_grants',
      { p_member: org.members.user!.memberId, p_resource_type: type, p_resource_ids: ids }), 'RC308')
  })
})

describe('deactivate_member / reactivate_member', () => {
  it('suspends and restores a member with its permissions', async () => {
    const org = await createOrg(db, 'justpaid', { roles: ['admin', 'user'] })
    const target = org.members.user!
    await db.rpc(user(org.primary.userId), 'deactivate_member', { p_member: target.memberId })
    expect((await member(target.memberId))!.status).toBe('deactivated')
    expect(await holds(user(target.userId), org.orgId, 'bills.view')).toBe(false)
    await db.rpc(user(org.primary.userId), 'reactivate_member', { p_member: target.memberId })
    expect((await member(target.memberId))!.status).toBe('active')
    expect(await holds(user(target.userId), org.orgId, 'bills.view')).toBe(true)
  })

  it.each(['deactivate_member', 'reactivate_member'])('%s refuses a caller without members.deactivate (RC103)', async (fn) => {
    const org = await createOrg(db, 'justpaid', { roles: ['admin', 'user', 'user:2'] })
    await expectDbError(db.rpc(user(org.members.user!.userId), fn, { p_member: org.members['user:2']!.memberId }), 'RC103')
  })
})

describe('remove_member', () => {
  it('removes a member with its checkboxes and grants', async () => {
    const org = await createOrg(db, 'justpaid', { roles: ['admin', 'user'] })
    await tick(org, 'user', { 'bills.approve': 'grant' })
    const [row] = await db.rpc<{ id: string }>(user(org.primary.userId), 'remove_member', { p_member: org.members.user!.memberId })
    expect(row!.id).toBe(org.members.user!.memberId)
    expect(await member(org.members.user!.memberId)).toBeUndefined()
    expect(await overrides(org.members.user!.memberId)).toEqual({})
  })

  it('refuses a caller without members.remove (RC103)', async () => {
    const org = await createOrg(db, 'profit', { roles: ['owner', 'administrator', 'contributor'] })
    await expectDbError(db.rpc(user(org.members.administrator!.userId), 'remove_member', { p_member: org.members.contributor!.memberId }), 'RC103')
  })
})

describe('leave_organization', () => {
  it('lets a member leave', async () => {
    const org = await createOrg(db, 'jusnote', { roles: ['admin', 'user'] })
    await db.rpc(user(org.members.user!.userId), 'leave_organization', { p_org: org.orgId })
    expect(await member(org.members.user!.memberId)).toBeUndefined()
  })

  it('refuses the primary (RC204) and outsiders (RC102)', async () => {
    const org = await createOrg(db, 'jusnote', { roles: ['admin', 'user'] })
    await expectDbError(db.rpc(user(org.primary.userId), 'leave_organization', { p_org: org.orgId }), 'RC204')
    await expectDbError(db.rpc(user(await db.createUser()), 'leave_organization', { p_org: org.orgId }), 'RC102')
  })
})

describe('transfer_primary', () => {
  it('hands primary status over; the target joins the admin role, the old primary keeps it', async () => {
    const org = await createOrg(db, 'jusnote', { roles: ['admin', 'user'] })
    const [row] = await db.rpc<{ is_primary: boolean; role_id: string }>(user(org.primary.userId), 'transfer_primary', { p_member: org.members.user!.memberId })
    expect(row).toMatchObject({ is_primary: true, role_id: org.roles.admin })
    expect(await member(org.primary.memberId)).toMatchObject({ is_primary: false, role_id: org.roles.admin, status: 'active' })
  })

  it('refuses anyone but the primary (RC105) and an inactive target (RC201)', async () => {
    const org = await createOrg(db, 'jusnote', { roles: ['admin', 'admin:2', 'user'] })
    await expectDbError(db.rpc(user(org.members['admin:2']!.userId), 'transfer_primary', { p_member: org.members.user!.memberId }), 'RC105')
    await db.rpc(user(org.primary.userId), 'deactivate_member', { p_member: org.members.user!.memberId })
    await expectDbError(db.rpc(user(org.primary.userId), 'transfer_primary', { p_member: org.members.user!.memberId }), 'RC201')
  })

  it('is promote_to_admin in single-admin mode', async () => {
    const org = await createOrg(db, 'paycove', { roles: ['admin', 'standard'] })
    await db.rpc(user(org.primary.userId), 'transfer_primary', { p_member: org.members.standard!.memberId })
    expect(await member(org.members.standard!.memberId)).toMatchObject({ is_primary: true, role_id: org.roles.admin })
    expect(await member(org.primary.memberId)).toMatchObject({ is_primary: false, role_id: org.roles.manager })
  })
})

describe('promote_to_admin and its preview', () => {
  it('previews the promotion without changing anything', async () => {
    const org = await createOrg(db, 'paycove', { roles: ['admin', 'standard'] })
    const before = await snapshot(org.orgId)
    const { preview_promote_to_admin: plan } = (await db.rpc<{ preview_promote_to_admin: any }>(user(org.primary.userId),
      'preview_promote_to_admin', { p_member: org.members.standard!.memberId }))[0]!
    expect(plan.new_admin).toMatchObject({ member_id: org.members.standard!.memberId, role_before: { id: org.roles.standard }, role_after: { id: org.roles.admin } })
    expect(plan.old_admin).toMatchObject({ member_id: org.primary.memberId, role_after: { id: org.roles.manager, name: 'Manager' } })
    expect(await snapshot(org.orgId)).toEqual(before)
  })

  it('makes a Manager the Admin and the old Admin a Manager', async () => {
    const org = await createOrg(db, 'paycove', { roles: ['admin', 'manager'] })
    const [row] = await db.rpc<{ is_primary: boolean; role_id: string }>(user(org.primary.userId), 'promote_to_admin', { p_member: org.members.manager!.memberId })
    expect(row).toMatchObject({ is_primary: true, role_id: org.roles.admin })
    expect(await member(org.primary.memberId)).toMatchObject({ is_primary: false, role_id: org.roles.manager })
  })

  it.each(['promote_to_admin', 'preview_promote_to_admin'])('%s: only the Admin may (RC108), only in single-admin mode (RC308)', async (fn) => {
    const paycove = await createOrg(db, 'paycove', { roles: ['admin', 'manager', 'standard'] })
    await expectDbError(db.rpc(user(paycove.members.manager!.userId), fn, { p_member: paycove.members.standard!.memberId }), 'RC108')
    const jusnote = await createOrg(db, 'jusnote', { roles: ['admin', 'user'] })
    await expectDbError(db.rpc(user(jusnote.primary.userId), fn, { p_member: jusnote.members.user!.memberId }), 'RC308')
  })
})

describe('bad input changes nothing', () => {
  const unknown = '00000000-0000-4000-8000-000000000000'
  const calls: [string, (org: TestOrg) => Record<string, unknown>][] = [
    ['change_member_role', (o) => ({ p_member: unknown, p_role: o.roles.user })],
    ['set_member_overrides', () => ({ p_member: unknown, p_grants: [], p_denies: [] })],
    ['set_ip_allowlist', () => ({ p_member: unknown, p_allowlist: [] })],
    ['set_resource_grants', () => ({ p_member: unknown, p_resource_type: 'project', p_resource_ids: [] })],
    ['deactivate_member', () => ({ p_member: unknown })],
    ['reactivate_member', () => ({ p_member: unknown })],
    ['remove_member', () => ({ p_member: unknown })],
    ['transfer_primary', () => ({ p_member: unknown })],
    ['promote_to_admin', () => ({ p_member: unknown })],
    ['preview_promote_to_admin', () => ({ p_member: unknown })],
    ['leave_organization', () => ({ p_org: unknown })],
  ]

  it.each(calls)('%s with an unknown id: RC306', async (fn, args) => {
    const org = await createOrg(db, 'justpaid', { roles: ['admin', 'user'] })
    const before = await snapshot(org.orgId)
    await expectDbError(db.rpc(user(org.primary.userId), fn, args(org)), 'RC306')
    expect(await snapshot(org.orgId)).toEqual(before)
  })

  const invalid: [string, string, (org: TestOrg, other: TestOrg) => [string, Record<string, unknown>]][] = [
    ['an unknown permission key', 'RC301', (o) => ['set_member_overrides', { p_member: o.members.user!.memberId, p_grants: ['bills.approve', 'bills.teleport'], p_denies: [] }]],
    ['an unknown key among denies', 'RC301', (o) => ['set_member_overrides', { p_member: o.members.user!.memberId, p_grants: [], p_denies: ['nope.nope'] }]],
    ['an invalid CIDR', 'RC303', (o) => ['set_ip_allowlist', { p_member: o.members.user!.memberId, p_allowlist: ['10.0.0.0/8', '300.1.2.3'] }]],
    ['a CIDR with host bits', 'RC303', (o) => ['set_ip_allowlist', { p_member: o.members.user!.memberId, p_allowlist: ['10.0.0.1/8'] }]],
    ['a role of another organization', 'RC305', (o, x) => ['change_member_role', { p_member: o.members.user!.memberId, p_role: x.roles.user }]],
    ['a member of another organization', 'RC102', (_o, x) => ['deactivate_member', { p_member: x.members.user!.memberId }]],
  ]

  it.each(invalid)('%s: %s', async (_, code, call) => {
    const org = await createOrg(db, 'justpaid', { roles: ['admin', 'user'] })
    const other = await createOrg(db, 'justpaid', { roles: ['admin', 'user'] })
    const [fn, args] = call(org, other)
    const before = [await snapshot(org.orgId), await snapshot(other.orgId)]
    await expectDbError(db.rpc(user(org.primary.userId), fn, args), code)
    expect([await snapshot(org.orgId), await snapshot(other.orgId)]).toEqual(before)
  })
})

describe('member identity from Auth', () => {
  // NOTE: user metadata is whatever the user sent to Auth; the name reaches admins and email headers.
  it('copies the name without control characters, trimmed, at most 200 characters', async () => {
    const [member] = await db.sql<{ id: string; user_id: string }>(
      "select m.id, m.user_id from rolecall.members m where m.email = 'user@justpaid.demo'",
    )
    await db.sql(`update auth.users set raw_user_meta_data = jsonb_build_object('full_name', $2::text) where id = $1`,
      [member!.user_id, ` Eve\r\nBcc: all@example.test\u2028${'x'.repeat(300)}`])
    const [row] = await db.sql<{ display_name: string }>('select display_name from rolecall.members where id = $1', [member!.id])
    expect(row!.display_name).toBe(`Eve Bcc: all@example.test ${'x'.repeat(300)}`.slice(0, 200))

    const id = await db.createUser(undefined, 'Mallory\n\tX')
    const [created] = await db.sql<{ name: string }>(
      "select rolecall_private.member_display_name(raw_user_meta_data) as name from auth.users where id = $1", [id])
    expect(created!.name).toBe('Mallory X')
  })
})
