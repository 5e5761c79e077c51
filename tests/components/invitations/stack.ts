import { spawn } from 'node:child_process'
import { dirname, join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { createPinia, setActivePinia } from 'pinia'
import { afterAll } from 'vitest'
import { createRolecallClient } from '../../../stores/api/create-client.ts'
import { useOrganizationStore } from '../../../stores/organization.ts'
import { useSessionStore } from '../../../stores/session.ts'

/** Where the test stack answers. */
export interface Stack {
  url: string
  anonKey: string
}

/**
 * The local stack on PGlite with the real schema, seed and functions, started in a child process and
 * stopped after the file.
 * NOTE: not in-process as tests/stores/support.ts does it: under happy-dom, Vite transforms modules for
 * the browser and rewrites the server's `new URL('../sql/…', import.meta.url)` against the page's
 * http://localhost:3000, so the server cannot find its SQL.
 */
export async function useChildStack(): Promise<Stack> {
  const entry = join(dirname(fileURLToPath(import.meta.url)), 'stack-process.ts')
  const child = spawn(process.execPath, ['--import', 'tsx', entry], { stdio: ['pipe', 'pipe', 'inherit'] })
  afterAll(() => child.stdin.end())
  const [line] = await Promise.race([
    createInterface({ input: child.stdout })[Symbol.asyncIterator]().next().then((next) => [next.value as string]),
    new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`stack exited with ${code}`)))),
  ])
  return JSON.parse(line ?? '') as Stack
}

/**
 * A fresh active Pinia signed in as a demo user (password `rolecall-demo`) with `org` chosen, over HTTP
 * with the real supabase-js; the same wiring as tests/stores/support.ts's `signedInStores`.
 */
export async function signInStores(stack: Stack, email: string, org: string) {
  setActivePinia(createPinia())
  const session = useSessionStore()
  await session.connect(createRolecallClient(stack.url, stack.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  }))
  await session.signInWithPassword(email, 'rolecall-demo')
  await useOrganizationStore().load(org)
}
