import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { AuditEvent, AuditReferences, Json } from './api/index.ts'
import { useOrganizationStore } from './organization.ts'
import { useRequestState } from './request-state.ts'
import { useSessionStore } from './session.ts'

/** The columns of audited rows that point at another row (or a catalog key) instead of naming it, and at what. */
export const references = { member_id: 'members', role_id: 'roles', policy_id: 'policies', permission_key: 'permissions' } as const

/** The columns of audited rows that hold an auth user id: a person (the member, who created or granted it), named like the actors. */
export const userColumns = ['user_id', 'created_by', 'granted_by', 'invited_by', 'accepted_by'] as const

/** The auth user ids a page mentions: its actors and the people its rows point at. */
export function userIds(events: readonly Pick<AuditEvent, 'actor_id' | 'before' | 'after'>[]): string[] {
  const ids = events.flatMap((event) => [event.actor_id, ...rowsOf(event).flatMap((row) => userColumns.map((column) => row[column]))])
  return [...new Set(ids.filter((id): id is string => typeof id === 'string'))]
}

/** The columns that carry the name of a row of each table, the first one set wins. */
const nameColumns: Record<string, string[]> = {
  organizations: ['name'], members: ['display_name', 'email'], roles: ['name'], policies: ['name'], invitations: ['email'],
}

/** The name a row of an audited table carries itself (a member's name or email, a role's name, ...), or null. */
export function nameOf(table: string, row: Record<string, Json | undefined>): string | null {
  const value = (nameColumns[table] ?? []).map((column) => row[column]).find((name) => typeof name === 'string' && name !== '')
  return typeof value === 'string' ? value : null
}

/** A row as an event carries it (`before` / `after`), or null. */
export function eventRow(value: Json | null): Record<string, Json | undefined> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : null
}

/** The rows of an event: after, then before (a deletion has only that). */
export const rowsOf = (event: Pick<AuditEvent, 'before' | 'after'>) => [eventRow(event.after), eventRow(event.before)].filter((row) => row !== null)

/** id → name of every organization, member, role, policy and invitation whose row the events carry (before or after). */
export function carriedNames(events: readonly Pick<AuditEvent, 'subject_type' | 'before' | 'after'>[]): Record<string, string> {
  const names: Record<string, string> = {}
  for (const event of events) {
    for (const row of rowsOf(event)) {
      const name = nameOf(event.subject_type, row)
      if (name && typeof row.id === 'string') names[row.id] ??= name
    }
  }
  return names
}

/** The members, roles, policies and permission keys the events' rows point at whose names `known` lacks: to read in one go. */
export function referencedIds(events: readonly Pick<AuditEvent, 'before' | 'after'>[], known: Record<string, string>): AuditReferences {
  const wanted: AuditReferences = { members: [], roles: [], policies: [], permissions: [] }
  for (const row of events.flatMap(rowsOf)) {
    for (const [column, kind] of Object.entries(references) as [keyof typeof references, keyof AuditReferences][]) {
      const id = row[column]
      if (typeof id === 'string' && !(id in known) && !wanted[kind].includes(id)) wanted[kind].push(id)
    }
  }
  return wanted
}

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
  /** Who the page's actors (and the people its rows point at) are: auth user id → the member's name and email. */
  const actors = shallowRef<Record<string, { display_name: string; email: string }>>({})
  /** The names of the people, members, roles, policies, organizations and invitations the page refers to, by id. */
  const names = shallowRef<Record<string, string>>({})
  /** The catalog's labels of the permission keys the page refers to. */
  const permissionLabels = shallowRef<Record<string, { label_en: string; label_uk: string }>>({})
  /** Loading / the last refusal. */
  const { loading, error, track } = useRequestState()

  /** Reads the current page (RLS returns nothing without `audit.view`). */
  function load() {
    return track(async () => {
      const result = await session.requireApi().audit.list({
        org: organization.requireId(), page: page.value, pageSize: pageSize.value, ...(action.value ? { action: action.value } : {}),
      })
      const api = session.requireApi().audit
      const ids = userIds(result.rows)
      // NOTE: names the events carry themselves (a member's row, a role's) need no read; the rest is one read per kind.
      const carried = carriedNames(result.rows)
      const [people, found] = await Promise.all([
        ids.length ? api.actors(organization.requireId(), ids) : [],
        api.names(organization.requireId(), referencedIds(result.rows, carried)),
      ])
      actors.value = Object.fromEntries(people.map((person) => [person.user_id, person]))
      names.value = Object.fromEntries([
        ...people.map((person) => [person.user_id, person.display_name || person.email]),
        ...found.members.map((member) => [member.id, member.display_name || member.email]),
        ...[...found.roles, ...found.policies].map((row) => [row.id, row.name]),
        ...Object.entries(carried),
      ])
      permissionLabels.value = Object.fromEntries(found.permissions.map((permission) => [permission.key, permission]))
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

  return { events, total, page, pageSize, action, actors, names, permissionLabels, loading, error, load, setPage, setAction }
})
