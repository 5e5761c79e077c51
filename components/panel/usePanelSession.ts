import { computed, markRaw, ref, shallowRef, watch } from 'vue'
import type { AnyClient } from '../../stores/api/index.ts'
import { useOrganizationStore } from '../../stores/organization.ts'
import { useSessionStore } from '../../stores/session.ts'

/** Where the panel's session comes from: the host's client, or a project URL and anon key for its own. */
export interface PanelSessionSource {
  client?: AnyClient
  supabaseUrl?: string
  anonKey?: string
  /** The organization to choose first. */
  organization?: string
}

/**
 * What the panel shows: `unconfigured` (no client and no project: the tabs, each screen saying why it
 * is empty), `connecting`, `signedOut` (the sign-in), `noOrganization`, `failed` (the organizations could
 * not be read) or `ready` (the tabs).
 */
export type PanelPhase = 'unconfigured' | 'connecting' | 'signedOut' | 'noOrganization' | 'failed' | 'ready'

/**
 * The panel's client and session: the host's client (its sign-in reused, its sign-ins and sign-outs
 * followed), or one made from `supabaseUrl` / `anonKey` whose session the panel owns; the signed-in
 * user's organizations loaded, `organization` chosen first.
 */
export function usePanelSession(source: PanelSessionSource) {
  const session = useSessionStore()
  const organizations = useOrganizationStore()
  /** The client in use; undefined until ready. */
  const client = shallowRef<AnyClient>()
  const connected = ref(false)
  /** The signed-in user's organizations have been read (for this user). */
  const loaded = ref(false)

  // NOTE: supabase-js is imported only when the host passes no client of its own, so a host that does never
  // downloads it twice; a plain client serves, as every API call names the `rolecall` schema. markRaw: a
  // client must never become a reactive proxy (its private fields break).
  watch(() => [source.client, source.supabaseUrl, source.anonKey] as const, async ([host, url, key], _, onCleanup) => {
    let stale = false
    let stop = () => {}
    onCleanup(() => {
      stale = true
      stop()
    })
    connected.value = false
    const made = host ?? (url && key ? (await import('../../stores/api/create-client.ts')).createRolecallClient(url, key) : undefined)
    // NOTE: the panel's own client refreshes its session on a timer; a removed panel stops it (the session stays stored).
    if (made && !host) onCleanup(() => void made.auth.stopAutoRefresh())
    if (stale) return
    client.value = made && markRaw(made)
    if (!made) return
    stop = await session.connect(made)
    // NOTE: replaced while connecting: the cleanup already ran, so stop following this client here.
    if (stale) return stop()
    connected.value = true
  }, { immediate: true })

  /** Reads the signed-in user's organizations again (after a failure). */
  async function loadOrganizations() {
    loaded.value = false
    await organizations.load(source.organization).catch(() => {}) // NOTE: kept in organizations.error
    loaded.value = true
  }
  // Another user (or none) means other organizations: forget the last user's choice first.
  watch(() => (connected.value ? session.user?.id : undefined), (userId, previous) => {
    if (previous) organizations.reset()
    loaded.value = false
    if (userId) void loadOrganizations()
  }, { immediate: true })
  watch(() => source.organization, (id) => {
    if (id && session.signedIn) void organizations.choose(id).catch(() => {})
  })

  const phase = computed<PanelPhase>(() => {
    if (!client.value) return 'unconfigured'
    if (!connected.value) return 'connecting'
    if (!session.signedIn) return 'signedOut'
    if (loaded.value && organizations.organizations.length === 0) return organizations.error ? 'failed' : 'noOrganization'
    return 'ready'
  })
  /** The panel signs in and out itself: its own client, not the host's. */
  const ownsSession = computed(() => !source.client && client.value !== undefined)

  return { client, phase, ownsSession, loadOrganizations }
}
