import type { Database } from '../db/database.ts'
import type { SchemaCache } from './schema-cache.ts'

/** Who calls, from the verified JWT. */
export interface Caller {
  role: string
  claims: Record<string, unknown>
}

/** What the REST handler needs from the server. */
export interface RestContext {
  db: Database
  schemaCache(): SchemaCache
  /** Reloads the cache (at most once a second); resolves to the fresh cache. */
  refreshSchemaCache(): Promise<SchemaCache>
  extraSearchPath: string[]
  maxRows: number | null
  /** `statement_timeout` of each request (null: the database's own). */
  statementTimeout: string | null
}
