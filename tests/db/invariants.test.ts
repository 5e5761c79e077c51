import { describe, expect, it } from 'vitest'
import { expectDbError, serviceRole, user, useTestDatabase } from '../support/db.ts'
import { createOrg } from '../support/orgs.ts'
import { viaFunctions } from './function-paths.ts'

/**
 * The invariants of design.md section 3 (6, invitations, is tested with the invitation RPCs).
 * Each rule has a refused case that would pass if the rule were removed, and an allowed case.
 */
// NOTE: remove_member, transfer_primary and promote_to_admin run as their edge functions call them (function-paths.ts)
const db = viaFunctions(await useTestDatabase())

/** Organizations breaking invariant 1 or 2, or a role's max_members: must always be empty. */
async function violations(orgId: string): Promise<unknown[]> {
  return db.sql(
    `select o.id,
            (select count(*) from rolecall.members m where m.organization_id = o.id and m.is_primary) as primaries,
            (select count(*) from rolecall.members m join rolecall.roles r on r.id = m.role_id
              where m.organization_id = o.id and m.is_primary and m.status = 'active' and r.all_permissions) as good_primaries,
            (select count(*) from rolecall.members m join rolecall.roles r on r.id = m.role_id
              where m.organization_id = o.id and m.status = 'active' and r.all_permissions) as active_admins
       from rolecall.organizations o
      where o.id = $1
        and ((select count(*) from rolecall.members m where m.organization_id = o.id and m.is_primary) <> 1
          or not exists (select 1 from rolecall.members m join rolecall.roles r on r.id = m.role_id
                          where m.organization_id = o.id and m.is_primary and m.status = 'active' and r.all_permissions))`,
    [orgId],
  )
}

/** Runs statements as the superuser (the SQL editor) in one transaction. */
async function editor(statements: [string, unknown[]][]): Promise<void> {
  const client = await db.pool.connect()
  try {
    await client.query('begin')
    for (const [text, params] of statements) await client.query(text, params)
    await client.query('commit')
  } catch (error) {
    await client.query('rollback').catch(() => {})
    throw error
  } finally {
    client.release()
  }
}

describe('1. exactly one primary member, active, in an all-permissions role', () => {
  it.each([
    ['unsetting the primary flag', 'update rolecall.members set is_primary = false where id = $1', 'RC201'],
    ['deactivating the primary', `update rolecall.members set status = 'deactivated', deactivated_at = now() where id = $1`, 'RC201'],
    ['deleting the primary', 'delete from rolecall.members where id = $1', 'RC201'],
    ['moving the primary to a role without all permissions',
      `update rolecall.members set role_id = (select id from rolecall.roles r where r.organization_id = members.organization_id and r.template_key = 'user') where id = $1`, 'RC201'],
  ])('refuses %s, even in the SQL editor', async (_, sql, code) => {
    const org = await createOrg(db, 'jusnote', { roles: ['admin', 'user'] })
    await expectDbError(editor([[sql, [org.primary.memberId]]]), code)
    expect(await violations(org.orgId)).toEqual([])
  })

  it('refuses a second primary (unique index)', async () => {
    const org = await createOrg(db, 'jusnote', { roles: ['admin', 'admin:2'] })
    await expectDbError(editor([['update rolecall.members set is_primary = true where id = $1', [org.members['admin:2']!.memberId]]]), '23505')
  })

  it('refuses an organization created without a primary', async () => {
    await expectDbError(editor([[`insert into rolecall.organizations (name) values ('No one')`, []]]), 'RC201')
  })

  it('allows an operator to move primary status within one transaction', async () => {
    const org = await createOrg(db, 'jusnote', { roles: ['admin', 'admin:2'] })
    await editor([
      ['update rolecall.members set is_primary = false where id = $1', [org.primary.memberId]],
      ['update rolecall.members set is_primary = true where id = $1', [org.members['admin:2']!.memberId]],
    ])
    expect(await violations(org.orgId)).toEqual([])
  })
})

