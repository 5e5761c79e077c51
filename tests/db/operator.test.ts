import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { anon, expectDbError, serviceRole, user, useTestDatabase } from '../support/db.ts'
import { createOrg } from '../support/orgs.ts'

/**
 * Operator functions (20261123101500_operator_functions.sql): service role and the SQL editor only.
 */
const db = await useTestDatabase()
const unknown = '00000000-0000-4000-8000-000000000000'

async function members(orgId: string) {
  return db.sql<{ user_id: string; role_key: string; is_primary: boolean; status: string }>(
    `select m.user_id, r.template_key as role_key, m.is_primary, m.status::text as status
       from rolecall.members m join rolecall.roles r on r.id = m.role_id where m.organization_id = $1 order by m.created_at, m.id`, [orgId])
}

describe('who may call them', () => {
  const calls: [string, string, unknown[]][] = [
    ['ops_transfer_ownership', 'select rolecall.ops_transfer_ownership($1, $2)', [unknown, unknown]],
    ['ops_reactivate_member', 'select rolecall.ops_reactivate_member($1)', [unknown]],
    ['ops_expire_invitations', 'select rolecall.ops_expire_invitations()', []],
    ['ops_add_owner', 'select rolecall.ops_add_owner($1, $2)', [unknown, unknown]],
    ['ops_reopen_organization', 'select rolecall.ops_reopen_organization($1)', [unknown]],
    ['ops_purge_organization', 'select rolecall.ops_purge_organization($1)', [unknown]],
    ['ops_service_contact', 'select * from rolecall.ops_service_contact($1)', [unknown]],
    ['members_permissions_report', 'select * from rolecall.members_permissions_report', []],
  ]

  it.each(calls)('%s: refused to signed-in users and anonymous callers (42501)', async (_, sql, params) => {
    const org = await createOrg(db, 'profit', { roles: ['owner'] })
    await expectDbError(db.request(user(org.primary.userId), sql, params), '42501')
    await expectDbError(db.request(anon, sql, params), '42501')
  })

  it.each(calls)('%s: allowed to the service role', async (name, sql, params) => {
    const call = db.request(serviceRole, sql, params)
    // unknown ids are still refused, but by the function, not by a missing privilege
    if (['ops_transfer_ownership', 'ops_reactivate_member', 'ops_add_owner', 'ops_reopen_organization', 'ops_purge_organization'].includes(name)) await expectDbError(call, 'RC306')
    else await call
  })

  it('every operator object explains itself in the dashboard (comment on)', async () => {
    const rows = await db.sql<{ name: string; comment: string | null }>(
      `select p.proname as name, obj_description(p.oid, 'pg_proc') as comment from pg_proc p
        where p.pronamespace = 'rolecall'::regnamespace and p.proname like 'ops\\_%'
       union all
       select 'members_permissions_report', obj_description('rolecall.members_permissions_report'::regclass, 'pg_class')`)
    expect(rows.map((r) => r.name).sort()).toEqual(['members_permissions_report', 'ops_add_owner', 'ops_expire_invitations', 'ops_purge_organization', 'ops_reactivate_member', 'ops_reopen_organization', 'ops_service_contact', 'ops_transfer_ownership'])
    expect(rows.filter((r) => !r.comment)).toEqual([])
  })
})

describe('ops_transfer_ownership', () => {
  it('Profit: a new owner through support; the full Owner role sends the old owner one role down', async () => {
    const org = await createOrg(db, 'profit', { roles: ['owner', 'administrator'] })
    const newcomer = await db.createUser('new-owner@example.test')
    const [row] = await db.rpc<{ user_id: string; is_primary: boolean; role_id: string }>(serviceRole, 'ops_transfer_ownership', { p_org: org.orgId, p_user: newcomer })
    expect(row).toMatchObject({ user_id: newcomer, is_primary: true, role_id: org.roles.owner })
    expect(await members(org.orgId)).toEqual([
      { user_id: org.primary.userId, role_key: 'administrator', is_primary: false, status: 'active' },
      { user_id: org.members.administrator!.userId, role_key: 'administrator', is_primary: false, status: 'active' },
      { user_id: newcomer, role_key: 'owner', is_primary: true, status: 'active' },
    ])
    const [event] = await db.sql(`select actor_id, actor_role from rolecall.audit_events where action = 'ops.transfer_ownership' and subject_id = $1 limit 1`,
      [org.primary.memberId])
    expect(event).toEqual({ actor_id: null, actor_role: 'service_role' })
  })

  it('an existing, even deactivated, member; the old owner keeps a role with room (multi admin)', async () => {
    const org = await createOrg(db, 'jusnote', { roles: ['admin', 'user'] })
    await db.rpc(user(org.primary.userId), 'deactivate_member', { p_member: org.members.user!.memberId })
    await db.rpc(serviceRole, 'ops_transfer_ownership', { p_org: org.orgId, p_user: org.members.user!.userId })
    expect(await members(org.orgId)).toEqual([
      { user_id: org.primary.userId, role_key: 'admin', is_primary: false, status: 'active' },
      { user_id: org.members.user!.userId, role_key: 'admin', is_primary: true, status: 'active' },
    ])
  })

  it('works from the SQL editor too, and refuses unknown organizations and users (RC306)', async () => {
    const org = await createOrg(db, 'paycove', { roles: ['admin', 'manager'] })
    await db.sql('select rolecall.ops_transfer_ownership($1, $2)', [org.orgId, org.members.manager!.userId])
    expect((await members(org.orgId)).find((m) => m.is_primary)).toMatchObject({ user_id: org.members.manager!.userId, role_key: 'admin' })
    await expectDbError(db.sql('select rolecall.ops_transfer_ownership($1, $2)', [unknown, org.primary.userId]), 'RC306')
    await expectDbError(db.sql('select rolecall.ops_transfer_ownership($1, $2)', [org.orgId, unknown]), 'RC306')
  })
})

