import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'

/** The smallest surface both PGlite and node-postgres offer: run a script, run one parameterised query. */
export interface SqlRunner {
  /** Runs a script of one or more statements, without parameters. */
  exec(sql: string): Promise<unknown>
  /** Runs one statement with positional parameters. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>
}

/** Where the SQL lives, relative to this file; overridable for tests. */
export interface SqlPaths {
  platform: string
  migrations: string
  seed: string
}

export const defaultPaths: SqlPaths = {
  platform: fileURLToPath(new URL('../sql/platform.sql', import.meta.url)),
  migrations: fileURLToPath(new URL('../../supabase/migrations/', import.meta.url)),
  seed: fileURLToPath(new URL('../../supabase/seed.sql', import.meta.url)),
}

/** What applyDatabase did. */
export interface ApplyResult {
  /** Versions applied by this call, oldest first. */
  applied: string[]
  /** Whether seed.sql ran (only on a database that had no migration before). */
  seeded: boolean
}

const migrationName = /^(\d{14})_([a-z0-9_-]+)\.sql$/

/** The migration files in version order, as the Supabase CLI names them. */
export async function listMigrations(dir = defaultPaths.migrations): Promise<{ version: string; name: string; file: string }[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort()
  return files.map((file) => {
    const match = migrationName.exec(file)
    if (!match) throw new Error(`Migration file name must be <14 digits>_<name>.sql: ${file}`)
    return { version: match[1]!, name: match[2]!, file: `${dir}/${file}` }
  })
}

/**
 * Brings a database up to date the way `supabase db reset` / `db push` would: platform SQL (idempotent),
 * then every migration not yet recorded in supabase_migrations.schema_migrations, each in its own
 * transaction, then seed.sql when the database was new.
 */
export async function applyDatabase(db: SqlRunner, options: { seed?: boolean; paths?: SqlPaths } = {}): Promise<ApplyResult> {
  const paths = options.paths ?? defaultPaths
  await applyPlatform(db, await readFile(paths.platform, 'utf8'))
  const done = new Set(
    (await db.query<{ version: string }>('select version from supabase_migrations.schema_migrations')).rows.map((r) => r.version),
  )
  const fresh = done.size === 0
  const applied: string[] = []
  for (const migration of await listMigrations(paths.migrations)) {
    if (done.has(migration.version)) continue
    const sql = await readFile(migration.file, 'utf8')
    await inTransaction(db, async () => {
      await db.exec(sql)
      await db.query('insert into supabase_migrations.schema_migrations (version, name) values ($1, $2)', [migration.version, migration.name])
    }).catch((error: Error) => {
      throw new Error(`Migration ${migration.version}_${migration.name} failed: ${error.message}`, { cause: error })
    })
    applied.push(migration.version)
  }
  const seeded = fresh && (options.seed ?? true)
  if (seeded) await inTransaction(db, async () => db.exec(await readFile(paths.seed, 'utf8')))
  return { applied, seeded }
}

/**
 * Runs platform SQL unless this exact text already ran on the database. It is idempotent either way;
 * skipping it keeps a warm start of the local stack fast and its memory low.
 */
async function applyPlatform(db: SqlRunner, sql: string): Promise<void> {
  const checksum = createHash('sha256').update(sql).digest('hex')
  const [known] = (await db.query<{ present: boolean }>(
    `select to_regclass('supabase_migrations.platform_checksums') is not null as present`,
  )).rows
  if (known?.present) {
    const { rows } = await db.query('select 1 from supabase_migrations.platform_checksums where checksum = $1', [checksum])
    if (rows.length > 0) return
  }
  await db.exec(sql)
  await db.query('insert into supabase_migrations.platform_checksums (checksum) values ($1) on conflict do nothing', [checksum])
}

async function inTransaction(db: SqlRunner, work: () => Promise<unknown>): Promise<void> {
  await db.exec('begin')
  try {
    await work()
    await db.exec('commit')
  } catch (error) {
    await db.exec('rollback')
    throw error
  }
}
