import { afterAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../../server/config.ts'
import {
  buildTimeConnection, type Connection, type ConnectionError, LOCAL_PRESET, projectUrl, testConnection,
} from '../../../stores/extension/connection.ts'
import { fixtureOptions, startOn } from '../../server/support/server.ts'
import { useStack } from '../../stores/support.ts'
import { useOrdinarySite } from '../support/not-supabase.ts'

/** The problem testConnection throws for `c`, or null when it connects. */
async function problemOf(c: Connection): Promise<string | null> {
  return testConnection(c).then(() => null, (error: ConnectionError) => error.problem)
}

describe('LOCAL_PRESET', () => {
  it('is the address and anon key npm start uses and prints (no environment overrides)', () => {
    const config = loadConfig({}, {})
    expect(LOCAL_PRESET).toEqual({ url: `http://${config.host}:${config.port}`, anonKey: config.anonKey, preset: 'local' })
  })
})

describe('buildTimeConnection', () => {
  it.each([
    ['both set', { WXT_ROLECALL_URL: 'https://abc.supabase.co/', WXT_ROLECALL_ANON_KEY: ' key ' }, { url: 'https://abc.supabase.co', anonKey: 'key', preset: 'build' }],
    ['no key', { WXT_ROLECALL_URL: 'https://abc.supabase.co' }, null],
    ['no URL', { WXT_ROLECALL_ANON_KEY: 'key' }, null],
    ['not a URL', { WXT_ROLECALL_URL: 'abc.supabase.co', WXT_ROLECALL_ANON_KEY: 'key' }, null],
    ['nothing', {}, null],
  ])('%s', (_, env, expected) => {
    expect(buildTimeConnection(env)).toEqual(expected)
  })
})

describe('projectUrl', () => {
  it.each([
    ['https://abc.supabase.co', 'https://abc.supabase.co'],
    ['  http://127.0.0.1:54321/  ', 'http://127.0.0.1:54321'],
    ['https://example.com/supabase/?x=1#y', 'https://example.com/supabase'],
    ['ftp://example.com', null],
    ['abc.supabase.co', null],
    ['', null],
  ])('%j → %j', (input, expected) => {
    expect(projectUrl(input)).toBe(expected)
  })
})

describe('testConnection against real servers', async () => {
  const stack = await useStack()
  const ordinarySite = await useOrdinarySite()
  // A Supabase-compatible stack without Rolecall's schema (the server suite's fixture project).
  const plainSupabase = await startOn('pglite', fixtureOptions())
  afterAll(() => plainSupabase.close())

  it('accepts the stack with its anon key, and its publishable key', async () => {
    expect(await problemOf({ url: stack.url, anonKey: stack.config.anonKey })).toBeNull()
    expect(await problemOf({ url: `${stack.url}/`, anonKey: 'sb_publishable_ACJWlzQHlZjBrEguHvfOxg_3BJgxAaH' })).toBeNull()
  })

  it.each([
    ['a port where nothing listens', () => ({ url: 'http://127.0.0.1:1', anonKey: stack.config.anonKey }), 'unreachable'],
    ['a host that does not exist', () => ({ url: 'https://rolecall-test.invalid', anonKey: stack.config.anonKey }), 'unreachable'],
    ['an ordinary web site', () => ({ url: ordinarySite, anonKey: stack.config.anonKey }), 'notSupabase'],
    ['a wrong key', () => ({ url: stack.url, anonKey: 'eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiYW5vbiJ9.wrong' }), 'badKey'],
    ['the service_role key with one character changed', () => ({ url: stack.url, anonKey: stack.config.serviceRoleKey.replace(/.$/, 'x') }), 'badKey'],
    ['a Supabase project without Rolecall', () => ({ url: plainSupabase.url, anonKey: plainSupabase.config.anonKey }), 'noRolecall'],
    ['an empty key', () => ({ url: stack.url, anonKey: '  ' }), 'missingKey'],
    ['no URL at all', () => ({ url: 'localhost', anonKey: 'key' }), 'invalidUrl'],
  ])('refuses %s', async (_, connection, problem) => {
    expect(await problemOf(connection())).toBe(problem)
  })
})
