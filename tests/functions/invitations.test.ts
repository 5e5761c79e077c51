import { beforeAll, describe, expect, it } from 'vitest'
import { clientFor } from '../server/support/server.ts'
import { parseInviteCsv } from '../../supabase/functions/invite/csv.ts'
import { invoke, join, mailTo, organization, signUp, tokenFromMail, useStack } from './support.ts'

const server = await useStack()
const anonymous = () => clientFor(server, server.config.anonKey, { schema: 'rolecall' })

/** Invitation limits as an operator sets them (rolecall_private.invitation_settings). */
async function setLimits(limits: Record<string, number>) {
  for (const [column, value] of Object.entries(limits)) {
    if (!/^per_[a-z_]+$/.test(column)) throw new Error(`bad column ${column}`)
    await server.db.query(`update rolecall_private.invitation_settings set ${column} = $1`, [value])
  }
}

/** Makes an account a month old: accounts younger than a day have a lower invitation limit. */
async function established(userId: string) {
  await server.db.query(`update auth.users set created_at = now() - interval '30 days' where id = $1`, [userId])
}

// NOTE: every request of this file comes from 127.0.0.1; the per-address limit is raised here and
// tested on its own below.
beforeAll(() => setLimits({ per_client_ip: 10000 }))

async function preview(token: string) {
  const response = await fetch(`${server.url}/functions/v1/accept-invitation?token=${encodeURIComponent(token)}`, {
    headers: { apikey: server.config.anonKey },
  })
  return { status: response.status, body: await response.json() }
}

