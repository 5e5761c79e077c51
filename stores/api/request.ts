import type { PostgrestSingleResponse, SupabaseClient } from '@supabase/supabase-js'
import type { Database } from './database.types.ts'
import { fromFunctions, fromPostgrest } from './errors.ts'

/** The `rolecall` schema of a client: every table read and RPC goes through it. */
export function rolecallSchema(client: SupabaseClient<Database, 'rolecall'>) {
  return client.schema('rolecall')
}

/** The typed PostgREST client of the `rolecall` schema. */
export type RolecallDb = ReturnType<typeof rolecallSchema>

/** What each noun's API is built from. */
export interface ApiContext {
  db: RolecallDb
  functions: SupabaseClient['functions']
}

/** Awaits a PostgREST request and returns its data, or throws its refusal as a RolecallError. */
export async function run<T>(request: PromiseLike<PostgrestSingleResponse<T>>): Promise<T> {
  const reply = await request
  if (reply.error) throw fromPostgrest(reply.error, reply.status)
  return reply.data
}

/** A page of rows and the total count (`count: 'exact'`). */
export interface Page<T> {
  rows: T[]
  total: number
}

/** Awaits a counted PostgREST read; the total is the whole match, not just the page. */
export async function runPage<T>(request: PromiseLike<PostgrestSingleResponse<T[]>>): Promise<Page<T>> {
  const reply = await request
  if (reply.error) throw fromPostgrest(reply.error, reply.status)
  return { rows: reply.data, total: reply.count ?? reply.data.length }
}

/** The `from` / `to` of `.range()` for a zero-based page. */
export function pageRange(page: number, pageSize: number): [number, number] {
  return [page * pageSize, page * pageSize + pageSize - 1]
}

/** Calls an edge function; a non-2xx answer's `{ code, message, details }` is thrown as a RolecallError. */
export async function invoke<T>(
  functions: ApiContext['functions'],
  name: string,
  options: { body?: Record<string, unknown>; method?: 'GET' | 'POST' } = {},
): Promise<T> {
  const { data, error } = await functions.invoke<T>(name, { method: options.method ?? 'POST', ...(options.body ? { body: options.body } : {}) })
  if (error) throw await fromFunctions(error)
  return data as T
}
