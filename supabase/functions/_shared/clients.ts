import { createClient, type SupabaseClient, type User } from '@supabase/supabase-js'
import { FunctionError } from './http.ts'

function env(name: string): string {
  const value = Deno.env.get(name)
  if (!value) throw new Error(`${name} is not set`)
  return value
}

/**
 * A supabase-js client on the `rolecall` schema. There are no generated Database types (the schema is
 * Rolecall's own and the vendor's tables vary), so rows are typed where a function reads them.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type RolecallClient = SupabaseClient<any, 'rolecall'>

const clientOptions = { auth: { persistSession: false, autoRefreshToken: false }, db: { schema: 'rolecall' } } as const

/** A client with the service role: for the service-only RPCs, which act for a verified user. */
export function serviceClient(): RolecallClient {
  return createClient(env('SUPABASE_URL'), env('SUPABASE_SERVICE_ROLE_KEY'), clientOptions)
}

/** The bearer token of a request ('' when there is none). */
export function bearerToken(req: Request): string {
  return (req.headers.get('Authorization') ?? '').replace(/^Bearer\s+/i, '')
}

/** A client that calls as the holder of `jwt`, so RLS and the SQL guards apply to them. */
export function clientAs(jwt: string): RolecallClient {
  return createClient(env('SUPABASE_URL'), env('SUPABASE_ANON_KEY'), {
    ...clientOptions,
    global: { headers: { Authorization: `Bearer ${jwt}` } },
  })
}

/** A client with only the anon key, for Auth calls made on nobody's behalf (sign-in checks). */
export function anonClient(): RolecallClient {
  return createClient(env('SUPABASE_URL'), env('SUPABASE_ANON_KEY'), clientOptions)
}

/** The user holding `jwt`, verified by the Auth server, or null. */
export async function userOf(jwt: string): Promise<User | null> {
  if (!jwt) return null
  const { data, error } = await serviceClient().auth.getUser(jwt)
  return error ? null : data.user
}

/** The signed-in user of the request, or `not_signed_in` (401). */
export async function requireUser(req: Request): Promise<User> {
  const user = await userOf(bearerToken(req))
  if (!user) throw new FunctionError('not_signed_in', 'Sign in first', 401)
  return user
}
