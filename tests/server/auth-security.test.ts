import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../server/app.ts'
import type { MailMessage } from '../../server/mailbox.ts'
import { api, clientFor, fixtureOptions, startOn, testRateLimits } from './support/server.ts'

// Issue 8: what an outsider could do to other people's accounts through /auth/v1, each kept closed.
const email = () => `${randomUUID().slice(0, 8)}@example.test`
const v2024 = { 'X-Supabase-Api-Version': '2024-01-01', 'Content-Type': 'application/json' }

async function mailTo(server: RunningServer, to: string): Promise<MailMessage[]> {
  return (await (await fetch(`${server.url}/mailbox/api/messages?to=${encodeURIComponent(to)}`)).json()) as MailMessage[]
}

async function storedHash(server: RunningServer, address: string): Promise<string | null> {
  const { rows } = await server.db.query<{ hash: string | null }>('select encrypted_password as hash from auth.users where email = $1', [address])
  return rows[0]!.hash
}

describe('/auth/v1 refuses to hand over accounts and hostile input', () => {
  let server: RunningServer
  let confirming: RunningServer
  beforeAll(async () => {
    // max_frequency off: the tests send a second mail to the same user at once.
    server = await startOn('postgres', fixtureOptions({ auth: { maxFrequency: 0, rateLimit: testRateLimits } }))
    confirming = await startOn('postgres', fixtureOptions({ auth: { maxFrequency: 0, enableConfirmations: true, rateLimit: testRateLimits } }))
  })
  afterAll(async () => {
    await server?.close()
    await confirming?.close()
  })

  describe('sign-up for an address that already has an account', () => {
    it('an invited address: no session, no password set, the confirmation goes to the mailbox', async () => {
      const address = email()
      const invited = await clientFor(server, server.config.serviceRoleKey).auth.admin.inviteUserByEmail(address, { data: { team: 'x' } })
      expect(invited.error).toBeNull()
      const { data, error } = await clientFor(server).auth.signUp({ email: address, password: 'attacker-chosen' })
      expect(error).toBeNull()
      expect(data.session).toBeNull()
      // As Supabase Auth answers for an invited user: metadata and identities hidden.
      expect(data.user).toMatchObject({ email: address, user_metadata: {}, identities: [] })
      expect(await storedHash(server, address)).toBeNull()
      expect((await mailTo(server, address)).map((m) => m.subject)).toEqual(['Confirm Your Signup', 'You have been invited'])
      const signIn = await clientFor(server).auth.signInWithPassword({ email: address, password: 'attacker-chosen' })
      expect(signIn.error).toMatchObject({ code: 'invalid_credentials' })
    })

    it('an unconfirmed sign-up keeps its own password', async () => {
      const address = email()
      const created = await clientFor(server, server.config.serviceRoleKey).auth.admin.createUser({ email: address, password: 'owner-password' })
      expect(created.error).toBeNull()
      const { data } = await clientFor(server).auth.signUp({ email: address, password: 'attacker-chosen' })
      expect(data.session).toBeNull()
      expect(data.user?.id).toBe(created.data.user!.id)
      const owner = await clientFor(server).auth.signInWithPassword({ email: address, password: 'owner-password' })
      expect(owner.error).toMatchObject({ code: 'email_not_confirmed' })
      const attacker = await clientFor(server).auth.signInWithPassword({ email: address, password: 'attacker-chosen' })
      expect(attacker.error).toMatchObject({ code: 'invalid_credentials' })
    })

    it('a confirmed address with confirmations on: a made-up user, no session, nothing changed, no mail', async () => {
      const address = email()
      const first = await clientFor(confirming).auth.signUp({ email: address, password: 'owner-password' })
      await confirming.db.query('update auth.users set email_confirmed_at = now() where email = $1', [address])
      const hash = await storedHash(confirming, address)
      const again = await clientFor(confirming).auth.signUp({ email: address, password: 'attacker-chosen' })
      expect(again.error).toBeNull()
      expect(again.data.session).toBeNull()
      expect(again.data.user).toMatchObject({ email: address, identities: [] })
      expect(again.data.user!.id).not.toBe(first.data.user!.id)
      expect(await storedHash(confirming, address)).toBe(hash)
      expect(await mailTo(confirming, address)).toHaveLength(1)
    })
  })

  describe('passwords over 72 bytes (bcrypt would read only the first 72)', () => {
    // 37 Cyrillic letters: 37 characters, 74 bytes.
    const long = 'я'.repeat(37)

    it('are refused on sign-up, password update and admin create / update with Supabase Auth\'s error', async () => {
      const admin = clientFor(server, server.config.serviceRoleKey).auth.admin
      const expected = { status: 400, code: 'validation_failed', message: 'Password cannot be longer than 72 characters' }
      expect((await clientFor(server).auth.signUp({ email: email(), password: long })).error).toMatchObject(expected)
      expect((await admin.createUser({ email: email(), password: long })).error).toMatchObject(expected)
      const address = email()
      const { data } = await clientFor(server).auth.signUp({ email: address, password: 'short-enough' })
      expect((await admin.updateUserById(data.user!.id, { password: long })).error).toMatchObject(expected)
      const client = clientFor(server)
      await client.auth.setSession(data.session!)
      expect((await client.auth.updateUser({ password: long })).error).toMatchObject(expected)
      expect((await clientFor(server).auth.signInWithPassword({ email: address, password: 'short-enough' })).error).toBeNull()
    })

    it('sign-in compares the whole password: a 72-byte password plus anything does not match', async () => {
      const address = email()
      const password = 'я'.repeat(36)
      expect((await clientFor(server).auth.signUp({ email: address, password })).error).toBeNull()
      expect((await clientFor(server).auth.signInWithPassword({ email: address, password: `${password}!` })).error).toMatchObject({ code: 'invalid_credentials' })
      expect((await clientFor(server).auth.signInWithPassword({ email: address, password })).error).toBeNull()
    })
  })

  describe('email addresses Supabase Auth would refuse', () => {
    const hostile = ['=hyperlink("http://x")@x.io', '<script>@x.io', 'a b@x.io', 'a@x.io\r\nBcc: b@x.io']
    let target: { id: string; token: string }
    beforeAll(async () => {
      const { data } = await clientFor(server).auth.signUp({ email: email(), password: 'secret-123' })
      target = { id: data.user!.id, token: data.session!.access_token }
    })

    const paths: [string, string, string, (address: string) => Record<string, unknown>, 'anon' | 'service' | 'user'][] = [
      ['signup', 'POST', '/signup', (e) => ({ email: e, password: 'secret-123' }), 'anon'],
      ['otp', 'POST', '/otp', (e) => ({ email: e }), 'anon'],
      ['magiclink', 'POST', '/magiclink', (e) => ({ email: e }), 'anon'],
      ['recover', 'POST', '/recover', (e) => ({ email: e }), 'anon'],
      ['resend', 'POST', '/resend', (e) => ({ type: 'signup', email: e }), 'anon'],
      ['invite', 'POST', '/invite', (e) => ({ email: e }), 'service'],
      ['admin create', 'POST', '/admin/users', (e) => ({ email: e, password: 'secret-123' }), 'service'],
      ['admin update', 'PUT', '/admin/users/:id', (e) => ({ email: e }), 'service'],
      ['generate_link', 'POST', '/admin/generate_link', (e) => ({ type: 'magiclink', email: e }), 'service'],
      ['user update', 'PUT', '/user', (e) => ({ email: e }), 'user'],
      ['verify', 'POST', '/verify', (e) => ({ type: 'email', email: e, token: '123456' }), 'anon'],
    ]
    it.each(paths.flatMap(([name, ...rest]) => hostile.map((address) => [name, address, ...rest] as const)))('%s refuses %j', async (_name, address, method, path, body, caller) => {
      const token = caller === 'service' ? server.config.serviceRoleKey : caller === 'user' ? target.token : undefined
      const response = await api(server, `/auth/v1${path.replace(':id', target.id)}`, { method, token, headers: v2024, body: JSON.stringify(body(address)) })
      expect(response.status).toBe(400)
      expect(await response.json()).toMatchObject({ code: 'validation_failed', message: 'Unable to validate email address: invalid format' })
    })

    it('nothing was stored or mailed', async () => {
      const { rows } = await server.db.query<{ n: number }>(`select count(*)::int as n from auth.users where email ~ '[<>"( \\r\\n]' or email_change ~ '[<>"( \\r\\n]'`)
      expect(rows[0]!.n).toBe(0)
      const mail = (await (await fetch(`${server.url}/mailbox/api/messages`)).json()) as MailMessage[]
      expect(mail.filter((m) => m.to.some((t) => /[<>"( ]/.test(t)))).toEqual([])
    })
  })

  describe('the verify link\'s redirect_to', () => {
    it.each([
      ['CR/LF (header injection)', 'http://127.0.0.1:3000/\r\nSet-Cookie: session=stolen', 'http://127.0.0.1:3000#'],
      ['a NUL byte', 'http://127.0.0.1:3000/\u0000x', 'http://127.0.0.1:3000#'],
      ['letters a header cannot carry raw', 'http://127.0.0.1:3000/привіт', 'http://127.0.0.1:3000/%D0%BF%D1%80%D0%B8%D0%B2%D1%96%D1%82#'],
    ])('with %s redirects safely instead of failing', async (_name, redirect, expected) => {
      const response = await fetch(`${server.url}/auth/v1/verify?type=signup&token=nope&redirect_to=${encodeURIComponent(redirect)}`, { redirect: 'manual' })
      expect(response.status).toBe(303)
      expect(response.headers.get('set-cookie')).toBeNull()
      const location = response.headers.get('location')!
      expect(location.startsWith(expected)).toBe(true)
      expect(new URLSearchParams(location.slice(location.indexOf('#') + 1)).get('error_code')).toBe('otp_expired')
    })
  })
})
