import { mkdtempSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../server/app.ts'
import { loadConfig } from '../../server/config.ts'
import { fixtureOptions, startOn } from './support/server.ts'

// [auth.rate_limit] with the Supabase CLI's defaults (supabase/config.toml): per client address,
// bursts of 30, then <limit> per 5 minutes.
const email = () => `${randomUUID().slice(0, 8)}@example.test`

/** POSTs JSON from a chosen local address (every 127.x address reaches a loopback server on Linux). */
function post(server: RunningServer, path: string, body: unknown, from = '127.0.0.1'): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}/auth/v1${path}`, {
      method: 'POST',
      localAddress: from,
      headers: { apikey: server.config.anonKey, 'Content-Type': 'application/json', 'X-Supabase-Api-Version': '2024-01-01' },
    }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }))
    })
    req.on('error', reject)
    req.end(JSON.stringify(body))
  })
}

/** Sends `count` requests at once and returns their statuses. */
async function flood(count: number, send: () => Promise<{ status: number; body: Record<string, unknown> }>) {
  const replies = await Promise.all(Array.from({ length: count }, send))
  return { replies, limited: replies.filter((r) => r.status === 429) }
}

describe('config.toml [auth.rate_limit]', () => {
  it('reads the CLI keys, with the CLI defaults when absent', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rolecall-config-'))
    const path = join(dir, 'config.toml')
    writeFileSync(path, '[auth.rate_limit]\ntoken_refresh = 5\nemail_sent = 9\n')
    expect(loadConfig({}, {}, path).auth.rateLimit).toEqual({ emailSent: 9, tokenRefresh: 5, signInSignUps: 30, tokenVerifications: 30 })
    expect(loadConfig({}, {}).auth.rateLimit).toEqual({ emailSent: 2, tokenRefresh: 150, signInSignUps: 30, tokenVerifications: 30 })
  })
})

describe('/auth/v1 rate limits (the CLI defaults)', () => {
  let server: RunningServer
  beforeAll(async () => {
    // `auth: {}` drops the fixture's raised limits: config.toml's values apply.
    server = await startOn('postgres', fixtureOptions({ auth: {} }))
  })
  afterAll(async () => server?.close())

  it('token_refresh: password guesses past a burst of 30 get 429, other addresses still get through', async () => {
    const { replies, limited } = await flood(36, () => post(server, '/token?grant_type=password', { email: 'nobody@example.test', password: 'guess-guess' }))
    expect(replies.filter((r) => r.status === 400).length).toBeGreaterThanOrEqual(30)
    expect(limited.length).toBeGreaterThan(0)
    expect(limited[0]!.body).toEqual({ code: 'over_request_rate_limit', message: 'Request rate limit reached' })
    const other = await post(server, '/token?grant_type=password', { email: 'nobody@example.test', password: 'guess-guess' }, '127.0.0.2')
    expect(other.status).toBe(400)
  })

  it('sign_in_sign_ups: sign-ups past a burst of 30 get 429', async () => {
    const { replies, limited } = await flood(36, () => post(server, '/signup', { email: email(), password: '1' }, '127.0.0.3'))
    expect(replies.filter((r) => r.status === 422).length).toBeGreaterThanOrEqual(30)
    expect(limited.length).toBeGreaterThan(0)
    expect(limited[0]!.body.code).toBe('over_request_rate_limit')
  })

  it('token_verifications: verify attempts past a burst of 30 get 429', async () => {
    const { replies, limited } = await flood(36, () => post(server, '/verify', { type: 'signup', token_hash: 'nope' }, '127.0.0.4'))
    expect(replies.filter((r) => r.status === 403).length).toBeGreaterThanOrEqual(30)
    expect(limited.length).toBeGreaterThan(0)
  })
})

describe('email_sent', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await startOn('postgres', fixtureOptions({ auth: { enableConfirmations: true } }))
  })
  afterAll(async () => server?.close())

  it('with confirmations on, the third Auth email within the hour gets 429 over_email_send_rate_limit', async () => {
    expect((await post(server, '/signup', { email: email(), password: 'secret-123' })).status).toBe(200)
    expect((await post(server, '/recover', { email: email() })).status).toBe(200)
    expect((await post(server, '/magiclink', { email: email() })).status).toBe(200)
    const third = await post(server, '/signup', { email: email(), password: 'secret-123' })
    expect(third).toEqual({ status: 429, body: { code: 'over_email_send_rate_limit', message: 'email rate limit exceeded' } })
  })
})
