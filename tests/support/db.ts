import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { afterAll, inject } from 'vitest'
import { templateDatabase } from './global-setup.ts'

/** Who makes a simulated API request. */
export type Actor =
  | { kind: 'anon' }
  | { kind: 'service_role' }
  | { kind: 'user'; id: string; email?: string; ip?: string }

export const anon: Actor = { kind: 'anon' }
export const serviceRole: Actor = { kind: 'service_role' }

/** A user actor, optionally calling from a given client address. */
export function user(id: string, options: { email?: string; ip?: string } = {}): Actor {
  return { kind: 'user', id, ...options }
}

/** An error raised by Postgres, with its SQLSTATE. */
export type DbError = Error & { code: string; detail?: string; hint?: string }

/**
 * A database of its own for one test file: a clone of the migrated and seeded template, dropped
 * when the file ends. `request` runs SQL the way PostgREST runs a request.
 */
export interface TestDatabase {
  url: string
  /** Superuser pool (the SQL editor's view, bypassing RLS). */
  pool: pg.Pool
  /** Runs sql as a superuser outside any simulated request. */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>
  /** One API request: a transaction with the actor's role, JWT claims and headers set as PostgREST sets them. */
  request<T = Record<string, unknown>>(actor: Actor, text: string, params?: unknown[]): Promise<T[]>
  /** Calls rolecall.<fn> with named arguments as one API request and returns its rows. */
  rpc<T = Record<string, unknown>>(actor: Actor, fn: string, args?: Record<string, unknown>): Promise<T[]>
  /** Creates an auth user (as the Auth server would) and returns its id. */
  createUser(email?: string, name?: string): Promise<string>
}

/** The claims and headers PostgREST would set for the actor. */
export function requestSettings(actor: Actor): { role: string; claims: Record<string, unknown>; headers: Record<string, string> } {
  const headers: Record<string, string> = { 'x-forwarded-for': actor.kind === 'user' && actor.ip ? actor.ip : '127.0.0.1' }
  if (actor.kind === 'anon') return { role: 'anon', claims: { role: 'anon' }, headers }
  if (actor.kind === 'service_role') return { role: 'service_role', claims: { role: 'service_role' }, headers }
  return {
    role: 'authenticated',
    claims: { sub: actor.id, role: 'authenticated', aud: 'authenticated', email: actor.email ?? '' },
    headers,
  }
}

/** Opens a transaction on `client` configured like a PostgREST request. */
export async function beginRequest(client: pg.ClientBase, actor: Actor): Promise<void> {
  const { role, claims, headers } = requestSettings(actor)
  await client.query('begin')
  await client.query(
    `select set_config('role', $1, true), set_config('request.jwt.claims', $2, true),
            set_config('request.headers', $3, true), set_config('request.method', 'POST', true)`,
    [role, JSON.stringify(claims), JSON.stringify(headers)],
  )
}

/** Runs `text` inside one simulated request on a dedicated client; commits on success. */
export async function runRequest<T>(client: pg.ClientBase, actor: Actor, text: string, params: unknown[] = []): Promise<T[]> {
  await beginRequest(client, actor)
  try {
    const result = await client.query(text, params)
    await client.query('commit')
    return result.rows as T[]
  } catch (error) {
    await client.query('rollback')
    throw error
  }
}

/** `rolecall.fn(a => $1, b => $2)` for the named arguments. */
export function rpcCall(fn: string, args: Record<string, unknown>): { text: string; params: unknown[] } {
  const names = Object.keys(args)
  for (const name of [fn, ...names]) if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad identifier ${name}`)
  const list = names.map((name, i) => `${name} => $${i + 1}`).join(', ')
  return { text: `select * from rolecall.${fn}(${list})`, params: names.map((n) => args[n]) }
}

/** Clones the template database for the calling test file. */
export async function useTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('pgAdminUrl')
  const name = `t_${randomUUID().replaceAll('-', '')}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`create database ${name} template ${templateDatabase}`)
  await admin.end()
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  const pool = new pg.Pool({ connectionString: url.toString(), max: 10 })
  // NOTE: pool.end() resolves once its clients are told to end, before their sockets close; the drop
  // below (with force) would then terminate a still-open backend whose client has no error listener.
  const closed: Promise<unknown>[] = []
  pool.on('connect', (client) => closed.push(new Promise((resolve) => client.once('end', resolve))))

  afterAll(async () => {
    await pool.end()
    await Promise.all(closed)
    const cleanup = new pg.Client({ connectionString: adminUrl })
    await cleanup.connect()
    await cleanup.query(`drop database if exists ${name} with (force)`)
    await cleanup.end()
  })

  const request = async <T>(actor: Actor, text: string, params: unknown[] = []): Promise<T[]> => {
    const client = await pool.connect()
    try {
      return await runRequest<T>(client, actor, text, params)
    } finally {
      client.release()
    }
  }

  return {
    url: url.toString(),
    pool,
    sql: async <T>(text: string, params?: unknown[]) => (await pool.query(text, params)).rows as T[],
    request,
    rpc: <T>(actor: Actor, fn: string, args: Record<string, unknown> = {}) => {
      const call = rpcCall(fn, args)
      return request<T>(actor, call.text, call.params)
    },
    createUser: async (email = `${randomUUID()}@example.test`, name = '') => {
      const id = randomUUID()
      await pool.query(
        `insert into auth.users (id, aud, role, email, raw_user_meta_data, raw_app_meta_data, email_confirmed_at, created_at, updated_at)
         values ($1, 'authenticated', 'authenticated', $2, jsonb_build_object('full_name', $3::text), '{"provider":"email"}', now(), now(), now())`,
        [id, email.toLowerCase(), name],
      )
      return id
    },
  }
}

/** Asserts that `promise` fails with the SQLSTATE and returns the error for further checks. */
export async function expectDbError(promise: Promise<unknown>, code: string): Promise<DbError> {
  try {
    await promise
  } catch (error) {
    const dbError = error as DbError
    if (dbError.code !== code) throw new Error(`expected SQLSTATE ${code}, got ${dbError.code}: ${dbError.message}`, { cause: error })
    return dbError
  }
  throw new Error(`expected SQLSTATE ${code}, but the statement succeeded`)
}

/** The one row a statement returned; fails the test when there is not exactly one. */
export function only<T>(rows: T[]): T {
  if (rows.length !== 1) throw new Error(`expected exactly one row, got ${rows.length}`)
  return rows[0]!
}
