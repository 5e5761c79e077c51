import { readFileSync } from 'node:fs'
import type { SupabaseClient } from '@supabase/supabase-js'
import type { RunningServer } from '../../../server/app.ts'
import { defaultPaths } from '../../../server/db/apply.ts'
import { seedPassword } from '../../../server/db/seed-demo.ts'
import { clientFor, startOn, testRateLimits } from '../../server/support/server.ts'

/** The demo users' password, from supabase/seed.sql's header. */
export const demoPassword = seedPassword(readFileSync(defaultPaths.seed, 'utf8')) ?? ''

/** The local stack with the real schema, functions and seed, on an in-memory PGlite and a free port. */
export function startDemoStack(): Promise<RunningServer> {
  return startOn('pglite', { port: 0, dataDir: null, log: false, env: {}, auth: { rateLimit: testRateLimits } })
}

/** A supabase-js client on the `rolecall` schema signed in as a demo user, as a panel would call the API. */
export async function apiAs(server: RunningServer, email: string): Promise<SupabaseClient<any, any>> {
  const client = clientFor(server, server.config.anonKey, { schema: 'rolecall' })
  const { error } = await client.auth.signInWithPassword({ email, password: demoPassword })
  if (error) throw error
  return client
}