describe('invite', () => {
  it('sends an English invitation with the organization, inviter, role, expiry and a link that works once', async () => {
    const { admin, orgId, roles } = await organization(server, 'justpaid')
    const email = `invitee-${Date.now()}@example.test`
    const reply = await invoke(admin.client, 'invite', { organization_id: orgId, email, role_id: roles.user, grants: ['bills.approve'] })
    expect(reply).toMatchObject({ status: 201, body: { ok: true, email, email_sent: true } })

    const [mail] = await mailTo(server, email)
    expect(mail!.subject).toBe(`${admin.email} invited you to ${(await orgName(admin.client, orgId))}`)
    expect(mail!.text).toContain('as User')
    expect(mail!.text).toMatch(/works until \d+ \w+ \d{4}/)
    expect(mail!.html).toContain('Accept the invitation')
    const token = await tokenFromMail(server, email)
    expect(Buffer.from(token, 'base64url')).toHaveLength(32)

    const { data: stored } = await admin.client.from('invitations').select('token_hash').eq('id', reply.body.invitation_id).single()
    expect(stored!.token_hash).not.toContain(token)

    const invitee = await signUp(server, email)
    const accepted = await invoke(invitee.client, 'accept-invitation', { token })
    expect(accepted.status).toBe(200)
    expect(accepted.body.member).toMatchObject({ organization_id: orgId, role_id: roles.user })
    const { data: can } = await invitee.client.rpc('has_permission', { p_org: orgId, p_key: 'bills.approve' })
    expect(can).toBe(true)

    const again = await invoke(invitee.client, 'accept-invitation', { token })
    expect(again).toMatchObject({ status: 409, body: { code: 'RC404' } })
  })

  it('writes Ukrainian emails for a Ukrainian organization', async () => {
    const { admin, orgId, roles } = await organization(server, 'jusnote')
    const email = `uk-${Date.now()}@example.test`
    expect((await invoke(admin.client, 'invite', { organization_id: orgId, email, role_id: roles.user })).status).toBe(201)
    const [mail] = await mailTo(server, email)
    expect(mail!.subject).toContain('запрошує вас')
    expect(mail!.text).toContain('Прийняти запрошення')
  })

  it.each([
    ['no session', null, {}, 401, 'not_signed_in'],
    ['a body that is not JSON', 'admin', 'not json', 400, 'invalid_body'],
    ['a missing organization', 'admin', { organization_id: undefined, email: 'a@example.test' }, 400, 'invalid_body'],
    ['an invalid email', 'admin', { email: 'nope' }, 400, 'RC408'],
    ['a role above the inviter', 'manager', { email: 'b@example.test', role: 'manager' }, 403, 'RC104'],
    ['a user who may not invite', 'standard', { email: 'c@example.test' }, 403, 'RC103'],
  ])('answers %s with a clear error', async (_case, who, body, status, code) => {
    const org = await organization(server, 'paycove')
    const manager = await join(server, org, 'manager')
    const standard = await join(server, org, 'standard')
    const caller = who === 'admin' ? org.admin.client : who === 'manager' ? manager.client : who === 'standard' ? standard.client : anonymous()
    const payload = typeof body === 'string' ? body
      : { organization_id: org.orgId, role_id: org.roles[(body as { role?: string }).role ?? 'standard'], ...(body as object) }
    const reply = await invoke(caller, 'invite', payload)
    expect(reply.status).toBe(status)
    expect(reply.body.code).toBe(code)
  })

  it('Jusnote "Адміністратор може визначити доступ … безпосередньо при запрошенні": resource_grants in the body give project access on accept; another organization\u2019s project is refused (RC305, 400)', async () => {
    const org = await organization(server, 'jusnote')
    const other = await organization(server, 'jusnote')
    const project = async (orgId: string) =>
      (await server.db.query<{ id: string }>("insert into example.projects (organization_id, name) values ($1, 'Case') returning id", [orgId])).rows[0]!.id
    const [mine, unshared, theirs] = [await project(org.orgId), await project(org.orgId), await project(other.orgId)]
    const email = `project-${Date.now()}@example.test`
    const refused = await invoke(org.admin.client, 'invite', { organization_id: org.orgId, email, role_id: org.roles.user, resource_grants: { project: [theirs] } })
    expect(refused).toMatchObject({ status: 400, body: { code: 'RC305' } })
    const sent = await invoke(org.admin.client, 'invite', { organization_id: org.orgId, email, role_id: org.roles.user, resource_grants: { project: [mine] } })
    expect(sent.status).toBe(201)
    const invitee = await signUp(server, email)
    expect((await invoke(invitee.client, 'accept-invitation', { token: await tokenFromMail(server, email) })).status).toBe(200)
    const access = async (id: string) => (await invitee.client.rpc('has_resource_access', { p_org: org.orgId, p_type: 'project', p_id: id })).data
    expect([await access(mine), await access(unshared)]).toEqual([true, false])
  })

  it('CSV: a resources column ("project:<id> budget:<id>") becomes resource_grants', () => {
    const [row] = parseInviteCsv('email,role,resources\na@example.test,User,project:p1;budget:b1 project:p2')
    expect(row!.resource_grants).toEqual({ project: ['p1', 'p2'], budget: ['b1'] })
  })

  it('payments platform "Unique email addresses must be used": an address of another organization\u2019s member gets 409 RC411', async () => {
    const payments = await organization(server, 'payments_platform')
    const elsewhere = await organization(server, 'justpaid')
    const reply = await invoke(payments.admin.client, 'invite', { organization_id: payments.orgId, email: elsewhere.admin.email, role_id: payments.roles.admin })
    expect(reply).toMatchObject({ status: 409, body: { code: 'RC411' } })
  })

  it('invites a CSV list (a CRM export) with one result per row', async () => {
    const { admin, orgId } = await organization(server, 'paycove')
    const csv = [
      'Name,email,role,permissions,Company',
      `"Doe, Jane",jane-${Date.now()}@example.test,Standard user,,Acme`,
      `Max,max-${Date.now()}@example.test,Manager,,Acme`,
      'Bad,not-an-email,Standard user,,Acme',
      `Who,who-${Date.now()}@example.test,Astronaut,,Acme`,
    ].join('\n')
    const reply = await invoke(admin.client, 'invite', { organization_id: orgId, csv })
    expect(reply.status).toBe(200)
    expect(reply.body.results.map((r: { ok: boolean; code?: string }) => r.ok || r.code)).toEqual([true, true, 'RC408', 'RC306'])
  })

  it('stops with 429 past the hourly limit per inviter', async () => {
    const { admin, orgId, roles } = await organization(server, 'blank')
    await established(admin.userId)
    const invitations = Array.from({ length: 21 }, (_, i) => ({ email: `many-${i}-${Date.now()}@example.test`, role_id: roles.member }))
    const reply = await invoke(admin.client, 'invite', { organization_id: orgId, invitations })
    const statuses = reply.body.results.map((r: { ok: boolean; status?: number }) => (r.ok ? 201 : r.status))
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(201))
    expect(statuses[20]).toBe(429)
    const single = await invoke(admin.client, 'invite', { organization_id: orgId, email: `one-more-${Date.now()}@example.test`, role_id: roles.member })
    expect(single).toMatchObject({ status: 429, body: { code: 'RC409' } })
  })
})