describe('2. never zero admins', () => {
  it('keeps the primary, an active admin, after every other admin is removed or deactivated', async () => {
    const org = await createOrg(db, 'jusnote', { roles: ['admin', 'admin:2', 'admin:3'] })
    const p = user(org.primary.userId)
    await db.rpc(p, 'remove_member', { p_member: org.members['admin:2']!.memberId })
    await db.rpc(p, 'deactivate_member', { p_member: org.members['admin:3']!.memberId })
    await expectDbError(db.rpc(user(org.members['admin:3']!.userId), 'deactivate_member', { p_member: org.primary.memberId }), 'RC102')
    await expectDbError(db.rpc(p, 'leave_organization', { p_org: org.orgId }), 'RC204')
    const { n } = (await db.sql<{ n: number }>(
      `select count(*)::int as n from rolecall.members m join rolecall.roles r on r.id = m.role_id
        where m.organization_id = $1 and m.status = 'active' and r.all_permissions`, [org.orgId]))[0]!
    expect(n).toBe(1)
    expect(await violations(org.orgId)).toEqual([])
  })
})

describe('3. the primary is protected; nobody changes themselves', () => {
  const onPrimary: [string, (o: Awaited<ReturnType<typeof createOrg>>) => Record<string, unknown>][] = [
    ['change_member_role', (o) => ({ p_member: o.primary.memberId, p_role: o.roles.user })],
    ['set_member_overrides', (o) => ({ p_member: o.primary.memberId, p_grants: [], p_denies: [] })],
    ['set_ip_allowlist', (o) => ({ p_member: o.primary.memberId, p_allowlist: ['10.0.0.0/8'] })],
    ['set_resource_grants', (o) => ({ p_member: o.primary.memberId, p_resource_type: 'project', p_resource_ids: ['p1'] })],
    ['deactivate_member', (o) => ({ p_member: o.primary.memberId })],
    ['reactivate_member', (o) => ({ p_member: o.primary.memberId })],
    ['remove_member', (o) => ({ p_member: o.primary.memberId })],
  ]

  it.each(onPrimary)('another admin cannot %s the primary (RC105)', async (fn, args) => {
    const org = await createOrg(db, 'jusnote', { roles: ['admin', 'admin:2', 'user'] })
    await expectDbError(db.rpc(user(org.members['admin:2']!.userId), fn, args(org)), 'RC105')
  })

  it.each(onPrimary)('nobody may %s themselves (RC106)', async (fn, args) => {
    const org = await createOrg(db, 'jusnote', { roles: ['admin', 'admin:2', 'user'] })
    const self = org.members['admin:2']!
    const own = args({ ...org, primary: self })
    await expectDbError(db.rpc(user(self.userId), fn, own), 'RC106')
  })

  it('the same admin may manage an equal admin who is not primary', async () => {
    const org = await createOrg(db, 'jusnote', { roles: ['admin', 'admin:2', 'admin:3'] })
    await db.rpc(user(org.members['admin:2']!.userId), 'deactivate_member', { p_member: org.members['admin:3']!.memberId })
  })

  it('an operator may change the primary (ops_transfer_ownership)', async () => {
    const org = await createOrg(db, 'jusnote', { roles: ['admin', 'user'] })
    await db.rpc(serviceRole, 'ops_transfer_ownership', { p_org: org.orgId, p_user: org.members.user!.userId })
    const [row] = await db.sql<{ is_primary: boolean }>('select is_primary from rolecall.members where id = $1', [org.members.user!.memberId])
    expect(row!.is_primary).toBe(true)
    expect(await violations(org.orgId)).toEqual([])
  })
})

describe('4. no escalation', () => {
  it('grants only permissions the actor holds (RC107), and those it holds are fine', async () => {
    const org = await createOrg(db, 'profit', { roles: ['owner', 'administrator', 'contributor'] })
    const admin = user(org.members.administrator!.userId)
    await expectDbError(db.rpc(admin, 'set_member_overrides',
      { p_member: org.members.contributor!.memberId, p_grants: ['roles.manage'], p_denies: [] }), 'RC107')
    await db.rpc(admin, 'set_member_overrides', { p_member: org.members.contributor!.memberId, p_grants: ['refunds.process'], p_denies: [] })
  })

  it.each([
    ['a role above its own', 'owner', 'RC104'],
    ['its own role (not all-permissions: strictly below)', 'administrator', 'RC104'],
    ['a role below its own', 'cardholder', null],
  ] as const)('an Administrator assigning %s', async (_, roleKey, code) => {
    const org = await createOrg(db, 'profit', { roles: ['owner', 'administrator', 'contributor'] })
    const call = db.rpc(user(org.members.administrator!.userId), 'change_member_role',
      { p_member: org.members.contributor!.memberId, p_role: org.roles[roleKey] })
    if (code) await expectDbError(call, code)
    else await call
  })

  it('an all-permissions admin assigns its own role (at or below)', async () => {
    const org = await createOrg(db, 'jusnote', { roles: ['admin', 'admin:2', 'user'] })
    const [row] = await db.rpc<{ role_id: string }>(user(org.members['admin:2']!.userId), 'change_member_role',
      { p_member: org.members.user!.memberId, p_role: org.roles.admin })
    expect(row!.role_id).toBe(org.roles.admin)
  })

  it('manages only members ranked below: not an equal Administrator (RC104)', async () => {
    const org = await createOrg(db, 'profit', { roles: ['owner', 'administrator', 'administrator:2', 'contributor'] })
    const admin = user(org.members.administrator!.userId)
    await expectDbError(db.rpc(admin, 'deactivate_member', { p_member: org.members['administrator:2']!.memberId }), 'RC104')
    await db.rpc(admin, 'deactivate_member', { p_member: org.members.contributor!.memberId })
  })
})

