import { createClient, type SupabaseClientOptions } from '@supabase/supabase-js'
import type { RolecallClient } from './client.ts'
import type { Database } from './database.types.ts'

// NOTE: kept out of index.ts so importing the API (types, errors, createApi) never pulls supabase-js into
// a bundle: the widget imports this module lazily, only when the host passes no client of its own.

/**
 * A supabase-js client for Rolecall: the generated `Database` type and `db.schema = 'rolecall'`.
 * NOTE: on Node 20 pass `realtime: { transport }` (no global WebSocket); browsers need nothing.
 */
export function createRolecallClient(url: string, anonKey: string, options: Omit<SupabaseClientOptions<'rolecall'>, 'db'> = {}): RolecallClient {
  return createClient<Database, 'rolecall'>(url, anonKey, { ...options, db: { schema: 'rolecall' } })
}