describe('invitation limits beyond the inviter', () => {
  it('a fresh sign-up gets 429 after 5 invitations in an hour (RC409), an established account does not', async () => {
    const { admin, orgId, roles } = await organization(server, 'blank')
    const invitations = Array.from({ length: 6 }, (_, i) => ({ email: `fresh-${i}-${Date.now()}@example.test`, role_id: roles.member }))
    const reply = await invoke(admin.client, 'invite', { organization_id: orgId, invitations })
    expect(reply.body.results.map((r: { ok: boolean; status?: number }) => (r.ok ? 201 : r.status))).toEqual([201, 201, 201, 201, 201, 429])
    expect(reply.body.results[5].message).toContain('New accounts')
    expect(await mailTo(server, invitations[5]!.email)).toEqual([])
    await established(admin.userId)
    expect((await invoke(admin.client, 'invite', { organization_id: orgId, ...invitations[5]! })).status).toBe(201)
  })

  it('many accounts from one client address share its limit (429, "from your network")', async () => {
    const { rows } = await server.db.query<{ n: number }>(
      `select count(*)::int as n from rolecall.audit_events
        where request_ip = '127.0.0.1' and created_at > now() - interval '1 hour' and action in ('invitations.create', 'invitations.resend')`)
    await setLimits({ per_client_ip: rows[0]!.n + 2 })
    try {
      const first = await organization(server, 'blank')
      const second = await organization(server, 'blank')
      const send = (org: typeof first, i: number) =>
        invoke(org.admin.client, 'invite', { organization_id: org.orgId, email: `shared-net-${i}-${Date.now()}@example.test`, role_id: org.roles.member })
      expect((await send(first, 1)).status).toBe(201)
      expect((await send(second, 2)).status).toBe(201)
      const third = await send(second, 3)
      expect(third).toMatchObject({ status: 429, body: { code: 'RC409' } })
      expect(third.body.message).toContain('from your network')
    } finally {
      await setLimits({ per_client_ip: 10000 })
    }
  })
})

describe('email headers', () => {
  it('strips control characters from the subject: a display name with CR/LF adds no header', async () => {
    const { admin, orgId, roles } = await organization(server, 'blank')
    await admin.client.auth.updateUser({ data: { full_name: 'Eve\r\nBcc: victim@example.test\u2028X' } })
    const email = `header-${Date.now()}@example.test`
    expect((await invoke(admin.client, 'invite', { organization_id: orgId, email, role_id: roles.member })).status).toBe(201)
    const [mail] = await mailTo(server, email)
    expect(mail!.subject).not.toMatch(/[\r\n\u2028]/)
    // one helper (headerText in _shared/mail.ts) turns every control character into a space
    expect(mail!.subject).toContain('Eve Bcc: victim@example.test X invited you to')
  })

  it('refuses an invitation to an address a spreadsheet or a mail header would misread (RC408, 400)', async () => {
    const { admin, orgId, roles } = await organization(server, 'blank')
    for (const email of ['=hyperlink("http://x")@x.io', '<script>@x.io', 'a@x.io\r\nBcc: b@y.io']) {
      expect(await invoke(admin.client, 'invite', { organization_id: orgId, email, role_id: roles.member })).toMatchObject({ status: 400, body: { code: 'RC408' } })
    }
  })
})

