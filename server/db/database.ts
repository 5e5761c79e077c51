import { mkdir } from 'node:fs/promises'
import { PGlite } from '@electric-sql/pglite'
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto'
import pg from 'pg'
import type { SqlRunner } from './apply.ts'

/** A database the server runs requests on: PGlite in-process or a Postgres pool. */
export interface Database extends SqlRunner {
  readonly kind: 'pglite' | 'postgres'
  /** Runs `work` inside one transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>
  close(): Promise<void>
}

/** Postgres reports errors with these fields (node-postgres and PGlite alike). */
export interface PgError extends Error {
  code?: string
  detail?: string
  hint?: string
}

// NOTE: both drivers would turn int8 and numeric into JS numbers or strings differently; every query the
// server runs renders its results as JSON text in SQL instead, so only text, booleans and ints cross over.

/**
 * Opens PGlite in `dataDir` (created when missing), or in memory when dataDir is null.
 * NOTE: PGlite's default shared_buffers (128 MB) is most of its resident memory; a local stack's data
 * fits in far less, and 16 MB keeps the process well under 300 MB (bench/server.ts).
 */
export async function openPglite(dataDir: string | null, sharedBuffers = process.env.ROLECALL_PGLITE_SHARED_BUFFERS ?? '16MB'): Promise<Database> {
  if (dataDir) await mkdir(dataDir, { recursive: true })
  const db = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    extensions: { pgcrypto },
    postgresqlconf: [`shared_buffers=${sharedBuffers}`],
  })
  return {
    kind: 'pglite',
    exec: (sql) => db.exec(sql),
    query: async <T>(sql: string, params?: unknown[]) => ({ rows: (await db.query<T>(sql, params)).rows }),
    transaction: <T>(work: (tx: SqlRunner) => Promise<T>) =>
      db.transaction(async (tx) =>
        work({
          exec: (sql) => tx.exec(sql),
          query: async <R>(sql: string, params?: unknown[]) => ({ rows: (await tx.query<R>(sql, params)).rows }),
        }),
      ),
    close: () => db.close(),
  }
}

/** Connects a pool to any Postgres through a connection string. */
export async function openPostgres(url: string, max = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max })
  // NOTE: an idle client losing its connection emits on the pool; without a listener that would crash the process.
  pool.on('error', () => {})
  const client = await pool.connect()
  client.release()
  return {
    kind: 'postgres',
    exec: (sql) => pool.query(sql),
    query: async <T>(sql: string, params?: unknown[]) => ({ rows: (await pool.query(sql, params)).rows as T[] }),
    transaction: async <T>(work: (tx: SqlRunner) => Promise<T>) => {
      const client = await pool.connect()
      let broken = false
      try {
        await client.query('begin')
        const result = await work({
          exec: (sql) => client.query(sql),
          query: async <R>(sql: string, params?: unknown[]) => ({ rows: (await client.query(sql, params)).rows as R[] }),
        })
        await client.query('commit')
        return result
      } catch (error) {
        await client.query('rollback').catch(() => {
          broken = true
        })
        throw error
      } finally {
        client.release(broken)
      }
    },
    close: () => pool.end(),
  }
}
