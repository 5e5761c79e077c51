import { createPinia, setActivePinia } from 'pinia'
import { afterAll } from 'vitest'
import type { RunningServer } from '../../server/app.ts'
import { createRolecallClient } from '../../stores/api/create-client.ts'
import { useOrganizationStore } from '../../stores/organization.ts'
import { useSessionStore } from '../../stores/session.ts'
import { startOn, testRateLimits } from '../server/support/server.ts'

/** JustPaid's organization id in supabase/seed.sql. */
export const justPaid = 'a0000000-0000-4000-8000-000000000001'
/** Every demo user's password (supabase/seed.sql). */
export const demoPassword = 'rolecall-demo'

/** The local stack on PGlite with the real migrations, seed and edge functions; closed after the file. */
export async function useStack(): Promise<RunningServer> {
  const server = await startOn('pglite', { port: 0, dataDir: null, log: false, env: {}, auth: { rateLimit: testRateLimits } })
  afterAll(() => server.close())
  return server
}

/**
 * A fresh Pinia whose session is signed in as a demo user with JustPaid chosen: the stores as the panel
 * wires them, over HTTP with the real supabase-js.
 */
export async function signedInStores(server: RunningServer, email: string, org = justPaid) {
  setActivePinia(createPinia())
  const session = useSessionStore()
  await session.connect(createRolecallClient(server.url, server.config.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  }))
  await session.signInWithPassword(email, demoPassword)
  const organization = useOrganizationStore()
  await organization.load(org)
  return { session, organization }
}
