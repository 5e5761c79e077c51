import { browser } from 'wxt/browser'
import { storage } from 'wxt/utils/storage'

/** The Supabase project the extension talks to. */
export interface Connection {
  /** The project URL (`https://<ref>.supabase.co`, or the local stack's), without a trailing slash. */
  url: string
  /** The project's anon (or publishable) key. */
  anonKey: string
  /** `local`: the one-click `npm start` preset; `build`: baked into a vendor's build. */
  preset?: 'local' | 'build'
}

/** The project connected on the options page (a vendor build's own one wins, see {@link currentConnection}). */
export const connectionItem = storage.defineItem<Connection | null>('local:rolecall.connection', { fallback: null })

/**
 * The stack `npm start` runs: port 54321 (supabase/config.toml `[api]`, server/config.ts) and the Supabase
 * CLI's default anon key, both printed by server/main.ts. tests/extension/options/connection.test.ts checks they agree.
 */
export const LOCAL_PRESET: Connection = {
  url: 'http://127.0.0.1:54321',
  anonKey:
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0',
  preset: 'local',
}

/**
 * A vendor build's project, from `WXT_ROLECALL_URL` and `WXT_ROLECALL_ANON_KEY` at build time (both, or
 * none); the options page then skips the connect step.
 */
export function buildTimeConnection(env: Record<string, unknown> = import.meta.env): Connection | null {
  const url = typeof env.WXT_ROLECALL_URL === 'string' ? projectUrl(env.WXT_ROLECALL_URL) : null
  const anonKey = typeof env.WXT_ROLECALL_ANON_KEY === 'string' ? env.WXT_ROLECALL_ANON_KEY.trim() : ''
  return url && anonKey ? { url, anonKey, preset: 'build' } : null
}

/** The project to use: the build's own, else the one connected on the options page, else none. */
export async function currentConnection(): Promise<Connection | null> {
  return buildTimeConnection() ?? (await connectionItem.getValue())
}

/**
 * `input` as a project URL (http or https; trailing slashes, query and hash dropped), or null when it is
 * not one.
 */
export function projectUrl(input: string): string | null {
  let url: URL
  try {
    url = new URL(input.trim())
  } catch {
    return null
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
}

/** Whether the project runs on this machine (the manifest grants those hosts at install). */
export function isLoopback(url: string): boolean {
  const { hostname } = new URL(url)
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname)
}

/**
 * Asks the browser for the project's site (any port), unless the manifest grants it already (loopback);
 * resolves whether it is allowed. Call it first thing in a click handler: browsers only ask during a user
 * gesture, which the first `await` ends.
 */
export function requestProjectAccess(url: string): Promise<boolean> {
  if (isLoopback(url)) return Promise.resolve(true)
  const { protocol, hostname } = new URL(url)
  return browser.permissions.request({ origins: [`${protocol}//${hostname}/*`] })
}

/** Why a project could not be connected; each has its own message (`options.problems.<problem>`). */
export type ConnectionProblem =
  | 'invalidUrl' // not an http(s) URL
  | 'missingKey' // no anon key
  | 'hostDenied' // the user refused the browser's permission for the project's site
  | 'unreachable' // nothing answered (wrong address, offline, server down)
  | 'notSupabase' // something answered, but not Supabase Auth
  | 'badKey' // the project refused the key
  | 'noRolecall' // a Supabase project without the rolecall schema exposed

/** A project that cannot be connected, and why. */
export class ConnectionError extends Error {
  /** Why. */
  readonly problem: ConnectionProblem
  /** The i18n key of the message for the user. */
  readonly messageKey: string

  constructor(problem: ConnectionProblem, detail = '') {
    super(detail ? `${problem}: ${detail}` : problem)
    this.name = 'ConnectionError'
    this.problem = problem
    this.messageKey = `options.problems.${problem}`
  }
}

/** What is wrong with the fields before anything is sent, or null. */
export function connectionFieldProblem(c: Connection): 'invalidUrl' | 'missingKey' | null {
  if (!projectUrl(c.url)) return 'invalidUrl'
  return c.anonKey.trim() ? null : 'missingKey'
}

/**
 * Checks that `c` is a Supabase project with Rolecall that accepts the key: Auth's settings (which only
 * Supabase Auth answers, and hosted projects refuse without a valid key), then a read from the rolecall
 * schema with the anon key. Throws a {@link ConnectionError}; resolves when the project works.
 */
export async function testConnection(c: Connection, fetchImpl: typeof fetch = globalThis.fetch): Promise<void> {
  const fieldProblem = connectionFieldProblem(c)
  if (fieldProblem) throw new ConnectionError(fieldProblem)
  const base = projectUrl(c.url)!
  const headers = { apikey: c.anonKey.trim() }

  const auth = await reach(fetchImpl, `${base}/auth/v1/settings`, { headers })
  if (auth.status === 401 || auth.status === 403) throw new ConnectionError('badKey', `auth answered ${auth.status}`)
  const settings = auth.ok ? ((await auth.json().catch(() => null)) as { external?: unknown } | null) : null
  if (typeof settings?.external !== 'object' || settings.external === null) throw new ConnectionError('notSupabase', `auth answered ${auth.status}`)

  const rest = await reach(fetchImpl, `${base}/rest/v1/permissions?select=key&limit=1`, { headers: { ...headers, 'Accept-Profile': 'rolecall' } })
  if (rest.ok) return
  const body = (await rest.json().catch(() => null)) as { code?: string } | null
  // NOTE: the anon role may not read the catalog (42501): the schema is there and the key was accepted.
  if (body?.code === '42501') return
  if (body?.code === 'PGRST106' || body?.code === 'PGRST205' || body?.code === '42P01') throw new ConnectionError('noRolecall', body.code)
  if (rest.status === 401 || rest.status === 403) throw new ConnectionError('badKey', body?.code ?? `rest answered ${rest.status}`)
  throw new ConnectionError('notSupabase', `rest answered ${rest.status}`)
}

/** `fetch`, with "nothing answered" as a ConnectionError. */
async function reach(fetchImpl: typeof fetch, url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetchImpl(url, { ...init, signal: AbortSignal.timeout(10_000) })
  } catch (error) {
    throw new ConnectionError('unreachable', error instanceof Error ? error.message : String(error))
  }
}
