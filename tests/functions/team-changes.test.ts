import { SignJWT, decodeJwt } from 'jose'
import { describe, expect, it } from 'vitest'
import { clientFor } from '../server/support/server.ts'
import { invoke, join, mailTo, organization, useStack } from './support.ts'

const server = await useStack()
const service = () => clientFor(server, server.config.serviceRoleKey, { schema: 'rolecall' })

async function memberRow(id: string) {
  const { data } = await service().from('members').select('id, role_id, is_primary, status').eq('id', id).maybeSingle()
  return data
}

/** The same session's access token, but as if its sign-in happened an hour ago. */
async function staleToken(accessToken: string): Promise<string> {
  const claims = decodeJwt(accessToken)
  const hourAgo = Math.floor(Date.now() / 1000) - 3600
  return new SignJWT({ ...claims, amr: [{ method: 'password', timestamp: hourAgo }] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(server.config.jwtSecret))
}

describe('transfer-admin', () => {
  it('needs the password again (or a fresh sign-in), then moves primary status, tells the admins and audits the client IP', async () => {
    const org = await organization(server, 'jusnote')
    const heir = await join(server, org, 'user')
    const stale = clientFor(server, server.config.anonKey, { schema: 'rolecall', accessToken: await staleToken(org.admin.session.access_token) })

    expect(await invoke(stale, 'transfer-admin', { member_id: heir.memberId })).toMatchObject({ status: 401, body: { code: 'reauthentication_required' } })
    expect(await invoke(stale, 'transfer-admin', { member_id: heir.memberId, password: 'wrong password' })).toMatchObject({ status: 401, body: { code: 'reauthentication_failed' } })
    expect(await memberRow(heir.memberId)).toMatchObject({ is_primary: false })

    const reply = await invoke(stale, 'transfer-admin', { member_id: heir.memberId, password: org.admin.password })
    expect(reply).toMatchObject({ status: 200, body: { member: { id: heir.memberId, is_primary: true, role_id: org.roles.admin } } })
    const [notice] = await mailTo(server, heir.email)
    expect(notice!.subject).toContain('змінено основного адміністратора')

    const { data: events } = await service().from('audit_events').select('action, actor_id, request_ip').eq('action', 'members.transfer_primary').eq('organization_id', org.orgId)
    // one event per member row the transfer touched, each with the caller and the caller's address
    expect(events!.length).toBeGreaterThan(0)
    for (const event of events!) expect(event).toMatchObject({ actor_id: org.admin.userId, request_ip: '127.0.0.1' })
  })

  it('is refused to anyone but the primary', async () => {
    const org = await organization(server, 'blank')
    const member = await join(server, org, 'member')
    const reply = await invoke(member.client, 'transfer-admin', { member_id: member.memberId, password: member.password })
    expect(reply).toMatchObject({ status: 403, body: { code: 'RC105' } })
  })
})

describe('promote-admin (single-admin mode)', () => {
  it('previews, then promotes a Manager to Admin and demotes the Admin to Manager in one step', async () => {
    const org = await organization(server, 'paycove')
    const manager = await join(server, org, 'manager')
    const { data: self } = await service().from('members').select('id').eq('user_id', org.admin.userId).single()

    const preview = await invoke(org.admin.client, 'promote-admin', { member_id: manager.memberId })
    expect(preview).toMatchObject({
      status: 200,
      body: { preview: { new_admin: { member_id: manager.memberId, role_after: { name: 'Admin' } }, old_admin: { role_after: { name: 'Manager' } } } },
    })
    expect(await memberRow(manager.memberId)).toMatchObject({ role_id: org.roles.manager })

    expect(await invoke(manager.client, 'promote-admin', { member_id: manager.memberId, confirm: true })).toMatchObject({ status: 403, body: { code: 'RC108' } })

    const done = await invoke(org.admin.client, 'promote-admin', { member_id: manager.memberId, confirm: true })
    expect(done).toMatchObject({ status: 200, body: { member: { role_id: org.roles.admin, is_primary: true } } })
    expect(await memberRow(self!.id)).toMatchObject({ role_id: org.roles.manager, is_primary: false })
    const [notice] = await mailTo(server, manager.email)
    expect(notice!.subject).toContain('new Admin')
  })
})

describe('remove-member', () => {
  it('removes a member when SQL allows it and tells the admins; refuses otherwise', async () => {
    const org = await organization(server, 'paycove')
    const one = await join(server, org, 'standard')
    const two = await join(server, org, 'standard')
    expect(await invoke(one.client, 'remove-member', { member_id: two.memberId })).toMatchObject({ status: 403, body: { code: 'RC103' } })
    expect(await memberRow(two.memberId)).not.toBeNull()

    expect(await invoke(org.admin.client, 'remove-member', { member_id: two.memberId })).toMatchObject({ status: 200, body: { member: { id: two.memberId } } })
    expect(await memberRow(two.memberId)).toBeNull()
    const [notice] = await mailTo(server, org.admin.email)
    expect(notice!.text).toContain(`removed ${two.email}`)
  })
})

describe('notifications', () => {
  it('Paycove "The Admin is also the default recipient of emails": an Admin who turned them off (set_my_notifications) gets no email', async () => {
    const org = await organization(server, 'paycove')
    const one = await join(server, org, 'standard')
    const two = await join(server, org, 'standard')
    const before = (await mailTo(server, org.admin.email)).length
    const { data, error } = await org.admin.client.rpc('set_my_notifications', { p_org: org.orgId, p_enabled: false })
    expect(error).toBeNull()
    expect(data).toMatchObject({ notifications: false })
    expect(await invoke(org.admin.client, 'remove-member', { member_id: one.memberId })).toMatchObject({ status: 200 })
    expect((await mailTo(server, org.admin.email)).length).toBe(before)

    await org.admin.client.rpc('set_my_notifications', { p_org: org.orgId, p_enabled: true })
    expect(await invoke(org.admin.client, 'remove-member', { member_id: two.memberId })).toMatchObject({ status: 200 })
    expect((await mailTo(server, org.admin.email)).length).toBe(before + 1)
  })
})

describe('Profit owners', () => {
  it('"contact support if you need to change this or add multiple owners": transfer-admin answers RC206 (409) with that message', async () => {
    const org = await organization(server, 'profit')
    const administrator = await join(server, org, 'administrator')
    const reply = await invoke(org.admin.client, 'transfer-admin', { member_id: administrator.memberId, password: org.admin.password })
    expect(reply).toMatchObject({ status: 409, body: { code: 'RC206' } })
    expect(reply.body.message).toContain('contact support')
    expect(await memberRow(administrator.memberId)).toMatchObject({ role_id: org.roles.administrator, is_primary: false })
  })
})

// Hole 2: the functions' promises (re-authentication, the admins' email) cannot be skipped by calling
// the RPC itself: PostgREST answers 42501 (403 for a signed-in user), and nothing changes.
describe('the RPCs behind the functions are not callable directly', () => {
  it.each([
    ['transfer_primary', 'jusnote', 'user'],
    ['promote_to_admin', 'paycove', 'manager'],
    ['remove_member', 'paycove', 'standard'],
  ] as const)('POST /rest/v1/rpc/%s as the primary member (stale token, no password): 403, nothing moves, no email', async (fn, template, roleKey) => {
    const org = await organization(server, template)
    const target = await join(server, org, roleKey)
    const before = await memberRow(target.memberId)
    const mailsBefore = (await mailTo(server, org.admin.email)).length
    const stale = clientFor(server, server.config.anonKey, { schema: 'rolecall', accessToken: await staleToken(org.admin.session.access_token) })
    for (const client of [stale, org.admin.client]) {
      const { error, status } = await client.rpc(fn, { p_member: target.memberId })
      expect({ code: error?.code, status }).toEqual({ code: '42501', status: 403 })
      const viaAs = await client.rpc(`${fn}_as`, { p_actor: org.admin.userId, p_member: target.memberId })
      expect(viaAs.error?.code).toBe('42501')
    }
    expect(await memberRow(target.memberId)).toEqual(before)
    expect((await mailTo(server, org.admin.email)).length).toBe(mailsBefore)
  })
})
