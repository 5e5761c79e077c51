import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { Member, MemberCheckbox, MemberSortColumn, ResourceGrant, ResourceOption, ResourceSource } from './api/index.ts'
import { useOrganizationStore } from './organization.ts'
import { useRequestState } from './request-state.ts'
import { useSessionStore } from './session.ts'

/** The members list (server-side search, sort, paging) and team changes with optimistic updates. */
export const useMembersStore = defineStore('members', () => {
  const session = useSessionStore()
  const organization = useOrganizationStore()
  /** The rows of the current page. */
  const rows = shallowRef<Member[]>([])
  /** How many members match the search in all pages. */
  const total = ref(0)
  /** The zero-based page shown. */
  const page = ref(0)
  /** Rows per page. */
  const pageSize = ref(50)
  /** The search text (email or name, contains, any case). */
  const search = ref('')
  /** The sort column and direction. */
  const sort = ref<{ column: MemberSortColumn; ascending: boolean }>({ column: 'display_name', ascending: true })
  /** Grouped by role, the highest rank first (Paycove's Team: Admin, Managers, then users); `sort` orders each group. */
  const byRole = ref(false)
  /** The product's checkboxes per member user id, as last read. */
  const checkboxes = shallowRef<Record<string, MemberCheckbox[]>>({})
  /** Resources granted one by one, per member id, as last read or optimistically set. */
  const resourceGrants = shallowRef<Record<string, ResourceGrant[]>>({})
  /** Loading / the last refusal. */
  const { loading, error, track } = useRequestState()

  const api = () => session.requireApi().members

  /** Reads the current page with the current search and sort. */
  function load() {
    return track(async () => {
      const result = await api().list({
        org: organization.requireId(), search: search.value, sort: sort.value, page: page.value, pageSize: pageSize.value, byRole: byRole.value,
      })
      rows.value = result.rows
      total.value = result.total
    })
  }

  /** Searches from the first page. */
  function setSearch(text: string) {
    search.value = text
    page.value = 0
    return load()
  }

  /** Sorts by a column from the first page. */
  function setSort(column: MemberSortColumn, ascending = true) {
    sort.value = { column, ascending }
    page.value = 0
    return load()
  }

  /** Shows another page. */
  function setPage(next: number) {
    page.value = next
    return load()
  }

  /**
   * Applies `patch` to a row at once, runs `change`, then keeps the server's row; on refusal the row
   * goes back to what it was and the RolecallError is thrown.
   */
  function optimistic(memberId: string, patch: Partial<Member>, change: () => Promise<Partial<Member>>) {
    const before = rows.value
    rows.value = before.map((r) => (r.id === memberId ? { ...r, ...patch } : r))
    return track(async () => {
      try {
        const saved = await change()
        rows.value = rows.value.map((r) => (r.id === memberId ? { ...r, ...saved } : r))
      } catch (refusal) {
        rows.value = before
        throw refusal
      }
    })
  }

  /**
   * Moves a member to another role (shown at once, rolled back on refusal); grouped by role, the page is
   * then read again, as the member moved to another group.
   */
  async function changeRole(memberId: string, roleId: string) {
    await optimistic(memberId, { role_id: roleId }, () => api().changeRole(memberId, roleId))
    if (byRole.value) await load()
  }

  /** Deactivates a member (shown at once, rolled back on refusal). */
  function deactivate(memberId: string) {
    return optimistic(memberId, { status: 'deactivated' }, () => api().deactivate(memberId))
  }

  /** Reactivates a member (shown at once, rolled back on refusal). */
  function reactivate(memberId: string) {
    return optimistic(memberId, { status: 'active' }, () => api().reactivate(memberId))
  }

  /** Reads a member's checkboxes (default: the caller's). */
  function loadCheckboxes(userId: string) {
    return track(async () => {
      checkboxes.value = { ...checkboxes.value, [userId]: await api().checkboxes(organization.requireId(), userId) }
    })
  }

  /**
   * Sets a member's direct grants and denies: the boxes show the change at once, the server's state is
   * read back after, and a refusal restores them.
   */
  function setOverrides(member: { id: string; user_id: string }, grants: string[], denies: string[]) {
    const before = checkboxes.value
    const tick = (box: MemberCheckbox) => (grants.includes(box.key) ? { ...box, ticked: true } : denies.includes(box.key) ? { ...box, ticked: false } : box)
    checkboxes.value = { ...before, [member.user_id]: (before[member.user_id] ?? []).map(tick) }
    return track(async () => {
      try {
        await api().setOverrides(member.id, grants, denies)
        checkboxes.value = { ...checkboxes.value, [member.user_id]: await api().checkboxes(organization.requireId(), member.user_id) }
      } catch (refusal) {
        checkboxes.value = before
        throw refusal
      }
    })
  }

  /** Sets the addresses a member may work from. */
  function setIpAllowlist(memberId: string, allowlist: string[]) {
    return optimistic(memberId, { ip_allowlist: allowlist }, () => api().setIpAllowlist(memberId, allowlist))
  }

  /** Reads the resources granted to a member. */
  function loadResourceGrants(memberId: string) {
    return track(async () => {
      resourceGrants.value = { ...resourceGrants.value, [memberId]: await api().resourceGrants(memberId) }
    })
  }

  /** Replaces a member's grants of one type: shown at once, restored on refusal. */
  function setResourceGrants(memberId: string, type: string, ids: string[]) {
    const before = resourceGrants.value
    const others = (before[memberId] ?? []).filter((grant) => grant.resource_type !== type)
    resourceGrants.value = { ...before, [memberId]: [...others, ...ids.map((id) => ({ resource_type: type, resource_id: id }))] }
    return track(async () => {
      try {
        await api().setResourceGrants(memberId, type, ids)
        resourceGrants.value = { ...resourceGrants.value, [memberId]: await api().resourceGrants(memberId) }
      } catch (refusal) {
        resourceGrants.value = before
        throw refusal
      }
    })
  }

  /**
   * The organization's rows of a vendor resource table the caller may read. Not tracked: a table the
   * caller cannot read is no failure of the members list.
   */
  function listResources(source: ResourceSource): Promise<ResourceOption[]> {
    return session.requireApi().resources.list(source, organization.requireId())
  }

  /** What a single-admin promotion would change (for the confirmation). */
  function previewPromotion(memberId: string) {
    return track(async () => (await api().previewPromotion(memberId)).preview)
  }

  /** Promotes to Admin after the confirmation, then reloads the page (the old Admin changed too). */
  function promote(memberId: string) {
    return track(async () => {
      await api().promote(memberId)
      await load()
    })
  }

  /** Hands the primary seat to a member (password again, or a recent sign-in), then reloads. */
  function transferPrimary(memberId: string, password?: string) {
    return track(async () => {
      await api().transferPrimary(memberId, password)
      await load()
    })
  }

  /** Removes a member, then reloads the page. */
  function remove(memberId: string) {
    return track(async () => {
      await api().remove(memberId)
      await load()
    })
  }

  return {
    rows, total, page, pageSize, search, sort, byRole, checkboxes, resourceGrants, loading, error,
    load, setSearch, setSort, setPage, changeRole, deactivate, reactivate, loadCheckboxes, setOverrides, setIpAllowlist,
    loadResourceGrants, setResourceGrants, listResources,
    previewPromotion, promote, transferPrimary, remove,
  }
})
