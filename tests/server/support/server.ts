import { randomUUID } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { createClient, type SupabaseClient } from '@supabase/supabase-js'
import pg from 'pg'
import { inject } from 'vitest'
import { type RunningServer, type StartOptions, startServer } from '../../../server/app.ts'
import { defaultPaths, type SqlPaths } from '../../../server/db/apply.ts'
import { installWebSocketStandIn } from '../../../server/functions/host.ts'

// NOTE: supabase-js needs a WebSocket constructor even when realtime is unused; Node 20 has none.
installWebSocketStandIn()

/** The databases the server suite runs against. */
export type Backend = 'pglite' | 'postgres'
export const backends: Backend[] = ['pglite', 'postgres']

/** The fixture schema (tests/server/fixtures): notes with per-owner RLS, items, other.things, RPCs. */
export const fixturePaths: SqlPaths = {
  platform: defaultPaths.platform,
  migrations: fileURLToPath(new URL('../fixtures/migrations/', import.meta.url)),
  seed: fileURLToPath(new URL('../fixtures/seed.sql', import.meta.url)),
}
export const fixtureFunctions = fileURLToPath(new URL('../fixtures/functions/', import.meta.url))

/**
 * `[auth.rate_limit]` for suites that sign up many users from 127.0.0.1: the defaults would answer 429
 * after a burst of 30. (tests/server/auth-rate-limits.test.ts checks the defaults themselves.)
 */
export const testRateLimits = { emailSent: 100_000, tokenRefresh: 100_000, signInSignUps: 100_000, tokenVerifications: 100_000 }

/** Options for a server on the fixture schema, exposing `public` and `other`, with test rate limits. */
export function fixtureOptions(extra: StartOptions = {}): StartOptions {
  return {
    port: 0,
    dataDir: null,
    sqlPaths: fixturePaths,
    schemas: ['public', 'other'],
    functionsDir: fixtureFunctions,
    functions: { 'open-echo': { verifyJwt: false } },
    log: false,
    env: {},
    auth: { rateLimit: testRateLimits },
    ...extra,
  }
}

/** An empty database on the suite's Postgres (tests/support/global-setup.ts), dropped by `drop`. */
export async function freshPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = inject('pgAdminUrl')
  const name = `s_${randomUUID().replaceAll('-', '')}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: adminUrl })
      await cleanup.connect()
      await cleanup.query(`drop database if exists ${name} with (force)`)
      await cleanup.end()
    },
  }
}

/** Starts a server on the backend; `close` also drops its Postgres database. */
export async function startOn(backend: Backend, options: StartOptions = fixtureOptions()): Promise<RunningServer> {
  if (backend === 'pglite') return startServer(options)
  const database = await freshPostgresDatabase()
  const server = await startServer({ ...options, databaseUrl: database.url })
  return {
    ...server,
    close: async () => {
      await server.close()
      await database.drop()
    },
  }
}

/** A supabase-js client for the server (no session persistence, no timers). */
export function clientFor(server: RunningServer, key = server.config.anonKey, options: { schema?: string; accessToken?: string } = {}): SupabaseClient<any, any> {
  return createClient(server.url, key, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    db: { schema: options.schema ?? 'public' },
    global: options.accessToken ? { headers: { Authorization: `Bearer ${options.accessToken}` } } : {},
  })
}

/** Signs up (or in) a fresh user and returns a client acting as them plus their session. */
export async function signedInUser(server: RunningServer, email = `${randomUUID().slice(0, 8)}@example.test`, password = 'correct horse battery') {
  const client = clientFor(server)
  const { data, error } = await client.auth.signUp({ email, password })
  if (error || !data.session) throw error ?? new Error('no session after sign-up')
  return { client, session: data.session, user: data.user!, email, password }
}

/** Plain fetch against the server with the anon key as apikey. */
export function api(server: RunningServer, path: string, init: RequestInit & { token?: string } = {}): Promise<Response> {
  const headers = new Headers(init.headers)
  if (!headers.has('apikey')) headers.set('apikey', server.config.anonKey)
  if (init.token) headers.set('Authorization', `Bearer ${init.token}`)
  return fetch(`${server.url}${path}`, { ...init, headers })
}
