import { createHash, randomBytes } from 'node:crypto'
import { expect, it } from 'vitest'
import { expectDbError, serviceRole, useTestDatabase, user, only } from '../../support/db.ts'
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

it('«Список контактів є видимим незалежно від рівня типу дозволу»: a User with every box off, even a deny, sees the contacts', async () => {
  await db.sql("insert into example.contacts (organization_id, name) values ($1, 'Петро Коваленко')", [org.orgId])
  await db.rpc(user(otherAdmin.userId), 'set_member_overrides', { p_member: u.memberId, p_grants: [], p_denies: [] })
  expect((await db.request<{ name: string }>(user(u.userId), 'select name from example.contacts')).map((r) => r.name)).toEqual(['Петро Коваленко'])
  // no override can deny it: not through the RPC ...
  await expectDbError(db.rpc(user(otherAdmin.userId), 'set_member_overrides', { p_member: u.memberId, p_grants: [], p_denies: ['contacts.view'] }), 'RC308')
  // ... nor a row an operator writes by hand
  await db.sql("insert into rolecall.member_overrides (member_id, organization_id, permission_key, effect) values ($1, $2, 'contacts.view', 'deny')", [u.memberId, org.orgId])
  expect(await db.request(user(u.userId), 'select 1 from example.contacts')).toHaveLength(1)
  const [row] = await db.request<{ granted: boolean; sources: { type: string; checkbox?: string }[] }>(user(u.userId),
    "select granted, sources from rolecall.my_permissions($1) where key = 'contacts.view'", [org.orgId])
  expect(row).toMatchObject({ granted: true, sources: expect.arrayContaining([{ type: 'always_on', checkbox: 'contacts', label_en: 'Contact list', label_uk: 'Список контактів' }]) })
  await db.sql("delete from rolecall.member_overrides where member_id = $1 and permission_key = 'contacts.view'", [u.memberId])
})

it('«Типи дозволів»: the four permission types, in Ukrainian, each a bundle', async () => {
  const boxes = await db.rpc<{ key: string; label_uk: string; state: string; permission_keys: string[] }>(user(u.userId), 'member_checkboxes', { p_org: org.orgId })
  expect(boxes.map((b) => b.label_uk)).toEqual(['Адміністратор', 'Банківські рахунки', 'Звіти', 'Інвойси', 'Список контактів'])
  expect(boxes.find((b) => b.key === 'contacts')!.state).toBe('always_on')
  expect(boxes.find((b) => b.key === 'invoices')!.permission_keys).toEqual(['invoices.create', 'invoices.view', 'payments.record'])
})

it('«Банківські рахунки»: one box opens the Accounts tab, balances and transactions', async () => {
  await db.rpc(user(otherAdmin.userId), 'set_member_overrides', { p_member: u.memberId, p_grants: ['bank_accounts'], p_denies: [] })
  const rows = await db.request<{ key: string; granted: boolean }>(user(u.userId),
    "select key, granted from rolecall.my_permissions($1) where section = 'banking' and granted order by key", [org.orgId])
  expect(rows.map((r) => r.key)).toEqual(['bank_accounts.manage', 'bank_accounts.view', 'bank_transactions.create', 'bank_transactions.view'])
  await db.rpc(user(otherAdmin.userId), 'set_member_overrides', { p_member: u.memberId, p_grants: [], p_denies: [] })
})

it('«Адміністратор … бачити вкладку "Налаштування" … додавати або деактивовувати Користувачів, призначати додаткових Адміністраторів»', async () => {
  const target = org.members['user:2']!
  // a User cannot tick it for anyone: the rank rules still apply
  await expectDbError(db.rpc(user(u.userId), 'set_member_overrides', { p_member: target.memberId, p_grants: ['administrator'], p_denies: [] }), 'RC103')
  // an Administrator ticks it: the User becomes an Administrator (settings, team powers)
  const [now] = await db.rpc<{ role_id: string }>(user(otherAdmin.userId), 'set_member_overrides', { p_member: target.memberId, p_grants: ['administrator'], p_denies: [] })
  expect(now!.role_id).toBe(org.roles.admin)
  const held = await db.request<{ key: string }>(user(target.userId),
    "select key from rolecall.my_permissions($1) where granted and key in ('settings.view', 'members.invite', 'members.deactivate', 'members.change_role') order by key", [org.orgId])
  expect(held.map((r) => r.key)).toEqual(['members.change_role', 'members.deactivate', 'members.invite', 'settings.view'])
  const [box] = (await db.rpc<{ key: string; state: string; ticked: boolean }>(user(otherAdmin.userId), 'member_checkboxes', { p_org: org.orgId, p_user: target.userId }))
    .filter((b) => b.key === 'administrator')
  expect(box).toMatchObject({ state: 'on', ticked: true })
  // the new Administrator deactivates a User
  const [off] = await db.rpc<{ status: string }>(user(target.userId), 'deactivate_member', { p_member: u.memberId })
  expect(off!.status).toBe('deactivated')
  await db.rpc(user(target.userId), 'reactivate_member', { p_member: u.memberId })
  // unticking it returns them to Користувач
  const [back] = await db.rpc<{ role_id: string }>(user(otherAdmin.userId), 'set_member_overrides', { p_member: target.memberId, p_grants: ['reports'], p_denies: [] })
  expect(back!.role_id).toBe(org.roles.user)
  expect(await db.request(user(target.userId), "select 1 from rolecall.my_permissions($1) where key = 'reports.create' and granted", [org.orgId])).toHaveLength(1)
})

it('access to a project gives access to all its documents', async () => {
  const { id: project } = only(await db.sql<{ id: string }>("insert into example.projects (organization_id, name) values ($1, 'Справа') returning id", [org.orgId]))
  await db.sql("insert into example.project_documents (organization_id, project_id, title) values ($1, $2, 'Позов'), ($1, $2, 'Договір')", [org.orgId, project])
  expect(await db.request(user(u.userId), 'select 1 from example.project_documents')).toEqual([])
  await db.rpc(user(otherAdmin.userId), 'set_resource_grants', { p_member: u.memberId, p_resource_type: 'project', p_resource_ids: [project] })
  expect(await db.request(user(u.userId), 'select title from example.project_documents order by title')).toEqual([{ title: 'Договір' }, { title: 'Позов' }])
})

it('«Адміністратор може визначити доступ … безпосередньо при запрошенні»: the invitation speaks the permission types', async () => {
  const invite = async (email: string, grants: string[]) => only(await db.rpc<{ role_id: string; grants: string[] }>(serviceRole, 'create_invitation', {
    p_actor: otherAdmin.userId, p_org: org.orgId, p_email: email, p_role: org.roles.user,
    p_token_hash: createHash('sha256').update(randomBytes(32)).digest(), p_grants: grants, p_client_ip: '198.51.100.77',
  }))
  const clerk = await invite('bookkeeper@jusnote.test', ['reports', 'invoices'])
  expect(clerk).toMatchObject({ role_id: org.roles.user, grants: ['invoices.create', 'invoices.view', 'payments.record', 'reports.create', 'reports.view'] })
  // ticking «Адміністратор» invites to the Administrator role
  expect(await invite('partner@jusnote.test', ['administrator'])).toMatchObject({ role_id: org.roles.admin, grants: [] })
  await expectDbError(invite('nobody@jusnote.test', ['contacts_off']), 'RC301')
})
