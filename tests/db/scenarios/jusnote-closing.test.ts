import { expect, it } from 'vitest'
import { expectDbError, only, serviceRole, useTestDatabase, user } from '../../support/db.ts'
import { createOrg } from '../../support/orgs.ts'

// Jusnote: «Адміністратор … зможе … додавати або деактивовувати Користувачів»; «Системний
// адміністратор облікового запису може закрити (анулювати) обліковий запис в Jusnote в будь-який час …
// натиснути на кнопку "Закрити аккаунт"». Closing: only the primary, after typing the name back;
// members lose access at once; the audit trail stays; an operator reopens or purges.
const db = await useTestDatabase()
const org = await createOrg(db, 'jusnote', { roles: ['admin', 'admin:2', 'user', 'user:2'], name: 'Юрфірма Закриття' })
const primary = org.primary
const otherAdmin = org.members['admin:2']!
const u = org.members.user!
const { id: projectId } = only(await db.sql<{ id: string }>("insert into example.projects (organization_id, name) values ($1, 'Справа') returning id", [org.orgId]))
await db.sql("insert into example.contacts (organization_id, name) values ($1, 'Клієнт')", [org.orgId])
await db.sql("insert into rolecall.resource_grants (organization_id, member_id, resource_type, resource_id) values ($1, $2, 'project', $3)", [org.orgId, u.memberId, projectId])

async function holds(userId: string, key: string): Promise<boolean> {
  return only(await db.request<{ ok: boolean }>(user(userId), 'select rolecall.has_permission($1, $2) as ok', [org.orgId, key])).ok
}

async function reads(userId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const table of ['rolecall.organizations', 'rolecall.roles', 'rolecall.policies', 'example.contacts', 'example.projects']) {
    counts[table] = (await db.request(user(userId), `select 1 from ${table} where ${table === 'rolecall.organizations' ? 'id' : 'organization_id'} = $1`, [org.orgId])).length
  }
  counts['other members'] = (await db.request(user(userId), 'select 1 from rolecall.members where organization_id = $1 and user_id <> $2', [org.orgId, userId])).length
  return counts
}

it('«додавати або деактивовувати Користувачів»: an Адміністратор deactivates a Користувач, who loses access at once, and reactivates them', async () => {
  const target = org.members['user:2']!
  const [off] = await db.rpc<{ status: string }>(user(otherAdmin.userId), 'deactivate_member', { p_member: target.memberId })
  expect(off!.status).toBe('deactivated')
  expect(await holds(target.userId, 'contacts.view')).toBe(false)
  await expectDbError(db.rpc(user(target.userId), 'set_my_notifications', { p_org: org.orgId, p_enabled: false }), 'RC102')
  await expectDbError(db.rpc(user(u.userId), 'deactivate_member', { p_member: org.members['admin:2']!.memberId }), 'RC103')
  const [on] = await db.rpc<{ status: string }>(user(otherAdmin.userId), 'reactivate_member', { p_member: target.memberId })
  expect(on!.status).toBe('active')
  expect(await holds(target.userId, 'contacts.view')).toBe(true)
})

it('«Закрити аккаунт» is the primary\'s: another admin is refused (RC105), a wrong name is refused (RC308), nothing closes', async () => {
  await expectDbError(db.rpc(user(otherAdmin.userId), 'preview_close_organization', { p_org: org.orgId }), 'RC105')
  await expectDbError(db.rpc(user(otherAdmin.userId), 'close_organization', { p_org: org.orgId, p_confirm_name: 'Юрфірма Закриття' }), 'RC105')
  await expectDbError(db.rpc(user(primary.userId), 'close_organization', { p_org: org.orgId, p_confirm_name: 'Юрфірма' }), 'RC308')
  await expectDbError(db.rpc(user(primary.userId), 'close_organization', { p_org: org.orgId, p_confirm_name: null }), 'RC308')
  const [row] = await db.sql<{ closed_at: Date | null }>('select closed_at from rolecall.organizations where id = $1', [org.orgId])
  expect(row!.closed_at).toBeNull()
})

it('the confirmation names what happens: who loses access, that the audit trail stays, that support reopens', async () => {
  const [preview] = await db.rpc<{ preview_close_organization: Record<string, unknown> }>(user(primary.userId), 'preview_close_organization', { p_org: org.orgId })
  expect(preview!.preview_close_organization).toMatchObject({ name: 'Юрфірма Закриття', members_losing_access: 4, audit_trail_kept: true, reopened_by: 'support' })
})

