import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { AuditEvent } from './api/index.ts'
import { useOrganizationStore } from './organization.ts'
import { useRequestState } from './request-state.ts'
import { useSessionStore } from './session.ts'

/** The audit trail of the chosen organization (visible with `audit.view`). */
export const useAuditStore = defineStore('audit', () => {
  const session = useSessionStore()
  const organization = useOrganizationStore()
  /** The events of the current page, newest first. */
  const events = shallowRef<AuditEvent[]>([])
  /** How many events match in all pages. */
  const total = ref(0)
  /** The zero-based page shown. */
  const page = ref(0)
  /** Events per page. */
  const pageSize = ref(50)
  /** Only this action, or every action when empty. */
  const action = ref('')
  /** Who the page's actors are: auth user id → the member's name and email. */
  const actors = shallowRef<Record<string, { display_name: string; email: string }>>({})
  /** Loading / the last refusal. */
  const { loading, error, track } = useRequestState()

  /** Reads the current page (RLS returns nothing without `audit.view`). */
  function load() {
    return track(async () => {
      const result = await session.requireApi().audit.list({
        org: organization.requireId(), page: page.value, pageSize: pageSize.value, ...(action.value ? { action: action.value } : {}),
      })
      const ids = [...new Set(result.rows.flatMap((event) => (event.actor_id ? [event.actor_id] : [])))]
      const people = ids.length ? await session.requireApi().audit.actors(organization.requireId(), ids) : []
      actors.value = Object.fromEntries(people.map((person) => [person.user_id, person]))
      events.value = result.rows
      total.value = result.total
    })
  }

  /** Shows another page. */
  function setPage(next: number) {
    page.value = next
    return load()
  }

  /** Filters by action from the first page. */
  function setAction(next: string) {
    action.value = next
    page.value = 0
    return load()
  }

  return { events, total, page, pageSize, action, actors, loading, error, load, setPage, setAction }
})