describe('resend, revoke, expiry', () => {
  it('resend: the old link stops working at once, the new one works, the count grows', async () => {
    const { admin, orgId, roles } = await organization(server, 'blank')
    const email = `resend-${Date.now()}@example.test`
    const first = await invoke(admin.client, 'invite', { organization_id: orgId, email, role_id: roles.member })
    const oldToken = await tokenFromMail(server, email)
    const resent = await invoke(admin.client, 'resend-invitation', { invitation_id: first.body.invitation_id })
    expect(resent).toMatchObject({ status: 200, body: { send_count: 2, email_sent: true } })
    const newToken = await tokenFromMail(server, email)
    expect(newToken).not.toBe(oldToken)
    expect(await mailTo(server, email)).toHaveLength(2)

    expect(await preview(oldToken)).toMatchObject({ status: 404, body: { code: 'RC401' } })
    const invitee = await signUp(server, email)
    expect((await invoke(invitee.client, 'accept-invitation', { token: oldToken })).body.code).toBe('RC401')
    expect((await invoke(invitee.client, 'accept-invitation', { token: newToken })).status).toBe(200)
  })

  it('revoke ("deactivate invitation") kills the link', async () => {
    const { admin, orgId, roles } = await organization(server, 'blank')
    const email = `revoke-${Date.now()}@example.test`
    const sent = await invoke(admin.client, 'invite', { organization_id: orgId, email, role_id: roles.member })
    const token = await tokenFromMail(server, email)
    const { error } = await admin.client.rpc('revoke_invitation', { p_invitation: sent.body.invitation_id })
    expect(error).toBeNull()
    expect(await preview(token)).toMatchObject({ status: 200, body: { invitation: { status: 'revoked' } } })
    const invitee = await signUp(server, email)
    expect(await invoke(invitee.client, 'accept-invitation', { token })).toMatchObject({ status: 410, body: { code: 'RC403' } })
  })

  it('an expired link (expiry moved into the past) is refused with 410', async () => {
    const { admin, orgId, roles } = await organization(server, 'blank')
    const email = `expire-${Date.now()}@example.test`
    const sent = await invoke(admin.client, 'invite', { organization_id: orgId, email, role_id: roles.member })
    const token = await tokenFromMail(server, email)
    await server.db.query(`update rolecall.invitations set expires_at = now() - interval '1 minute' where id = $1`, [sent.body.invitation_id])
    expect((await preview(token)).body.invitation.status).toBe('expired')
    const invitee = await signUp(server, email)
    expect(await invoke(invitee.client, 'accept-invitation', { token })).toMatchObject({ status: 410, body: { code: 'RC402' } })
  })
})

