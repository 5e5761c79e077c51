import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import {
  createApi, type Invitation, type ResourceSource, type RolecallApi, type RolecallError, toRolecallError,
} from '../api/index.ts'
import { requestRefresh } from './background/messages.ts'
import { extensionClient } from './client.ts'
import { fetchOrgDetails, type OrgDetails, orgDetailsItem } from './org-details.ts'
import { fetchSnapshot, selectedOrgItem, type Snapshot, snapshotItem } from './snapshot.ts'

/** Where the popup stands: reading the cache and the session, no project connected, signed out, or showing data. */
export type PopupPhase = 'starting' | 'not-connected' | 'signed-out' | 'ready'

/**
 * The popup's state: the cached snapshot painted at once, replaced by a fresh one; the chosen organization
 * and its details; answering invitations.
 */
export const usePopupStore = defineStore('popup', () => {
  /** Where the popup stands. */
  const phase = ref<PopupPhase>('starting')
  /** The data shown: the cached snapshot first, then the one this popup fetched. */
  const snapshot = shallowRef<Snapshot | null>(null)
  /** When the popup opened: a snapshot saved before it is older than the refresh, so marked stale. */
  const openedAt = ref(Date.now())
  /** Whether the data shown predates this popup's refresh (still refreshing, or the refresh failed). */
  const stale = computed(() => snapshot.value !== null && Date.parse(snapshot.value.savedAt) < openedAt.value)
  /** A refresh is running. */
  const refreshing = ref(false)
  /** Why the last refresh failed (the data shown stays, marked stale). */
  const refreshError = shallowRef<RolecallError | null>(null)
  /** The organization chosen (the side panel follows it). */
  const selectedId = ref<string | null>(null)
  /** The user's organizations. */
  const organizations = computed(() => snapshot.value?.organizations ?? [])
  /** The chosen organization, else the first. */
  const selected = computed(() => organizations.value.find((o) => o.organization_id === selectedId.value) ?? organizations.value[0] ?? null)
  /** The user's permissions in the chosen organization. */
  const permissions = computed(() => (selected.value && snapshot.value?.permissions[selected.value.organization_id]) || [])
  /** The product's checkboxes for the user in the chosen organization. */
  const checkboxes = computed(() => (selected.value && snapshot.value?.checkboxes[selected.value.organization_id]) || [])
  /** Cached and fresh details per organization (section labels, resources, IP allowlist). */
  const details = shallowRef<Record<string, OrgDetails>>({})
  /** The chosen organization's details, when they are this user's. */
  const selectedDetails = computed(() => {
    const entry = selected.value && details.value[selected.value.organization_id]
    return entry && entry.userId === snapshot.value?.userId ? entry : null
  })
  /** The user administers the chosen organization: they hold a team permission (`members.*`) there. */
  const isAdmin = computed(() => permissions.value.some((p) => p.granted && p.key.startsWith('members.')))
  /** Pending invitations addressed to the user. */
  const invitations = computed(() => snapshot.value?.invitations ?? [])

  const api = shallowRef<RolecallApi | null>(null)
  let sources: readonly ResourceSource[] = []
  let unwatch: (() => void) | null = null
  let cacheRead: Promise<Snapshot | null> | undefined

  function requireApi(): RolecallApi {
    if (!api.value) throw new Error('popup.start() must find a session first')
    return api.value
  }

  /**
   * Paints the cached snapshot at once, then finds the connection and session and refreshes.
   * `resourceSources`: the vendor's resource tables (projects, budgets, cards) to read.
   */
  async function start(resourceSources: readonly ResourceSource[]) {
    sources = resourceSources
    const cached = await readCache()
    const client = await extensionClient()
    if (!client) return leave('not-connected')
    const { data } = await client.auth.getSession()
    if (!data.session) return leave('signed-out')
    if (cached && cached.userId !== data.session.user.id) {
      snapshot.value = null
      details.value = {}
    }
    api.value = createApi(client)
    phase.value = 'ready'
    // NOTE: the background refreshes every minute too; a snapshot it saves while the popup is open is shown.
    unwatch ??= snapshotItem.watch((next) => {
      if (next && next.userId === snapshot.value?.userId && next.savedAt > snapshot.value.savedAt) snapshot.value = next
    })
    await refresh()
  }

  /**
   * Reads the cached snapshot, the chosen organization and its details once. The popup's entry point calls it
   * before mounting, beside the language, so the very first paint already shows the cached rows; `start`
   * then finds it done.
   */
  function readCache(): Promise<Snapshot | null> {
    cacheRead ??= (async () => {
      openedAt.value = Date.now()
      const [cached, chosen, cachedDetails] = await Promise.all([snapshotItem.getValue(), selectedOrgItem.getValue(), orgDetailsItem.getValue()])
      selectedId.value = chosen
      if (cached) {
        snapshot.value = cached
        details.value = cachedDetails
        phase.value = 'ready'
      }
      return cached
    })()
    return cacheRead
  }

  /** Shows why nothing can be read, and forgets the cached data (it may be another user's). */
  function leave(reason: 'not-connected' | 'signed-out') {
    phase.value = reason
    snapshot.value = null
    details.value = {}
  }

  /** Fetches a fresh snapshot (and the chosen organization's details) and caches it; on failure the old data stays, marked stale. */
  async function refresh() {
    const current = requireApi()
    refreshing.value = true
    refreshError.value = null
    try {
      const next = await fetchSnapshot(current)
      snapshot.value = next
      await snapshotItem.setValue(next)
      await loadDetails()
    } catch (thrown) {
      const error = toRolecallError(thrown)
      if (error.code === 'RC101') leave('signed-out')
      else refreshError.value = error
    } finally {
      refreshing.value = false
    }
  }

  /** Reads the chosen organization's details; a failure keeps the cached ones. */
  async function loadDetails() {
    const org = selected.value
    const userId = snapshot.value?.userId
    if (!org || !userId || !api.value) return
    try {
      const fetched = await fetchOrgDetails(api.value, userId, org, permissions.value, sources)
      details.value = { ...details.value, [org.organization_id]: fetched }
      await orgDetailsItem.setValue(details.value)
    } catch {
      // NOTE: the snapshot's freshness is what the popup reports; details are an addition to it.
    }
  }

  /** Chooses an organization (remembered for the next popup and the side panel). */
  async function remember(id: string) {
    selectedId.value = id
    await selectedOrgItem.setValue(id)
  }

  /** Chooses an organization and reads its details. */
  async function select(id: string) {
    await remember(id)
    if (api.value && !refreshing.value) await loadDetails()
  }

  /** Accepts or declines an invitation by id (RC410: the address was confirmed too late; the email's link works). */
  async function answer(invitation: Invitation, action: 'accept' | 'decline') {
    const id = invitation.id ?? ''
    const invitationsApi = requireApi().invitations
    if (action === 'accept') await invitationsApi.acceptById(id)
    else await invitationsApi.declineById(id)
    // The organization joined is shown next (its details load with the refresh, once it is in the snapshot).
    if (action === 'accept' && invitation.organization_id) await remember(invitation.organization_id)
    // NOTE: the background recounts the badge; when it is not listening (being restarted) the next alarm does it.
    requestRefresh()
    await refresh()
  }

  /** What would give the user `key` in the chosen organization, and who could. */
  function whyNot(key: string) {
    if (!selected.value) throw new Error('no organization chosen')
    return requireApi().organizations.whoCanGrant(selected.value.organization_id, key)
  }

  /** Stops following the background's snapshots (the popup closes). */
  function stop() {
    unwatch?.()
    unwatch = null
  }

  return {
    phase, snapshot, openedAt, stale, refreshing, refreshError, selectedId, organizations, selected, permissions, checkboxes,
    details, selectedDetails, isAdmin, invitations, readCache, start, refresh, select, answer, whyNot, stop,
  }
})
