import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { Member, MyOrganization, MyPermission, Organization, OrganizationSettings } from './api/index.ts'
import { useRequestState } from './request-state.ts'
import { useSessionStore } from './session.ts'

/** The caller's organizations, the chosen one, its settings and what the caller may do there. */
export const useOrganizationStore = defineStore('organization', () => {
  const session = useSessionStore()
  /** Every organization where the caller has a member row. */
  const organizations = shallowRef<MyOrganization[]>([])
  /** The chosen organization's id. */
  const currentId = ref<string | null>(null)
  /** The chosen organization as `my_organizations` lists it (role, primary, blocked). */
  const current = computed(() => organizations.value.find((o) => o.organization_id === currentId.value) ?? null)
  /** The chosen organization's row (its settings). */
  const settings = shallowRef<Organization | null>(null)
  /** The caller's permissions there, with their sources. */
  const permissions = shallowRef<MyPermission[]>([])
  /** Keys the caller holds there. */
  const granted = computed(() => new Set(permissions.value.filter((p) => p.granted).map((p) => p.key)))
  /** The caller's own member row there, read when a screen needs it (`loadMyMember`). */
  const myMember = shallowRef<Member | null>(null)
  /** Loading / the last refusal. */
  const { loading, error, track } = useRequestState()

  /** Whether the caller holds `key` in the chosen organization (the server still decides). */
  function can(key: string): boolean {
    return granted.value.has(key)
  }

  /** The chosen organization's id, or an error when none is chosen (a wiring bug). */
  function requireId(): string {
    if (!currentId.value) throw new Error('no organization chosen')
    return currentId.value
  }

  /**
   * Lists the caller's organizations and chooses `preferred`, else the one already chosen, else the first
   * where the caller is not blocked (deactivated, outside the IP allowlist), else the first.
   */
  function load(preferred?: string) {
    return track(async () => {
      organizations.value = await session.requireApi().organizations.mine()
      const open = organizations.value.find((o) => !o.blocked) ?? organizations.value[0]
      // NOTE: a preference counts only where the user is a member: a host's attribute or the extension's last
      // choice may name an organization of another user, which would show an empty, refused panel.
      const mine = (id: string | null | undefined) => (id && organizations.value.some((o) => o.organization_id === id) ? id : null)
      const id = mine(preferred) ?? mine(currentId.value) ?? open?.organization_id ?? null
      if (id) await choose(id)
    })
  }

  /** Chooses an organization and reads its settings and the caller's permissions there. */
  function choose(id: string) {
    return track(async () => {
      const api = session.requireApi().organizations
      currentId.value = id
      myMember.value = null
      const [row, mine] = await Promise.all([api.get(id), api.myPermissions(id)])
      settings.value = row
      permissions.value = mine
    })
  }

  /** Changes name, language, invitation lifetime or admin notifications. */
  function updateSettings(changes: OrganizationSettings) {
    return track(async () => {
      settings.value = await session.requireApi().organizations.update(requireId(), changes)
    })
  }

  /** Single-admin or several admins (only the primary). */
  function setAdminMode(mode: Organization['admin_mode']) {
    return track(async () => {
      settings.value = await session.requireApi().organizations.setAdminMode(requireId(), mode)
    })
  }

  /** Unique member emails on or off. */
  function setUniqueMemberEmails(on: boolean) {
    return track(async () => {
      settings.value = await session.requireApi().organizations.setUniqueMemberEmails(requireId(), on)
    })
  }

  /** Reads the caller's own member row (their notification emails). */
  function loadMyMember() {
    return track(async () => {
      const userId = session.user?.id
      if (!userId) throw new Error('not signed in')
      myMember.value = await session.requireApi().organizations.myMember(requireId(), userId)
    })
  }

  /** The caller's own notification emails on or off. */
  function setMyNotifications(enabled: boolean) {
    return track(async () => {
      myMember.value = await session.requireApi().organizations.setMyNotifications(requireId(), enabled)
      return myMember.value
    })
  }

  /** What closing the organization would do, for the confirmation. */
  function previewClose() {
    return track(() => session.requireApi().organizations.previewClose(requireId()))
  }

  /** Closes the organization (its name typed back), then reloads the list. */
  function close(confirmName: string) {
    return track(async () => {
      settings.value = await session.requireApi().organizations.close(requireId(), confirmName)
      organizations.value = await session.requireApi().organizations.mine()
    })
  }

  /** Forgets the organizations and the choice (after a sign-out, before someone else signs in). */
  function reset() {
    organizations.value = []
    currentId.value = null
    settings.value = null
    permissions.value = []
    myMember.value = null
    error.value = null
  }

  return {
    organizations, currentId, current, settings, permissions, granted, myMember, loading, error,
    can, requireId, load, choose, reset, updateSettings, setAdminMode, setUniqueMemberEmails, loadMyMember, setMyNotifications, previewClose, close,
  }
})