describe('5. single-admin mode', () => {
  it('a promotion demotes the old Admin in the same transaction', async () => {
    const org = await createOrg(db, 'paycove', { roles: ['admin', 'manager', 'standard'] })
    const { last } = (await db.sql<{ last: string }>('select coalesce(max(id), 0) as last from rolecall.audit_events'))[0]!
    await db.rpc(user(org.primary.userId), 'promote_to_admin', { p_member: org.members.standard!.memberId })
    const admins = await db.sql<{ id: string; is_primary: boolean }>(
      'select id, is_primary from rolecall.members where role_id = $1', [org.roles.admin])
    expect(admins).toEqual([{ id: org.members.standard!.memberId, is_primary: true }])
    const { txids } = (await db.sql<{ txids: number }>(
      `select count(distinct xmin::text)::int as txids from rolecall.audit_events where id > $1 and organization_id = $2`, [last, org.orgId]))[0]!
    expect(txids).toBe(1)
    expect(await violations(org.orgId)).toEqual([])
  })

  it.each([
    ['a Manager promoting', 'manager', 'promote_to_admin', 'RC108'],
    ['the Admin assigning the Admin role directly', 'admin', 'change_member_role', 'RC108'],
  ] as const)('nobody else may promote to Admin: %s', async (_, actorKey, fn, code) => {
    const org = await createOrg(db, 'paycove', { roles: ['admin', 'manager', 'standard'] })
    const args = fn === 'change_member_role' ? { p_member: org.members.standard!.memberId, p_role: org.roles.admin } : { p_member: org.members.standard!.memberId }
    await expectDbError(db.rpc(user(org.members[actorKey]!.userId), fn, args), code)
  })

  it('even the SQL editor cannot seat a second Admin (max_members, RC203)', async () => {
    const org = await createOrg(db, 'paycove', { roles: ['admin', 'manager'] })
    await expectDbError(editor([['update rolecall.members set role_id = $1 where id = $2', [org.roles.admin, org.members.manager!.memberId]]]), 'RC203')
  })
})

