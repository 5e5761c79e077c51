import { randomUUID } from 'node:crypto'
import { decodeJwt, jwtVerify } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../server/app.ts'
import { localDefaults } from '../../server/config.ts'
import type { MailMessage } from '../../server/mailbox.ts'
import { api, type Backend, backends, clientFor, startOn } from './support/server.ts'

const secret = new TextEncoder().encode(localDefaults.jwtSecret)
const email = () => `${randomUUID().slice(0, 8)}@example.test`

async function lastMail(server: RunningServer, to: string): Promise<MailMessage> {
  const response = await fetch(`${server.url}/mailbox/api/messages?to=${encodeURIComponent(to)}`)
  const messages = (await response.json()) as MailMessage[]
  expect(messages.length).toBeGreaterThan(0)
  return messages[0]!
}

function codeIn(mail: MailMessage): string {
  return /code: (\d+)/.exec(mail.text)![1]!
}

function linkIn(mail: MailMessage): string {
  return /Follow this link: (\S+)/.exec(mail.text)![1]!
}

describe('local defaults', () => {
  it('keys are the Supabase CLI defaults, signed with the default JWT secret', async () => {
    expect((await jwtVerify(localDefaults.anonKey, secret)).payload).toMatchObject({ iss: 'supabase-demo', role: 'anon' })
    expect((await jwtVerify(localDefaults.serviceRoleKey, secret)).payload).toMatchObject({ iss: 'supabase-demo', role: 'service_role' })
  })
})