it('after closing, every member — the primary too — loses access at once: no permission, no REST reads, no RPC', async () => {
  const before = await reads(u.userId)
  expect(before).toMatchObject({ 'rolecall.organizations': 1, 'example.contacts': 1, 'example.projects': 1 })
  const [closed] = await db.rpc<{ closed_at: string | null }>(user(primary.userId), 'close_organization', { p_org: org.orgId, p_confirm_name: '  юрфірма закриття ' })
  expect(closed!.closed_at).not.toBeNull()
  for (const member of [primary, otherAdmin, u]) {
    expect(await holds(member.userId, 'contacts.view')).toBe(false)
    expect(Object.values(await reads(member.userId)).every((n) => n === 0)).toBe(true)
    expect(await db.request(user(member.userId), 'select 1 from rolecall.audit_events where organization_id = $1', [org.orgId])).toEqual([])
  }
  expect(only(await db.request<{ ids: string[] }>(user(u.userId), "select rolecall.granted_resource_ids('project') as ids")).ids).toEqual([])
  expect(only(await db.request<{ ok: boolean }>(user(u.userId), "select rolecall.has_resource_access($1, 'project', $2) as ok", [org.orgId, projectId])).ok).toBe(false)
  await expectDbError(db.rpc(user(primary.userId), 'close_organization', { p_org: org.orgId, p_confirm_name: 'Юрфірма Закриття' }), 'RC102')
  await expectDbError(db.rpc(user(otherAdmin.userId), 'deactivate_member', { p_member: u.memberId }), 'RC102')
  const own = await db.request<{ is_primary: boolean }>(user(primary.userId), 'select is_primary from rolecall.members where organization_id = $1', [org.orgId])
  expect(own).toEqual([{ is_primary: true }])
})

it('the audit trail stays and records who closed it', async () => {
  const events = await db.sql<{ actor_id: string }>("select actor_id from rolecall.audit_events where organization_id = $1 and action = 'organizations.close'", [org.orgId])
  expect(events).toEqual([{ actor_id: primary.userId }])
})

it('only an operator reopens, and access comes back as it was', async () => {
  await expectDbError(db.rpc(user(primary.userId), 'ops_reopen_organization', { p_org: org.orgId }), '42501')
  const [reopened] = await db.rpc<{ closed_at: string | null }>(serviceRole, 'ops_reopen_organization', { p_org: org.orgId })
  expect(reopened!.closed_at).toBeNull()
  expect(await holds(u.userId, 'contacts.view')).toBe(true)
  expect(await reads(u.userId)).toMatchObject({ 'rolecall.organizations': 1, 'example.projects': 1 })
})

it('an operator purges only a closed organization: its rows go, the audit trail stays', async () => {
  await expectDbError(db.rpc(user(primary.userId), 'ops_purge_organization', { p_org: org.orgId }), '42501')
  await expectDbError(db.rpc(serviceRole, 'ops_purge_organization', { p_org: org.orgId }), 'RC308')
  await db.rpc(user(primary.userId), 'close_organization', { p_org: org.orgId, p_confirm_name: 'Юрфірма Закриття' })
  const auditBefore = (await db.sql('select 1 from rolecall.audit_events where organization_id = $1', [org.orgId])).length
  await db.rpc(serviceRole, 'ops_purge_organization', { p_org: org.orgId })
  for (const table of ['rolecall.organizations', 'rolecall.members', 'rolecall.roles', 'example.contacts', 'example.projects']) {
    expect([table, (await db.sql(`select 1 from ${table} where ${table === 'rolecall.organizations' ? 'id' : 'organization_id'} = $1`, [org.orgId])).length]).toEqual([table, 0])
  }
  const audit = await db.sql<{ action: string }>('select action from rolecall.audit_events where organization_id = $1', [org.orgId])
  expect(audit.length).toBeGreaterThan(auditBefore)
  expect(audit.map((e) => e.action)).toContain('ops.purge_organization')
  await expectDbError(db.rpc(serviceRole, 'ops_purge_organization', { p_org: org.orgId }), 'RC306')
})
