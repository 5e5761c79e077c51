import { mkdir } from 'node:fs/promises'
import { PGlite, protocol } from '@electric-sql/pglite'
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto'
import type { SqlRunner } from './apply.ts'

/** One SQL statement with its positional parameters. */
export interface Statement {
  sql: string
  params: unknown[]
}

/** A database the server runs requests on: PGlite in-process or a Postgres pool. */
export interface Database extends SqlRunner {
  readonly kind: 'pglite' | 'postgres'
  /** Runs `work` inside one transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>
  /**
   * Runs `statements` in order inside one transaction and hands the rows of the last one to `finish`,
   * still inside it: commits when `finish` returns, rolls back when a statement or `finish` throws.
   * Values of the rows are text (or null) on PGlite, driver-parsed on Postgres.
   */
  batch<R, T>(statements: Statement[], finish: (rows: R[]) => T | Promise<T>): Promise<T>
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
  const transaction = <T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> =>
    db.transaction(async (tx) =>
      work({
        exec: (sql) => tx.exec(sql),
        query: async <R>(sql: string, params?: unknown[]) => ({ rows: (await tx.query<R>(sql, params)).rows }),
      }),
    )
  return {
    kind: 'pglite',
    exec: (sql) => db.exec(sql),
    query: async <T>(sql: string, params?: unknown[]) => ({ rows: (await db.query<T>(sql, params)).rows }),
    transaction,
    batch: <R, T>(statements: Statement[], finish: (rows: R[]) => T | Promise<T>) =>
      statements.every((s) => s.params.every(isScalar)) ? pgliteBatch(db, statements, finish) : sequentialBatch(transaction, statements, finish),
    close: () => db.close(),
  }
}

function isScalar(value: unknown): value is string | number | boolean | null {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
}

/** `batch` through `transaction`: one round trip per statement. */
function sequentialBatch<R, T>(transaction: Database['transaction'], statements: Statement[], finish: (rows: R[]) => T | Promise<T>): Promise<T> {
  return transaction(async (tx) => {
    let rows: R[] = []
    for (const statement of statements) rows = (await tx.query<R>(statement.sql, statement.params)).rows
    return finish(rows)
  })
}

/**
 * `batch` on PGlite in two calls into the WASM instance instead of six per statement plus BEGIN and
 * COMMIT: `begin`, every statement (Parse, Bind with text values, Execute; the last one also
 * Describe) and Sync go as one extended-protocol message, then COMMIT or ROLLBACK as a second.
 * NOTE: PGlite's own query() asks the server for the parameter types first (to serialize JS values);
 * scalars as text need no round trip for that, the server infers their types as it does for query().
 */
async function pgliteBatch<R, T>(db: PGlite, statements: Statement[], finish: (rows: R[]) => T | Promise<T>): Promise<T> {
  const { serialize } = protocol
  const parts: Uint8Array[] = [serialize.parse({ text: 'begin' }), serialize.bind({}), serialize.execute({})]
  statements.forEach((statement, i) => {
    parts.push(serialize.parse({ text: statement.sql }))
    parts.push(serialize.bind({ values: statement.params.map((v) => (v === null || v === undefined ? null : String(v))) }))
    if (i === statements.length - 1) parts.push(serialize.describe({ type: 'P' }))
    parts.push(serialize.execute({}))
  })
  parts.push(serialize.sync())
  const message = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let offset = 0
  for (const part of parts) {
    message.set(part, offset)
    offset += part.length
  }
  // NOTE: both mutexes, as PGlite's transaction() holds them: no other transaction or query may run
  // between our BEGIN and COMMIT.
  return db._runExclusiveTransaction(() =>
    db._runExclusiveQuery(async () => {
      let result: T
      try {
        const messages = await db.execProtocolStream(message, { syncToFs: false })
        let fields: string[] = []
        let rows: R[] = []
        for (const m of messages) {
          if (m instanceof protocol.messages.RowDescriptionMessage) {
            fields = m.fields.map((f) => f.name)
            rows = []
          } else if (m instanceof protocol.messages.DataRowMessage && fields.length > 0) {
            const row: Record<string, unknown> = {}
            m.fields.forEach((value, i) => {
              row[fields[i]!] = value
            })
            rows.push(row as R)
          }
        }
        result = await finish(rows)
      } catch (error) {
        await db.execProtocolStream(serialize.query('rollback'), { syncToFs: false }).catch(() => {})
        throw error
      }
      await db.execProtocolStream(serialize.query('commit'))
      return result
    }),
  )
}

/** Connects a pool to any Postgres through a connection string. */
export async function openPostgres(url: string, max = 10): Promise<Database> {
  // NOTE: imported here so the default (PGlite) stack does not load node-postgres (resident memory).
  const { default: pg } = await import('pg')
  const pool = new pg.Pool({ connectionString: url, max })
  // NOTE: an idle client losing its connection emits on the pool; without a listener that would crash the process.
  pool.on('error', () => {})
  const client = await pool.connect()
  client.release()
  const transaction = async <T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> => {
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
  }
  return {
    kind: 'postgres',
    exec: (sql) => pool.query(sql),
    query: async <T>(sql: string, params?: unknown[]) => ({ rows: (await pool.query(sql, params)).rows as T[] }),
    transaction,
    batch: <R, T>(statements: Statement[], finish: (rows: R[]) => T | Promise<T>) => sequentialBatch(transaction, statements, finish),
    close: () => pool.end(),
  }
}