describe.each(backends)('/auth/v1 on %s', (backend: Backend) => {
  let server: RunningServer
  beforeAll(async () => {
    server = await startOn(backend)
  })
  afterAll(async () => server?.close())

  it('signs up, signs in with a password and issues Supabase-shaped JWTs', async () => {
    const client = clientFor(server)
    const address = email()
    const signUp = await client.auth.signUp({ email: address, password: 'secret-123', options: { data: { full_name: 'Ann' } } })
    expect(signUp.error).toBeNull()
    expect(signUp.data.user).toMatchObject({ email: address, user_metadata: { full_name: 'Ann' }, app_metadata: { provider: 'email', providers: ['email'] } })
    const { data, error } = await client.auth.signInWithPassword({ email: address, password: 'secret-123' })
    expect(error).toBeNull()
    const { payload, protectedHeader } = await jwtVerify(data.session!.access_token, secret)
    expect(protectedHeader.alg).toBe('HS256')
    expect(payload).toMatchObject({
      sub: data.user!.id, role: 'authenticated', aud: 'authenticated', email: address, aal: 'aal1', is_anonymous: false,
      app_metadata: { provider: 'email' }, user_metadata: { full_name: 'Ann' }, session_id: expect.any(String), iss: `${server.url}/auth/v1`,
    })
    expect(payload.exp! - payload.iat!).toBe(3600)
    expect((payload.amr as { method: string }[])[0]!.method).toBe('password')
    expect(data.session!.expires_in).toBe(3600)
  })

  it('refuses wrong passwords, duplicate sign-ups and weak passwords with Auth error codes', async () => {
    const client = clientFor(server)
    const address = email()
    await client.auth.signUp({ email: address, password: 'secret-123' })
    const wrong = await client.auth.signInWithPassword({ email: address, password: 'nope-nope' })
    expect(wrong.error).toMatchObject({ status: 400, code: 'invalid_credentials', message: 'Invalid login credentials' })
    const unknown = await client.auth.signInWithPassword({ email: email(), password: 'secret-123' })
    expect(unknown.error?.code).toBe('invalid_credentials')
    const duplicate = await client.auth.signUp({ email: address, password: 'secret-123' })
    expect(duplicate.error).toMatchObject({ status: 422, code: 'user_already_exists' })
    const weak = await client.auth.signUp({ email: email(), password: '123' })
    expect(weak.error).toMatchObject({ status: 422, code: 'weak_password' })
    const invalid = await client.auth.signUp({ email: 'not-an-email', password: 'secret-123' })
    expect(invalid.error).toMatchObject({ status: 400, code: 'validation_failed' })
  })

  it('rotates refresh tokens and detects reuse (revoking the session)', async () => {
    const client = clientFor(server)
    const { data } = await client.auth.signUp({ email: email(), password: 'secret-123' })
    const first = data.session!
    const second = await client.auth.refreshSession({ refresh_token: first.refresh_token })
    expect(second.error).toBeNull()
    expect(second.data.session!.refresh_token).not.toBe(first.refresh_token)
    expect(decodeJwt(second.data.session!.access_token).session_id).toBe(decodeJwt(first.access_token).session_id)
    // Within the reuse interval, the parent token answers with the current child (concurrent tabs).
    const replay = await clientFor(server).auth.refreshSession({ refresh_token: first.refresh_token })
    expect(replay.data.session!.refresh_token).toBe(second.data.session!.refresh_token)
    // amr keeps the original sign-in time across refreshes.
    expect(decodeJwt(second.data.session!.access_token).amr).toEqual(decodeJwt(first.access_token).amr)
    const third = await clientFor(server).auth.refreshSession({ refresh_token: second.data.session!.refresh_token })
    expect(third.error).toBeNull()
    // Past the interval, reusing a rotated token is theft: the whole session dies.
    await server.db.query(`update auth.refresh_tokens set updated_at = now() - interval '1 minute' where token = $1`, [first.refresh_token])
    const stolen = await clientFor(server).auth.refreshSession({ refresh_token: first.refresh_token })
    expect(stolen.error).toMatchObject({ status: 400, code: 'refresh_token_already_used' })
    const victim = await clientFor(server).auth.refreshSession({ refresh_token: third.data.session!.refresh_token })
    expect(victim.error?.code).toBe('refresh_token_already_used')
    const missing = await clientFor(server).auth.refreshSession({ refresh_token: 'no-such-token' })
    expect(missing.error?.code).toBe('refresh_token_not_found')
  })

  it('gets and updates the user (metadata, password) and logs out', async () => {
    const address = email()
    const client = clientFor(server)
    const { data } = await client.auth.signUp({ email: address, password: 'secret-123', options: { data: { a: 1, b: 2 } } })
    const token = data.session!.access_token
    const { data: got } = await client.auth.getUser(token)
    expect(got.user).toMatchObject({ id: data.user!.id, email: address })
    await client.auth.setSession(data.session!)
    const updated = await client.auth.updateUser({ password: 'secret-456', data: { b: null, c: 3 } })
    expect(updated.error).toBeNull()
    expect(updated.data.user!.user_metadata).toEqual({ a: 1, c: 3 })
    const again = await clientFor(server).auth.signInWithPassword({ email: address, password: 'secret-456' })
    expect(again.error).toBeNull()
    const { error } = await client.auth.signOut()
    expect(error).toBeNull()
    const after = await api(server, '/auth/v1/user', { token, headers: { 'X-Supabase-Api-Version': '2024-01-01' } })
    expect(after.status).toBe(403)
    expect(await after.json()).toMatchObject({ code: 'session_not_found' })
    expect((await clientFor(server).auth.getUser(token)).error?.name).toBe('AuthSessionMissingError')
    // scope=global ended the other session too.
    const other = await clientFor(server).auth.getUser(again.data.session!.access_token)
    expect(other.error).not.toBeNull()
  })

  it('signs in with a magic link from the mailbox, and with the emailed code', async () => {
    const address = email()
    const client = clientFor(server)
    const { error } = await client.auth.signInWithOtp({ email: address, options: { emailRedirectTo: 'http://127.0.0.1:3000/welcome' } })
    expect(error).toBeNull()
    const mail = await lastMail(server, address)
    expect(mail.subject).toBe('Confirm Your Signup')
    const response = await fetch(linkIn(mail), { redirect: 'manual' })
    expect(response.status).toBe(303)
    const location = new URL(response.headers.get('location')!)
    expect(location.origin + location.pathname).toBe('http://127.0.0.1:3000/welcome')
    const fragment = new URLSearchParams(location.hash.slice(1))
    const { data } = await client.auth.getUser(fragment.get('access_token')!)
    expect(data.user).toMatchObject({ email: address, email_confirmed_at: expect.any(String) })
    // The link works once.
    const reused = await fetch(linkIn(mail), { redirect: 'manual' })
    expect(new URLSearchParams(new URL(reused.headers.get('location')!).hash.slice(1)).get('error_code')).toBe('otp_expired')
    // Now a confirmed user: the next email is a magic link with a code.
    await new Promise((r) => setTimeout(r, 1100))
    await client.auth.signInWithOtp({ email: address })
    const second = await lastMail(server, address)
    expect(second.subject).toBe('Your Magic Link')
    const verified = await client.auth.verifyOtp({ email: address, token: codeIn(second), type: 'email' })
    expect(verified.error).toBeNull()
    expect(decodeJwt(verified.data.session!.access_token).amr).toEqual([{ method: 'otp', timestamp: expect.any(Number) }])
    const wrong = await client.auth.verifyOtp({ email: address, token: '000000', type: 'email' })
    expect(wrong.error).toMatchObject({ status: 403, code: 'otp_expired' })
  })

  it('does not create users through OTP when create_user is false', async () => {
    const { error } = await clientFor(server).auth.signInWithOtp({ email: email(), options: { shouldCreateUser: false } })
    expect(error).toMatchObject({ status: 422, code: 'otp_disabled' })
  })

  it('sends recovery emails and verifies them', async () => {
    const address = email()
    const client = clientFor(server)
    await client.auth.signUp({ email: address, password: 'secret-123' })
    expect((await client.auth.resetPasswordForEmail(address)).error).toBeNull()
    const mail = await lastMail(server, address)
    expect(mail.subject).toBe('Reset Your Password')
    const { data, error } = await client.auth.verifyOtp({ email: address, token: codeIn(mail), type: 'recovery' })
    expect(error).toBeNull()
    expect(decodeJwt(data.session!.access_token).amr).toEqual([{ method: 'recovery', timestamp: expect.any(Number) }])
  })

  it('administers users with the service role: create, list, get, update, delete', async () => {
    const admin = clientFor(server, server.config.serviceRoleKey).auth.admin
    const address = email()
    const created = await admin.createUser({ email: address, password: 'secret-123', email_confirm: true, user_metadata: { n: 1 }, app_metadata: { plan: 'pro' } })
    expect(created.error).toBeNull()
    const id = created.data.user!.id
    expect(created.data.user).toMatchObject({ email: address, app_metadata: { provider: 'email', plan: 'pro' }, user_metadata: { n: 1 } })
    const duplicate = await admin.createUser({ email: address, password: 'secret-123' })
    expect(duplicate.error).toMatchObject({ status: 422, code: 'email_exists' })
    const list = await admin.listUsers({ page: 1, perPage: 2 })
    expect(list.data.users).toHaveLength(2)
    expect(list.data).toMatchObject({ total: expect.any(Number), nextPage: 2 })
    expect((list.data as { total: number }).total).toBeGreaterThanOrEqual(3)
    expect((await admin.getUserById(id)).data.user?.email).toBe(address)
    const renamed = email()
    const updated = await admin.updateUserById(id, { email: renamed, user_metadata: { m: 2 }, app_metadata: { plan: 'team' } })
    expect(updated.data.user).toMatchObject({ email: renamed, user_metadata: { n: 1, m: 2 }, app_metadata: { plan: 'team' } })
    expect((await clientFor(server).auth.signInWithPassword({ email: renamed, password: 'secret-123' })).error).toBeNull()
    expect((await admin.deleteUser(id)).error).toBeNull()
    expect((await admin.getUserById(id)).error).toMatchObject({ status: 404, code: 'user_not_found' })
  })

  it('refuses admin calls without the service role', async () => {
    const { data } = await clientFor(server).auth.signUp({ email: email(), password: 'secret-123' })
    const asUser = clientFor(server, server.config.anonKey, { accessToken: data.session!.access_token })
    const { error } = await asUser.auth.admin.listUsers()
    expect(error).toMatchObject({ status: 403, code: 'not_admin' })
  })

  it('invites users by email and generates links', async () => {
    const admin = clientFor(server, server.config.serviceRoleKey).auth.admin
    const invited = email()
    const { data, error } = await admin.inviteUserByEmail(invited, { data: { team: 'x' } })
    expect(error).toBeNull()
    expect(data.user).toMatchObject({ email: invited, invited_at: expect.any(String), user_metadata: { team: 'x' } })
    const mail = await lastMail(server, invited)
    expect(mail.subject).toBe('You have been invited')
    const accepted = await clientFor(server).auth.verifyOtp({ email: invited, token: codeIn(mail), type: 'invite' })
    expect(accepted.error).toBeNull()

    const address = email()
    await admin.createUser({ email: address, password: 'secret-123', email_confirm: true })
    const link = await admin.generateLink({ type: 'magiclink', email: address })
    expect(link.error).toBeNull()
    expect(link.data.properties).toMatchObject({ verification_type: 'magiclink', email_otp: expect.stringMatching(/^\d{6}$/), hashed_token: expect.any(String) })
    expect(link.data.user?.email).toBe(address)
    const session = await clientFor(server).auth.verifyOtp({ token_hash: link.data.properties!.hashed_token, type: 'magiclink' })
    expect(session.error).toBeNull()
    const recovery = await admin.generateLink({ type: 'recovery', email: email() })
    expect(recovery.error).toMatchObject({ status: 404 })
  })

  it('serves settings, health and the gateway key check', async () => {
    const settings = await (await api(server, '/auth/v1/settings')).json()
    expect(settings).toMatchObject({ external: { email: true }, disable_signup: false, mailer_autoconfirm: true })
    expect((await (await api(server, '/auth/v1/health')).json()).name).toBe('GoTrue')
    const noKey = await fetch(`${server.url}/auth/v1/token?grant_type=password`, { method: 'POST', body: '{}' })
    expect(noKey.status).toBe(401)
    expect(await noKey.json()).toMatchObject({ message: 'No API key found in request' })
    const badKey = await api(server, '/rest/v1/items', { headers: { apikey: 'nope' } })
    expect(badKey.status).toBe(401)
  })
})

describe('custom access token hook', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await startOn('pglite')
    await server.db.exec(`
      create or replace function public.access_token_hook(event jsonb) returns jsonb language plpgsql as $$
      begin
        if event->'claims'->>'email' like 'blocked%' then
          return jsonb_build_object('error', jsonb_build_object('http_code', 403, 'message', 'Blocked by hook'));
        end if;
        return jsonb_build_object('claims', (event->'claims') || jsonb_build_object('team_role', 'captain', 'method', event->>'authentication_method'));
      end $$;`)
    server.config.auth.customAccessTokenHook = 'pg-functions://postgres/public/access_token_hook'
  })
  afterAll(async () => server?.close())

  it('adds the claims the hook returns, and refuses when it errs', async () => {
    const { data, error } = await clientFor(server).auth.signUp({ email: email(), password: 'secret-123' })
    expect(error).toBeNull()
    expect(decodeJwt(data.session!.access_token)).toMatchObject({ team_role: 'captain', method: 'password', role: 'authenticated' })
    const blocked = await clientFor(server).auth.signUp({ email: `blocked-${email()}`, password: 'secret-123' })
    expect(blocked.error).toMatchObject({ status: 403, message: 'Blocked by hook' })
  })
})
