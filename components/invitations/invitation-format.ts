import type { PermissionItem, PermissionSection } from '../shared/permission-tree.ts'
import type { Invitation, MemberCheckbox, PermissionSection as CatalogSection, Role } from '../../stores/api/index.ts'

/** The statuses `invitation_list` shows (expired ones are marked by the view). */
export type InvitationStatus = NonNullable<Invitation['status']>

const units: [Intl.RelativeTimeFormatUnit, number][] = [['day', 86_400_000], ['hour', 3_600_000], ['minute', 60_000]]

/**
 * `target` relative to `now` in `locale` ("in 72 hours", «через 3 дні», "2 days ago"). Hours up to four
 * days, because invitations live 72 hours and "in 3 days" hides how close the end is.
 */
export function relativeTime(target: string | Date, now: Date, locale: string): string {
  const diff = new Date(target).getTime() - now.getTime()
  const [unit, size] = units.find(([name, ms]) => Math.abs(diff) >= (name === 'day' ? 4 * ms : ms)) ?? ['minute', 60_000]
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(Math.round(diff / size), unit)
}

/** What the caller may do with an invitation: a new link while it can still be used, revoking while pending. */
export function invitationActions(status: Invitation['status']) {
  return { resend: status === 'pending' || status === 'expired', revoke: status === 'pending' }
}

// NOTE: the server decides (RC408); this only spares a round trip for an obvious typo.
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** Whether `value` looks like an email address. */
export function isEmail(value: string): boolean {
  return emailPattern.test(value.trim())
}

/** The allowlist textarea's entries: one per line (commas too), blanks dropped. */
export function parseList(text: string): string[] {
  return text.split(/[\n,]/).map((entry) => entry.trim()).filter(Boolean)
}

/** The role preselected in the dialog: the one flagged default, else the lowest ranked. */
export function defaultRole(roles: readonly Role[]): Role | undefined {
  return roles.find((role) => role.is_default) ?? roles.at(-1)
}

/**
 * The product checkboxes an invitation to `role` can carry, as tree items: none for an all-permissions
 * role or one without per-member overrides; role boxes (Jusnote «Адміністратор») are left to the role
 * drop-down, always-on boxes are shown locked.
 */
export function inviteTree(role: Role | undefined, boxes: readonly MemberCheckbox[], sections: readonly CatalogSection[], locale: string) {
  const uk = locale === 'uk'
  const offered = role && !role.all_permissions && role.member_overrides ? boxes.filter((box) => !box.role_id) : []
  const items: PermissionItem[] = offered.map((box) => ({
    key: box.key, label: uk ? box.label_uk : box.label_en, section: box.section, locked: box.always_on,
  }))
  const used = new Set(items.map((item) => item.section))
  const treeSections: PermissionSection[] = sections.filter((section) => used.has(section.key))
    .map((section) => ({ key: section.key, label: uk ? section.label_uk : section.label_en }))
  return { items, sections: treeSections }
}