describe('7. every change leaves the expected audit events, with actor, action and request IP', () => {
  const ip = '198.51.100.23'
  type Org = Awaited<ReturnType<typeof createOrg>>
  const cases: [string, string, (o: Org) => Record<string, unknown>, (o: Org) => [string, string][]][] = [
    ['change_member_role', 'members.change_role', (o) => ({ p_member: o.members.user!.memberId, p_role: o.roles.accountant }),
      (o) => [['members', o.members.user!.memberId]]],
    ['set_member_overrides', 'members.edit_permissions', (o) => ({ p_member: o.members.user!.memberId, p_grants: ['bills.approve'], p_denies: ['bills.create'] }),
      (o) => [['member_overrides', `${o.members.user!.memberId}/bills.approve`], ['member_overrides', `${o.members.user!.memberId}/bills.create`]]],
    ['set_ip_allowlist', 'members.edit_ip_allowlist', (o) => ({ p_member: o.members.user!.memberId, p_allowlist: ['10.1.0.0/16'] }),
      (o) => [['members', o.members.user!.memberId]]],
    ['deactivate_member', 'members.deactivate', (o) => ({ p_member: o.members.user!.memberId }), (o) => [['members', o.members.user!.memberId]]],
    ['remove_member', 'members.remove', (o) => ({ p_member: o.members.user!.memberId }), (o) => [['members', o.members.user!.memberId]]],
    ['transfer_primary', 'members.transfer_primary', (o) => ({ p_member: o.members['admin:2']!.memberId }),
      (o) => [['members', o.primary.memberId], ['members', o.members['admin:2']!.memberId]]],
  ]

  it.each(cases)('%s', async (fn, action, args, expected) => {
    const org = await createOrg(db, 'justpaid', { roles: ['admin', 'admin:2', 'user'] })
    const { last } = (await db.sql<{ last: string }>('select coalesce(max(id), 0) as last from rolecall.audit_events'))[0]!
    await db.rpc(user(org.primary.userId, { ip }), fn, args(org))
    const events = await db.sql<{ actor_id: string; action: string; request_ip: string; subject_type: string; subject_id: string }>(
      'select actor_id, action, host(request_ip) as request_ip, subject_type, subject_id from rolecall.audit_events where id > $1 order by id', [last])
    expect(events).toEqual(expected(org).map(([subject_type, subject_id]) =>
      ({ actor_id: org.primary.userId, action, request_ip: ip, subject_type, subject_id })))
  })

  it.each([
    ['reactivate_member', 'members.reactivate'],
  ])('%s', async (fn, action) => {
    const org = await createOrg(db, 'justpaid', { roles: ['admin', 'user'] })
    await db.rpc(user(org.primary.userId), 'deactivate_member', { p_member: org.members.user!.memberId })
    const { last } = (await db.sql<{ last: string }>('select coalesce(max(id), 0) as last from rolecall.audit_events'))[0]!
    await db.rpc(user(org.primary.userId, { ip }), fn, { p_member: org.members.user!.memberId })
    const events = await db.sql('select actor_id, action, host(request_ip) as request_ip from rolecall.audit_events where id > $1', [last])
    expect(events).toEqual([{ actor_id: org.primary.userId, action, request_ip: ip }])
  })

  it('leave_organization and set_resource_grants', async () => {
    const org = await createOrg(db, 'jusnote', { roles: ['admin', 'user', 'user:2'] })
    const [project] = await db.sql<{ id: string }>("insert into example.projects (organization_id, name) values ($1, 'P9') returning id", [org.orgId])
    const { last } = (await db.sql<{ last: string }>('select coalesce(max(id), 0) as last from rolecall.audit_events'))[0]!
    await db.rpc(user(org.primary.userId, { ip }), 'set_resource_grants', { p_member: org.members['user:2']!.memberId, p_resource_type: 'project', p_resource_ids: [project!.id] })
    await db.rpc(user(org.members.user!.userId, { ip }), 'leave_organization', { p_org: org.orgId })
    const events = await db.sql('select actor_id, action, subject_type, host(request_ip) as request_ip from rolecall.audit_events where id > $1 order by id', [last])
    expect(events).toEqual([
      { actor_id: org.primary.userId, action: 'members.edit_resource_grants', subject_type: 'resource_grants', request_ip: ip },
      { actor_id: org.members.user!.userId, action: 'members.leave', subject_type: 'members', request_ip: ip },
    ])
  })

  it('promote_to_admin: the old and the new Admin, in one action', async () => {
    const org = await createOrg(db, 'paycove', { roles: ['admin', 'manager'] })
    const { last } = (await db.sql<{ last: string }>('select coalesce(max(id), 0) as last from rolecall.audit_events'))[0]!
    await db.rpc(user(org.primary.userId, { ip }), 'promote_to_admin', { p_member: org.members.manager!.memberId })
    const events = await db.sql<{ subject_id: string }>(
      `select distinct subject_id, action, host(request_ip) as request_ip, actor_id from rolecall.audit_events where id > $1 order by subject_id`, [last])
    expect(events).toEqual([org.primary.memberId, org.members.manager!.memberId].sort().map((subject_id) =>
      ({ subject_id, action: 'members.promote_to_admin', request_ip: ip, actor_id: org.primary.userId })))
  })

  it('a refused call leaves no event', async () => {
    const org = await createOrg(db, 'justpaid', { roles: ['admin', 'user'] })
    const { last } = (await db.sql<{ last: string }>('select coalesce(max(id), 0) as last from rolecall.audit_events'))[0]!
    await expectDbError(db.rpc(user(org.members.user!.userId), 'deactivate_member', { p_member: org.primary.memberId }), 'RC103')
    expect(await db.sql('select 1 from rolecall.audit_events where id > $1', [last])).toEqual([])
  })
})
