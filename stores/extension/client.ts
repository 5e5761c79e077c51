import type { SupabaseClientOptions, SupportedStorage } from '@supabase/supabase-js'
import { storage, type Unwatch } from 'wxt/utils/storage'
import type { RolecallClient } from '../api/index.ts'
import { type Connection, currentConnection } from './connection.ts'

/**
 * supabase-js's auth storage over the extension's local storage, shared by the background and every page
 * (supabase-js reads it again on every request, so a session refreshed or removed elsewhere is seen).
 */
export const extensionAuthStorage: SupportedStorage = {
  getItem: async (key) => (await storage.getItem<string>(`local:${key}`)) ?? null,
  setItem: (key, value) => storage.setItem(`local:${key}`, value),
  removeItem: (key) => storage.removeItem(`local:${key}`),
}

/**
 * The project's session key: one per project URL, so two projects (or two local stacks on other ports)
 * never share a session, nor the cross-page auth events supabase-js sends on a channel of that name.
 */
export function sessionKey(connection: Connection): string {
  return `rolecall.auth[${connection.url}]`
}

/**
 * Calls `callback` when the project's stored session changes in any context (signed in, refreshed by the
 * background, signed out); pages use it to re-read who is signed in.
 */
export function watchSession(connection: Connection, callback: () => void): Unwatch {
  return storage.watch<string>(`local:${sessionKey(connection)}`, callback)
}

/** How this context uses the client. */
export interface ExtensionClientOptions {
  /**
   * Refresh the access token on a timer. Only the background passes `true`: one context refreshes, so two
   * never race one refresh token; pages read the refreshed session from storage on every request.
   */
  refresh?: boolean
  /** supabase-js's realtime options (Node 20, in tests, needs a WebSocket `transport`; browsers nothing). */
  realtime?: SupabaseClientOptions<'rolecall'>['realtime']
}

let cached: { id: string; client: RolecallClient } | null = null

/**
 * This context's supabase-js client for the current connection (one per context, re-created when the
 * connection changes), its session persisted in extension storage; null when no project is connected.
 */
export async function extensionClient(options: ExtensionClientOptions = {}): Promise<RolecallClient | null> {
  const connection = await currentConnection()
  if (!connection) return null
  // NOTE: supabase-js loads only here, so a page paints (the popup from its cache) before it is parsed.
  // Awaited before the check below, which must stay synchronous so two callers share one client.
  const { createRolecallClient } = await import('../api/create-client.ts')
  const refresh = options.refresh ?? false
  const id = JSON.stringify([connection.url, connection.anonKey, refresh])
  if (cached?.id !== id) {
    resetExtensionClient()
    cached = {
      id,
      client: createRolecallClient(connection.url, connection.anonKey, {
        auth: {
          storage: extensionAuthStorage,
          storageKey: sessionKey(connection),
          persistSession: true,
          autoRefreshToken: refresh,
          detectSessionInUrl: false,
        },
        ...(options.realtime ? { realtime: options.realtime } : {}),
      }),
    }
  }
  return cached.client
}

/** Forgets this context's client (after the connection changes); the next {@link extensionClient} makes a new one. */
export function resetExtensionClient(): void {
  // NOTE: a replaced client's refresh timer would otherwise keep refreshing the old project's session.
  void cached?.client.auth.stopAutoRefresh()
  cached = null
}
