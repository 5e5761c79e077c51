import { expect, it } from 'vitest'
import { expectDbError, useTestDatabase, user, only } from '../../support/db.ts'
import { createOrg } from '../../support/orgs.ts'
import { viaFunctions } from '../function-paths.ts'

// Jusnote: «мультиадміністрування … кількох Адміністраторів з рівними правами»; «Адміністратор
// призначений Підписником не може бути видалений (змінений) іншими Адміністраторами»; «Список
// контактів є видимим незалежно від рівня типу дозволу»; доступ до проекту — доступ до всіх його документів.
const db = viaFunctions(await useTestDatabase())
const org = await createOrg(db, 'jusnote', { roles: ['admin', 'admin:2', 'user', 'user:2'] })
const subscriberAdmin = org.primary
const otherAdmin = org.members['admin:2']!
const u = org.members.user!

it('several administrators have equal rights: a second admin appoints another admin', async () => {
  const [promoted] = await db.rpc<{ role_id: string }>(user(otherAdmin.userId), 'change_member_role', { p_member: org.members['user:2']!.memberId, p_role: org.roles.admin })
  expect(promoted!.role_id).toBe(org.roles.admin)
  const { name } = only(await db.sql<{ name: string }>('select name from rolecall.roles where id = $1', [org.roles.admin]))
  expect(name).toBe('Адміністратор')
})

it.each([
  ['remove', 'remove_member', {}],
  ['change the role of', 'change_member_role', { p_role: org.roles.user }],
  ['deactivate', 'deactivate_member', {}],
])('another admin cannot %s the admin designated by the subscriber', async (_what, fn, args) => {
  await expectDbError(db.rpc(user(otherAdmin.userId), fn, { p_member: subscriberAdmin.memberId, ...args }), 'RC105')
  const [row] = await db.sql<{ role_id: string; status: string; is_primary: boolean }>('select role_id, status, is_primary from rolecall.members where id = $1', [subscriberAdmin.memberId])
  expect(row).toEqual({ role_id: org.roles.admin, status: 'active', is_primary: true })
})

it('the contact list is visible to every member whatever their permission types', async () => {
  await db.sql("insert into example.contacts (organization_id, name) values ($1, 'Петро Коваленко')", [org.orgId])
  const rows = await db.request<{ name: string }>(user(u.userId), 'select name from example.contacts')
  expect(rows.map((r) => r.name)).toEqual(['Петро Коваленко'])
})

it('permission types unlock sections: ticking Reports shows reports', async () => {
  await db.sql("insert into example.reports (organization_id, title) values ($1, 'Звіт')", [org.orgId])
  expect(await db.request(user(u.userId), 'select 1 from example.reports')).toEqual([])
  await db.rpc(user(otherAdmin.userId), 'set_member_overrides', { p_member: u.memberId, p_grants: ['reports.view'], p_denies: [] })
  expect(await db.request(user(u.userId), 'select 1 from example.reports')).toHaveLength(1)
})

it('access to a project gives access to all its documents', async () => {
  const { id: project } = only(await db.sql<{ id: string }>("insert into example.projects (organization_id, name) values ($1, 'Справа') returning id", [org.orgId]))
  await db.sql("insert into example.project_documents (organization_id, project_id, title) values ($1, $2, 'Позов'), ($1, $2, 'Договір')", [org.orgId, project])
  expect(await db.request(user(u.userId), 'select 1 from example.project_documents')).toEqual([])
  await db.rpc(user(otherAdmin.userId), 'set_resource_grants', { p_member: u.memberId, p_resource_type: 'project', p_resource_ids: [project] })
  expect(await db.request(user(u.userId), 'select title from example.project_documents order by title')).toEqual([{ title: 'Договір' }, { title: 'Позов' }])
})
