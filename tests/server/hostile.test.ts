import { SignJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../server/app.ts'
import { localDefaults } from '../../server/config.ts'
import { api, type Backend, backends, fixtureOptions, startOn } from './support/server.ts'

const secret = new TextEncoder().encode(localDefaults.jwtSecret)

function sign(claims: Record<string, unknown>, key: Uint8Array = secret): Promise<string> {
  const now = Math.floor(Date.now() / 1000)
  return new SignJWT({ iat: now, exp: now + 600, ...claims }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(key)
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

describe.each(backends)('hostile requests on %s', (backend: Backend) => {
  let server: RunningServer
  beforeAll(async () => {
    server = await startOn(backend, fixtureOptions({ maxBodyBytes: 256 * 1024 }))
  })
  afterAll(async () => server?.close())

  /** After each bad request, a good one must still work. */
  async function stillWorks(): Promise<void> {
    const response = await api(server, '/rest/v1/items?select=id&id=eq.1')
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual([{ id: 1 }])
  }

  it.each<[string, string, number, string, Record<string, string>?]>([
    ['unknown operator', '/rest/v1/items?id=zz.1', 400, 'PGRST100'],
    ['missing operator', '/rest/v1/items?id=1', 400, 'PGRST100'],
    ['bad is value', '/rest/v1/items?id=is.maybe', 400, 'PGRST100'],
    ['unbalanced in list', '/rest/v1/items?id=in.(1,2', 400, 'PGRST100'],
    ['unbalanced logic tree', '/rest/v1/items?or=(id.eq.1,name.eq.x', 400, 'PGRST100'],
    ['injection in a column name', '/rest/v1/items?select=id;drop table items', 400, 'PGRST100'],
    ['injection through a quoted identifier', '/rest/v1/items?select=%22id%22%22;drop%20table%20items;--%22', 400, 'PGRST100'],
    ['injection in a cast', '/rest/v1/items?select=id::int);drop table items;--', 400, 'PGRST100'],
    ['unknown column in select', '/rest/v1/items?select=nope', 400, '42703'],
    ['unknown column in a filter', '/rest/v1/items?nope=eq.1', 400, '42703'],
    ['unknown column in order', '/rest/v1/items?order=nope.desc', 400, '42703'],
    ['bad order direction', '/rest/v1/items?order=id.sideways', 400, 'PGRST100'],
    ['negative limit', '/rest/v1/items?limit=-1', 400, 'PGRST100'],
    ['value of the wrong type', '/rest/v1/items?id=eq.abc', 400, '22P02'],
    ['unknown table', '/rest/v1/nope', 404, 'PGRST205'],
    ['table in an unexposed schema', '/rest/v1/users', 404, 'PGRST205'],
    ['embedding', '/rest/v1/items?select=id,notes(id)', 400, 'PGRST200'],
    ['unknown schema', '/rest/v1/items?select=id', 406, 'PGRST106', { 'Accept-Profile': 'auth' }],
    ['unsupported media type', '/rest/v1/items', 406, 'PGRST107', { Accept: 'text/csv' }],
    ['nested path', '/rest/v1/items/1', 404, 'PGRST125'],
  ])('%s', async (_name, path, status, code, headers = {}) => {
    const response = await api(server, path, { headers })
    expect(response.status).toBe(status)
    const body = await response.json()
    expect(body).toMatchObject({ code })
    expect(Object.keys(body).sort()).toEqual(['code', 'details', 'hint', 'message'])
    await stillWorks()
  })

  it('refuses invalid JSON, non-object bodies and unknown columns in bodies', async () => {
    const token = localDefaults.serviceRoleKey
    for (const body of ['{"id": 1,', 'null', '42', '[1, 2]']) {
      const response = await api(server, '/rest/v1/items', { method: 'POST', token, headers: { 'Content-Type': 'application/json' }, body })
      expect(response.status).toBe(400)
      expect((await response.json()).code).toBe('PGRST102')
    }
    const unknown = await api(server, '/rest/v1/items', { method: 'POST', token, body: JSON.stringify({ id: 9, nope: 1 }) })
    expect(await unknown.json()).toMatchObject({ code: 'PGRST204', message: "Could not find the 'nope' column of 'items' in the schema cache" })
    const rpc = await api(server, '/rest/v1/rpc/add_numbers', { method: 'POST', body: '{"a": ' })
    expect(rpc.status).toBe(400)
    await stillWorks()
  })

  it('answers 413 to huge bodies', async () => {
    const huge = JSON.stringify({ id: 99, name: 'x'.repeat(300 * 1024) })
    const response = await api(server, '/rest/v1/items', { method: 'POST', token: localDefaults.serviceRoleKey, body: huge })
    expect(response.status).toBe(413)
    await stillWorks()
  })

  it('refuses forged, expired, alg-none and malformed JWTs', async () => {
    const forged = await sign({ role: 'service_role' }, new TextEncoder().encode('another-secret-that-is-at-least-32-chars'))
    const expired = await sign({ role: 'authenticated', sub: '00000000-0000-0000-0000-000000000001', exp: Math.floor(Date.now() / 1000) - 60 })
    const none = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ role: 'service_role' })}.`
    const cases: [string, string, string][] = [
      [forged, 'PGRST301', 'JWT cryptographic operation failed'],
      [expired, 'PGRST303', 'JWT expired'],
      [none, 'PGRST301', 'Wrong or unsupported encoding algorithm'],
      ['not-a-jwt', 'PGRST301', 'Expected 3 parts in JWT; got 1'],
    ]
    for (const [token, code, message] of cases) {
      const response = await api(server, '/rest/v1/items', { token })
      expect(response.status).toBe(401)
      expect(response.headers.get('www-authenticate')).toContain('invalid_token')
      expect(await response.json()).toMatchObject({ code, message })
      const auth = await api(server, '/auth/v1/user', { token })
      expect(auth.status).toBe(token === 'not-a-jwt' ? 403 : 403)
      const admin = await api(server, '/auth/v1/admin/users', { token })
      expect(admin.status).toBe(403)
    }
    await stillWorks()
  })

  it('refuses role claims other than the API roles', async () => {
    const unknown = await api(server, '/rest/v1/items', { token: await sign({ role: 'nobody_at_all' }) })
    expect(unknown.status).toBe(401)
    expect(await unknown.json()).toMatchObject({ code: '22023', message: 'role "nobody_at_all" does not exist' })
    const superuser = await api(server, '/rest/v1/items', { token: await sign({ role: 'postgres' }) })
    expect(superuser.status).toBe(403)
    expect((await superuser.json()).code).toBe('42501')
    await stillWorks()
  })

  it('survives a burst of bad requests mixed with good ones', async () => {
    const bad = ['/rest/v1/items?id=eq.%ZZ', '/rest/v1/items?select=(((', '/rest/v1/rpc/nope', '/rest/v1/items?or=()']
    const responses = await Promise.all(Array.from({ length: 40 }, (_, i) => api(server, i % 5 === 0 ? '/rest/v1/items?select=id&id=eq.1' : bad[i % bad.length]!)))
    expect(responses.every((r) => r.status < 500)).toBe(true)
    await stillWorks()
  })
})
