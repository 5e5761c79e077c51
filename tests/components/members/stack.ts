import { type ChildProcess, spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { createClient } from '@supabase/supabase-js'
import { createPinia, type Pinia, setActivePinia } from 'pinia'
import { afterAll } from 'vitest'
import { defineComponent, h } from 'vue'
import { panelContextKey, type PanelContext } from '../../../components/panel/context.ts'
import NotificationProvider from '../../../components/shared/NotificationProvider.vue'
import { useOrganizationStore } from '../../../stores/organization.ts'
import { useSessionStore } from '../../../stores/session.ts'

/** Every demo user's password (supabase/seed.sql). */
export const demoPassword = 'rolecall-demo'
/** Organization ids of supabase/seed.sql. */
export const orgs = {
  justPaid: 'a0000000-0000-4000-8000-000000000001', jusnote: 'a0000000-0000-4000-8000-000000000002', profit: 'a0000000-0000-4000-8000-000000000003',
  paycove: 'a0000000-0000-4000-8000-000000000004', payments: 'a0000000-0000-4000-8000-000000000005',
}

// NOTE: the stack runs in a child Node process: under happy-dom, `URL` is the DOM's, and the server's
// `fileURLToPath(new URL(..., import.meta.url))` refuses it. The stack itself is the real one (PGlite,
// the real migrations, seed and functions), as tests/stores/support.ts starts it.
const script = `
import { startOn, testRateLimits } from './tests/server/support/server.ts'
const server = await startOn('pglite', { port: 0, dataDir: null, log: false, env: {}, auth: { rateLimit: testRateLimits } })
console.log(JSON.stringify({ url: server.url, anonKey: server.config.anonKey }))
`

/** Starts the local stack for the file; stopped after it. */
export async function useStack(): Promise<{ url: string; anonKey: string }> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] })
  afterAll(() => void child.kill())
  for await (const line of createInterface({ input: child.stdout! })) {
    if (line.startsWith('{')) return JSON.parse(line) as { url: string; anonKey: string }
  }
  throw new Error('the local stack did not start')
}

/** A fresh Pinia signed in as a demo user with `org` chosen, over HTTP with the real supabase-js. */
export async function signedIn(stack: { url: string; anonKey: string }, email: string, org: string): Promise<Pinia> {
  const pinia = createPinia()
  setActivePinia(pinia)
  const session = useSessionStore()
  await session.connect(createClient(stack.url, stack.anonKey, { auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false } }) as Parameters<typeof session.connect>[0])
  await session.signInWithPassword(email, demoPassword)
  await useOrganizationStore().load(org)
  return pinia
}

/** A panel around a screen: its context (events recorded in `events`) and the toasts' provider. */
export function inPanel(screen: object, events: unknown[][] = []) {
  const context: PanelContext = {
    client: { value: undefined } as PanelContext['client'],
    organization: { value: undefined } as PanelContext['organization'],
    emit: (...args: unknown[]) => void events.push(args),
  }
  return defineComponent({
    provide: { [panelContextKey as symbol]: context },
    setup: () => () => h(NotificationProvider, null, { default: () => h(screen) }),
  })
}