describe('accept', () => {
  it('a new user sets a password from the link, joins, and is signed in', async () => {
    const { admin, orgId, roles } = await organization(server, 'payments_platform')
    const email = `newcomer-${Date.now()}@example.test`
    await invoke(admin.client, 'invite', { organization_id: orgId, email, role_id: roles.admin })
    const token = await tokenFromMail(server, email)
    expect(await preview(token)).toMatchObject({ status: 200, body: { invitation: { email, status: 'pending', user_exists: false, role_name: 'Admin' } } })

    expect(await invoke(anonymous(), 'accept-invitation', { token, password: 'short' })).toMatchObject({ status: 400, body: { code: 'weak_password' } })
    const joined = await invoke(anonymous(), 'accept-invitation', { token, password: 'a long enough password' })
    expect(joined.status).toBe(201)
    expect(joined.body.member).toMatchObject({ organization_id: orgId, role_id: roles.admin })
    const signedIn = clientFor(server, server.config.anonKey, { schema: 'rolecall', accessToken: joined.body.session.access_token })
    const { data: orgs } = await signedIn.rpc('my_organizations')
    expect(orgs.map((o: { organization_id: string }) => o.organization_id)).toEqual([orgId])
    const { error } = await clientFor(server).auth.signInWithPassword({ email, password: 'a long enough password' })
    expect(error).toBeNull()
  })

  it('two clients racing with the same link: exactly one joins', async () => {
    const { admin, orgId, roles } = await organization(server, 'blank')
    const email = `race-${Date.now()}@example.test`
    await invoke(admin.client, 'invite', { organization_id: orgId, email, role_id: roles.member })
    const token = await tokenFromMail(server, email)
    const invitee = await signUp(server, email)
    const second = clientFor(server, server.config.anonKey, { schema: 'rolecall', accessToken: invitee.session.access_token })
    const replies = await Promise.all([invoke(invitee.client, 'accept-invitation', { token }), invoke(second, 'accept-invitation', { token })])
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409])
    const { count } = await admin.client.from('members').select('id', { count: 'exact', head: true }).eq('organization_id', orgId)
    expect(count).toBe(2)
  })

  it('declines, and tells the admins when someone joins', async () => {
    const { admin, orgId, roles } = await organization(server, 'blank')
    const declining = `decline-${Date.now()}@example.test`
    await invoke(admin.client, 'invite', { organization_id: orgId, email: declining, role_id: roles.member })
    const declineToken = await tokenFromMail(server, declining)
    const decliner = await signUp(server, declining)
    expect(await invoke(decliner.client, 'accept-invitation', { token: declineToken, action: 'decline' })).toMatchObject({ status: 200, body: { invitation: { status: 'declined' } } })

    const joining = `join-${Date.now()}@example.test`
    await invoke(admin.client, 'invite', { organization_id: orgId, email: joining, role_id: roles.member })
    const joiner = await signUp(server, joining)
    await invoke(joiner.client, 'accept-invitation', { token: await tokenFromMail(server, joining) })
    const [notice] = await mailTo(server, admin.email)
    expect(notice!.subject).toContain('invitation accepted')
    expect(notice!.text).toContain(`${joining} joined the team as Member`)
  })

  it('hole 3: signing up with the invited address (confirmations off) and answering by id is refused; the link still works', async () => {
    const { admin, orgId, roles } = await organization(server, 'blank')
    const email = `taken-${Date.now()}@example.test`
    await invoke(admin.client, 'invite', { organization_id: orgId, email, role_id: roles.member })
    const attacker = await signUp(server, email)
    const { data: listed } = await attacker.client.from('invitation_list').select('id')
    const id = listed![0]!.id as string
    const direct = await attacker.client.rpc('accept_invitation', { p_invitation: id })
    expect(direct.error?.code).toBe('42501')
    expect(direct.status).toBe(403)
    const declined = await attacker.client.rpc('decline_invitation', { p_invitation: id })
    expect(declined.error?.code).toBe('RC410')
    expect(await invoke(attacker.client, 'accept-invitation', { invitation_id: id })).toMatchObject({ status: 403, body: { code: 'RC410' } })
    const { count } = await admin.client.from('members').select('id', { count: 'exact', head: true }).eq('organization_id', orgId)
    expect(count).toBe(1)
    // whoever reads the mailbox holds the link
    expect((await invoke(attacker.client, 'accept-invitation', { token: await tokenFromMail(server, email) })).status).toBe(200)
  })

  it('accepts by id through the function for an account confirmed before the invitation, and emails the admins', async () => {
    const { admin, orgId, roles } = await organization(server, 'blank')
    const existing = await signUp(server, `existing-${Date.now()}@example.test`)
    await server.db.query(`update auth.users set email_confirmed_at = now() - interval '1 day' where id = $1`, [existing.userId])
    await invoke(admin.client, 'invite', { organization_id: orgId, email: existing.email, role_id: roles.member })
    const { data: listed } = await existing.client.from('invitation_list').select('id')
    const reply = await invoke(existing.client, 'accept-invitation', { invitation_id: listed![0]!.id })
    expect(reply).toMatchObject({ status: 200, body: { member: { organization_id: orgId, user_id: existing.userId } } })
    const [notice] = await mailTo(server, admin.email)
    expect(notice!.subject).toContain('invitation accepted')
  })

  it('lists: the admin sees the organization\'s invitations, the invitee sees theirs', async () => {
    const { admin, orgId, roles } = await organization(server, 'blank')
    const email = `listed-${Date.now()}@example.test`
    await invoke(admin.client, 'invite', { organization_id: orgId, email, role_id: roles.member })
    const { data: adminView } = await admin.client.from('invitation_list').select('email, status, role_name').eq('organization_id', orgId)
    expect(adminView).toEqual([{ email, status: 'pending', role_name: 'Member' }])
    const invitee = await signUp(server, email)
    const { data: inviteeView } = await invitee.client.from('invitation_list').select('email, organization_id')
    expect(inviteeView).toEqual([{ email, organization_id: orgId }])
  })
})

async function orgName(client: Awaited<ReturnType<typeof signUp>>['client'], orgId: string): Promise<string> {
  const { data } = await client.from('organizations').select('name').eq('id', orgId).single()
  return data!.name
}
