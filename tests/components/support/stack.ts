import { spawn } from 'node:child_process'
import { dirname, join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { createPinia, setActivePinia } from 'pinia'
import { afterAll } from 'vitest'
import { createRolecallClient } from '../../../stores/api/create-client.ts'
import type { RolecallClient } from '../../../stores/api/index.ts'
import { useOrganizationStore } from '../../../stores/organization.ts'
import { useSessionStore } from '../../../stores/session.ts'

/** Every demo user's password (supabase/seed.sql). */
export const demoPassword = 'rolecall-demo'

/** Seed organization ids (supabase/seed.sql). */
export const orgs = {
  justPaid: 'a0000000-0000-4000-8000-000000000001',
  jusnote: 'a0000000-0000-4000-8000-000000000002',
  profit: 'a0000000-0000-4000-8000-000000000003',
  paycove: 'a0000000-0000-4000-8000-000000000004',
  payments: 'a0000000-0000-4000-8000-000000000005',
}

/** One email in the stack's mailbox, as `/mailbox/api/messages` lists it. */
export interface Mail {
  subject: string
  text: string
}

/** The child stack: its URL and anon key, `sql` to run a statement in its database, `mailTo` to read its mailbox. */
export interface Stack {
  url: string
  anonKey: string
  sql(sql: string, params?: unknown[]): Promise<void>
  /** The emails sent to `address`, newest first. */
  mailTo(address: string): Promise<Mail[]>
}

/**
 * The local stack on PGlite with the real schema, seed and functions, started by ./stack-process.ts in a
 * child process for the file and stopped after it.
 * NOTE: not in-process as tests/stores/support.ts does it: under happy-dom, Vite transforms modules for
 * the browser and rewrites the server's `new URL('../sql/…', import.meta.url)` against the page's
 * http://localhost:3000, so the server cannot find its SQL.
 */
export async function useChildStack(): Promise<Stack> {
  const entry = join(dirname(fileURLToPath(import.meta.url)), 'stack-process.ts')
  // NOTE: the same loaders as `npm start` (server/preload.mjs says why PGlite loads ahead of tsx: ~45 MB less).
  const preload = join(dirname(fileURLToPath(import.meta.url)), '../../../server/preload.mjs')
  const child = spawn(process.execPath, ['--import', preload, '--import', 'tsx', entry], { stdio: ['pipe', 'pipe', 'inherit'] })
  afterAll(() => child.stdin.end())
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]()
  const first = await Promise.race([
    lines.next(),
    new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`stack exited with ${code}`)))),
  ])
  const { url, anonKey } = JSON.parse(String(first.value)) as { url: string; anonKey: string }
  // NOTE: one question at a time: the child answers in order, one line each.
  let queue = Promise.resolve<unknown>(null)
  function ask(request: object): Promise<unknown> {
    const answer = queue.then(async () => {
      child.stdin.write(`${JSON.stringify(request)}\n`)
      const reply = JSON.parse(String((await lines.next()).value)) as { ok: boolean; value?: unknown; error?: string }
      if (!reply.ok) throw new Error(reply.error)
      return reply.value
    })
    queue = answer.catch(() => null)
    return answer
  }
  return {
    url,
    anonKey,
    sql: async (sql, params = []) => void await ask({ sql, params }),
    mailTo: async (address) => (await ask({ mailTo: address })) as Mail[],
  }
}

/** A supabase-js client on the stack that keeps its session in memory only; `fetch` replaces its transport. */
export function clientOf(stack: Pick<Stack, 'url' | 'anonKey'>, fetch?: typeof globalThis.fetch): RolecallClient {
  return createRolecallClient(stack.url, stack.anonKey, {
    ...(fetch && { global: { fetch } }),
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  })
}

/**
 * A fresh active Pinia signed in as a demo user (password `rolecall-demo`) with `org` chosen, over HTTP
 * with the real supabase-js (through `fetch` when given); the same wiring as tests/stores/support.ts's
 * `signedInStores`.
 */
export async function signInStores(stack: Pick<Stack, 'url' | 'anonKey'>, email: string, org: string, fetch?: typeof globalThis.fetch) {
  setActivePinia(createPinia())
  const session = useSessionStore()
  await session.connect(clientOf(stack, fetch))
  await session.signInWithPassword(email, demoPassword)
  await useOrganizationStore().load(org)
}

/**
 * `admin` (password `rolecall-demo`) invites `email` to `org` with the organization's lowest role, through
 * the `invite` function; returns the link from the email and its token, and the admin's client.
 */
export async function invite(stack: Stack, admin: string, org: string, email: string) {
  const client = clientOf(stack)
  await client.auth.signInWithPassword({ email: admin, password: demoPassword })
  // Highest rank first, as the panel lists them: the last is the least privileged.
  const { data: roles } = await client.from('roles').select('id').eq('organization_id', org).order('rank', { ascending: false })
  const role = roles?.at(-1)?.id
  const sent = await client.functions.invoke('invite', { body: { organization_id: org, email, role_id: role } })
  if (sent.error) throw new Error(`invite failed: ${await (sent.error as { context?: Response }).context?.text()}`)
  const mail = await stack.mailTo(email)
  const link = /(\S+#token=[A-Za-z0-9_-]+)/.exec(mail[0]?.text ?? '')?.[1] ?? ''
  return { link, token: new URL(link).hash.replace('#token=', ''), invitationId: (sent.data as { invitation_id: string }).invitation_id, admin: client }
}
