import type { MemberCheckbox, MyPermission, PermissionSection } from '../../stores/api/index.ts'
import type { Locale } from '../i18n.ts'
import { asPermissionSources, labelIn, type PermissionSource } from '../shared/permission-sources.ts'

/** One line of the popup's permission list: a product checkbox or a catalog permission. */
export interface PermissionRow {
  /** The checkbox key or the permission key. */
  key: string
  /** In the user's language (a Jusnote checkbox: the sidebar tab it opens). */
  label: string
  /** Held, partly held (some of a checkbox's keys), or not. */
  state: 'granted' | 'partial' | 'denied'
  /** Why, without the organization-wide blocks (the popup states those once, above the list). */
  sources: PermissionSource[]
  /** A checkbox that stands for a role (Jusnote «Адміністратор»): it comes with that role, not a tick. */
  roleBox: boolean
  /** The permission to ask "Why not?" about; null when held or when no single key applies (a role box). */
  whyKey: string | null
  /** What the search matches: both labels and every key, lower case. */
  haystack: string
}

/** A heading and its rows. */
export interface PermissionGroup {
  key: string
  label: string
  rows: PermissionRow[]
}

// NOTE: said once for the whole organization (B1's notice); repeated on every row they would drown the reasons.
const blocks = new Set(['deactivated', 'ip_not_allowed'])

const sourcesOf = (permission: MyPermission, roleName: string) => asPermissionSources(permission.sources, roleName).filter((s) => !blocks.has(s.type))

/** Sources of several keys, each once. */
function union(lists: PermissionSource[][]): PermissionSource[] {
  const seen = new Map(lists.flat().map((source) => [JSON.stringify(source), source]))
  return [...seen.values()]
}

/** What the rows are built for: the user's language and role (policy reasons name it). */
export interface RowContext {
  locale: Locale
  roleName: string
}

/**
 * The product's checkboxes for the user (JustPaid's six, Jusnote's permission types), with the reasons of
 * the keys each stands for. `rename` gives a product's own name for a box (Jusnote: the tab it opens).
 */
export function checkboxRows(
  boxes: readonly MemberCheckbox[], permissions: readonly MyPermission[], { locale, roleName }: RowContext,
  rename: (key: string) => string | undefined = () => undefined,
): PermissionRow[] {
  const byKey = new Map(permissions.map((p) => [p.key, p]))
  return boxes.map((box) => {
    const held = box.permission_keys.map((key) => byKey.get(key)).filter((p): p is MyPermission => p !== undefined)
    const state = box.state === 'on' || box.state === 'always_on' ? 'granted' : box.state === 'partial' ? 'partial' : 'denied'
    const roleBox = box.role_id !== null
    const label = rename(box.key) ?? labelIn(locale, box)
    return {
      key: box.key,
      label,
      state,
      sources: union(held.filter((p) => p.granted || state === 'denied').map((p) => sourcesOf(p, roleName))),
      roleBox,
      whyKey: state === 'granted' || roleBox ? null : (held.find((p) => !p.granted)?.key ?? null),
      haystack: [label, box.label_en, box.label_uk, box.key, ...box.permission_keys].join(' ').toLowerCase(),
    }
  })
}

/** Every permission of the organization's catalog, grouped by section in the catalog's order. */
export function catalogGroups(permissions: readonly MyPermission[], sections: readonly PermissionSection[], { locale, roleName }: RowContext): PermissionGroup[] {
  const groups = new Map<string, PermissionGroup>()
  for (const permission of permissions) {
    let group = groups.get(permission.section)
    if (!group) {
      const section = sections.find((s) => s.key === permission.section)
      group = { key: permission.section, label: section ? labelIn(locale, section) : permission.section, rows: [] }
      groups.set(permission.section, group)
    }
    group.rows.push({
      key: permission.key,
      label: labelIn(locale, permission),
      state: permission.granted ? 'granted' : 'denied',
      sources: sourcesOf(permission, roleName),
      roleBox: false,
      whyKey: permission.granted ? null : permission.key,
      haystack: [permission.label_en, permission.label_uk, permission.key].join(' ').toLowerCase(),
    })
  }
  return [...groups.values()]
}

/** The groups with only the rows matching `query` (any case, either language, or the key); empty groups dropped. */
export function filterGroups(groups: readonly PermissionGroup[], query: string): PermissionGroup[] {
  const words = query.trim().toLowerCase()
  if (!words) return [...groups]
  return groups.map((group) => ({ ...group, rows: group.rows.filter((row) => row.haystack.includes(words)) })).filter((group) => group.rows.length > 0)
}

/** What the user's role is made of: every permission (an all-permissions role) or its policies, by name. */
export function roleMakeup(permissions: readonly MyPermission[]): { allPermissions: boolean; policies: string[] } {
  const sources = permissions.flatMap((p) => asPermissionSources(p.sources))
  const policies = new Set(sources.flatMap((s) => (s.type === 'policy' ? [s.policy_name] : [])))
  return { allPermissions: sources.some((s) => s.type === 'all_permissions'), policies: [...policies].sort((a, b) => a.localeCompare(b)) }
}
