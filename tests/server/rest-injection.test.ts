import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../../server/app.ts'
import { useTestDatabase } from '../support/db.ts'
import { api, type Backend, backends, clientFor, startOn } from './support/server.ts'

// Issue 8, hole 1: `select=` casts reached SQL unquoted, so any signed-in user could run their own
// read-only SQL. Casts are now one type name (or a keyword phrase such as `double precision`) written
// quoted or from a fixed table; anything else is PostgREST's parse error.

const exploit = 'name::text as name from pg_settings pgrst_t where false union all select rolname from pg_roles union all select name'

describe('select= cast injection on the Rolecall schema (Postgres)', () => {
  let server: RunningServer
  let token: string
  beforeAll(async () => {
    const db = await useTestDatabase()
    server = await startServer({ port: 0, databaseUrl: db.url, log: false, env: {} })
    const client = clientFor(server, server.config.anonKey, { schema: 'rolecall' })
    const { data, error } = await client.auth.signInWithPassword({ email: 'user@justpaid.demo', password: 'rolecall-demo' })
    expect(error).toBeNull()
    token = data.session!.access_token
  })
  afterAll(async () => server?.close())

  it.each([
    ['the reported request (lists every role)', exploit],
    ['reading function sources', 'name::text as name from pg_settings pgrst_t where false union all select prosrc from pg_proc union all select name'],
    ['a cross join of catalogs', 'name::text as name from pg_class a, pg_class b, pg_class c union all select name'],
    ['a comment that swallows the rest', 'name::text /*'],
    ['a statement end', 'name::text; select 1'],
    ['a function call in a cast', 'name::text, pg_sleep(5)::text'],
  ])('refuses %s with 400 PGRST100', async (_name, select) => {
    const response = await api(server, `/rest/v1/roles?select=${encodeURIComponent(select)}`, { token, headers: { 'Accept-Profile': 'rolecall' } })
    expect(response.status).toBe(400)
    const body = await response.json()
    expect(body.code).toBe('PGRST100')
    expect(JSON.stringify(body)).not.toContain('pg_read_all_data')
  })

  it('still answers plain casts on the same table', async () => {
    const response = await api(server, '/rest/v1/roles?select=label:name::text,rank::int&limit=1', { token, headers: { 'Accept-Profile': 'rolecall' } })
    expect(response.status).toBe(200)
    expect(Object.keys((await response.json())[0]).sort()).toEqual(['label', 'rank'])
  })
})

describe.each(backends)('select= casts on %s', (backend: Backend) => {
  let server: RunningServer
  beforeAll(async () => {
    server = await startOn(backend)
  })
  afterAll(async () => server?.close())

  it('casts to catalog types, keyword types, keyword phrases and arrays, in any case', async () => {
    const select = 'id::int,a:id::INTEGER,b:price::double precision,c:created::timestamp without time zone,d:name::TEXT,e:category::character varying'
    const response = await api(server, `/rest/v1/items?id=eq.1&select=${encodeURIComponent(select)}`)
    expect(response.status).toBe(200)
    const [row] = await response.json()
    expect(row).toMatchObject({ id: 1, a: 1, b: expect.any(Number), c: expect.stringMatching(/T00:00:00$/), d: expect.any(String), e: expect.any(String) })
  })

  it.each([
    ['words that are no type', 'id::int as x from items'],
    ['a type name with a schema', 'id::pg_catalog.int4'],
    ['a type modifier', 'id::numeric(10,2)'],
    ['a quote', 'id::"int4"'],
    ['an empty cast', 'id::'],
  ])('refuses %s with 400 PGRST100', async (_name, select) => {
    const response = await api(server, `/rest/v1/items?select=${encodeURIComponent(select)}`)
    expect(response.status).toBe(400)
    expect((await response.json()).code).toBe('PGRST100')
  })

  it('quotes a single-word cast, so a name that is no type is an unknown type (42704)', async () => {
    const response = await api(server, `/rest/v1/items?select=${encodeURIComponent('id::no_such_type')}`)
    expect(response.status).toBe(400)
    expect((await response.json()).code).toBe('42704')
  })
})
