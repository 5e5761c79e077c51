import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../server/app.ts'
import { loadConfig } from '../../server/config.ts'
import { api, type Backend, backends, fixtureOptions, startOn } from './support/server.ts'

// Issue 8, weaknesses: no request may crash or freeze the server. Select width, nesting of or= trees
// and JSON paths, and body nesting are bounded (400, where Postgres' 54011 gave 500 and PGlite's stack
// overflow 503); errors do not echo huge input; each request gets a statement timeout.

describe.each(backends)('REST limits on %s', (backend: Backend) => {
  let server: RunningServer
  beforeAll(async () => {
    server = await startOn(backend, fixtureOptions({ statementTimeout: '300ms' }))
    await server.db.exec(`
      create function public.slow(seconds float8) returns text language sql volatile
        as $$ select current_setting('statement_timeout') from pg_sleep(seconds) $$;
      grant execute on function public.slow(float8) to anon;`)
    await server.reloadSchema()
  })
  afterAll(async () => server?.close())

  /** After each refused request, a good one must still work. */
  async function stillWorks(): Promise<void> {
    const response = await api(server, '/rest/v1/items?select=id&id=eq.1')
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual([{ id: 1 }])
  }

  async function expectRefused(response: Response, status: number, code: string): Promise<Record<string, unknown>> {
    const text = await response.text()
    expect(response.status, text.slice(0, 300)).toBe(status)
    // NOTE: the refusal names the problem without sending the input back.
    expect(text.length).toBeLessThan(2500)
    const body = JSON.parse(text) as Record<string, unknown>
    expect(body.code).toBe(code)
    await stillWorks()
    return body
  }

  it('refuses a select of 3,000 columns (Postgres: 54011, 500)', async () => {
    const body = await expectRefused(await api(server, `/rest/v1/items?select=${Array(3000).fill('id').join(',')}`), 400, 'PGRST100')
    expect(body.details).toBe('It selects 3000 columns; at most 1000 are allowed')
    await expectRefused(await api(server, `/rest/v1/items?select=${Array(200).fill('*').join(',')}`), 400, 'PGRST100')
  })

  it('refuses an or= tree nested 2,500 deep (stack overflow: 503)', async () => {
    const deep = `${'or('.repeat(2500)}id.eq.1${')'.repeat(2500)}`
    const body = await expectRefused(await api(server, `/rest/v1/items?or=(id.eq.2,${deep})`), 400, 'PGRST100')
    expect(body.details).toBe('and / or nest at most 32 deep')
    const fine = await api(server, `/rest/v1/items?select=id&or=(${'or('.repeat(30)}id.eq.1${')'.repeat(30)})`)
    expect(await fine.json()).toEqual([{ id: 1 }])
  })

  it('refuses a JSON path of 1,000 steps and embeds nested 1,000 deep', async () => {
    await expectRefused(await api(server, `/rest/v1/items?select=details${'->a'.repeat(1000)}`), 400, 'PGRST100')
    await expectRefused(await api(server, `/rest/v1/items?details${'->a'.repeat(1000)}=eq.1`), 400, 'PGRST100')
    await expectRefused(await api(server, `/rest/v1/items?select=${'a('.repeat(1000)}id${')'.repeat(1000)}`), 400, 'PGRST100')
  })

  it('refuses a JSON body nested 100,000 deep quickly, and takes 64 levels', async () => {
    const token = server.config.serviceRoleKey
    const deep = `{"id": 70, "name": "deep", "details": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`
    const started = performance.now()
    const body = await expectRefused(await api(server, '/rest/v1/items', { method: 'POST', token, body: deep }), 400, 'PGRST102')
    expect(body.details).toBe('Arrays and objects nest more than 64 deep')
    expect(performance.now() - started).toBeLessThan(5000)
    const nested = `{"id": 71, "name": "nested", "details": ${'['.repeat(60)}${']'.repeat(60)}}`
    expect((await api(server, '/rest/v1/items', { method: 'POST', token, body: nested })).status).toBe(201)
  })

  it('does not echo a 9 MB argument in the error', async () => {
    const huge = 'x'.repeat(9 * 1024 * 1024)
    const rpc = await expectRefused(await api(server, '/rest/v1/rpc/add_numbers', { method: 'POST', body: JSON.stringify({ a: huge }) }), 400, '22P02')
    expect(rpc.message).toMatch(/^invalid input syntax for type integer: "x+… \(\d+ more characters\)$/)
    const column = await expectRefused(await api(server, '/rest/v1/items', { method: 'POST', token: server.config.serviceRoleKey, body: JSON.stringify({ [huge]: 1 }) }), 400, 'PGRST204')
    expect(column.message).toContain('more characters')
  })

  it('runs each request under the configured statement_timeout', async () => {
    if (backend === 'postgres') {
      const started = performance.now()
      const response = await api(server, '/rest/v1/rpc/slow', { method: 'POST', body: JSON.stringify({ seconds: 3 }) })
      expect(response.status).toBe(500)
      expect(await response.json()).toMatchObject({ code: '57014', message: 'canceling statement due to statement timeout' })
      expect(performance.now() - started).toBeLessThan(2500)
    } else {
      // NOTE: PGlite takes the setting but never fires it (no timer signal inside one WASM call), so
      // the statement runs to its end: README, "Local stack", says what holds there instead.
      const response = await api(server, '/rest/v1/rpc/slow', { method: 'POST', body: JSON.stringify({ seconds: 0.5 }) })
      expect(response.status).toBe(200)
      expect(await response.json()).toBe('300ms')
    }
    await stillWorks()
  })
})

describe('ROLECALL_STATEMENT_TIMEOUT', () => {
  it.each<[string | undefined, string | null]>([
    [undefined, '8s'],
    ['2s', '2s'],
    ['1500ms', '1500ms'],
    ['0', null],
  ])('%s gives %s', (value, expected) => {
    expect(loadConfig({}, value === undefined ? {} : { ROLECALL_STATEMENT_TIMEOUT: value }).statementTimeout).toBe(expected)
  })

  it('refuses a value that is no duration at start, not on every request', () => {
    expect(() => loadConfig({}, { ROLECALL_STATEMENT_TIMEOUT: "8s'; drop table x" })).toThrow(/not a duration/)
  })
})