describe('ops_reactivate_member', () => {
  it('reactivates a member', async () => {
    const org = await createOrg(db, 'justpaid', { roles: ['admin', 'user'] })
    await db.rpc(user(org.primary.userId), 'deactivate_member', { p_member: org.members.user!.memberId })
    const [row] = await db.rpc<{ status: string }>(serviceRole, 'ops_reactivate_member', { p_member: org.members.user!.memberId })
    expect(row!.status).toBe('active')
  })
})

describe('ops_expire_invitations', () => {
  it('expires pending invitations past their expiry, and only those', async () => {
    const org = await createOrg(db, 'justpaid', { roles: ['admin'] })
    const invite = (email: string, status: string, expires: string) => db.sql<{ id: string }>(
      `insert into rolecall.invitations (organization_id, email, role_id, token_hash, status, expires_at)
       values ($1, $2, $3, $4, $5, now() + $6::interval) returning id`,
      [org.orgId, email, org.roles.user, randomBytes(32), status, expires])
    await invite('late@example.test', 'pending', '-1 hour')
    await invite('fresh@example.test', 'pending', '1 hour')
    await invite('revoked@example.test', 'revoked', '-1 hour')
    const { ops_expire_invitations: n } = (await db.rpc<{ ops_expire_invitations: number }>(serviceRole, 'ops_expire_invitations'))[0]!
    expect(n).toBe(1)
    const rows = await db.sql('select email, status::text as status from rolecall.invitations where organization_id = $1 order by email', [org.orgId])
    expect(rows).toEqual([
      { email: 'fresh@example.test', status: 'pending' },
      { email: 'late@example.test', status: 'expired' },
      { email: 'revoked@example.test', status: 'revoked' },
    ])
  })
})

describe('ops_service_contact', () => {
  it('Jusnote: the administrator designated by the subscriber («основного адміністративного контакту») is the service contact, even with notifications off', async () => {
    const org = await createOrg(db, 'jusnote', { roles: ['admin', 'admin:2'], language: 'uk' })
    await db.rpc(user(org.primary.userId), 'set_my_notifications', { p_org: org.orgId, p_enabled: false })
    const rows = await db.request<{ member_id: string; email: string; language: string }>(serviceRole, 'select member_id, email, language from rolecall.ops_service_contact($1)', [org.orgId])
    expect(rows).toEqual([{ member_id: org.primary.memberId, email: org.primary.email, language: 'uk' }])
  })
})

describe('members_permissions_report', () => {
  it('lists every member with effective permission keys', async () => {
    const org = await createOrg(db, 'justpaid', { roles: ['admin', 'user', 'user:off'] })
    await db.rpc(user(org.primary.userId), 'set_member_overrides', { p_member: org.members.user!.memberId, p_grants: ['bills.approve'], p_denies: ['bills.create'] })
    await db.rpc(user(org.primary.userId), 'deactivate_member', { p_member: org.members['user:off']!.memberId })
    const rows = await db.request<{ email: string; role_name: string; is_primary: boolean; status: string; permission_keys: string[] }>(serviceRole,
      'select email, role_name, is_primary, status, permission_keys from rolecall.members_permissions_report where organization_id = $1', [org.orgId])
    const byEmail = Object.fromEntries(rows.map((r) => [r.email, r]))
    const { n } = (await db.sql<{ n: number }>('select count(*)::int as n from rolecall.permissions'))[0]!
    expect(byEmail[org.primary.email]).toMatchObject({ role_name: 'Admin', is_primary: true })
    expect(byEmail[org.primary.email]!.permission_keys).toHaveLength(n)
    expect(byEmail[org.members.user!.email]!.permission_keys).toEqual(
      expect.arrayContaining(['bills.approve', 'bills.view']))
    expect(byEmail[org.members.user!.email]!.permission_keys).not.toContain('bills.create')
    expect(byEmail[org.members['user:off']!.email]).toMatchObject({ status: 'deactivated', permission_keys: [] })
  })
})
