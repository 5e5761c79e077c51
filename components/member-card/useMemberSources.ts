import { type MaybeRefOrGetter, shallowRef, toValue } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Member, MemberCheckbox, MemberPermission } from '../../stores/api/index.ts'
import { useOrganizationStore } from '../../stores/organization.ts'
import { useSessionStore } from '../../stores/session.ts'
import { toLocale } from '../i18n.ts'
import { asPermissionSources, describeSource } from '../shared/permission-sources.ts'

/**
 * Why a member's checkboxes are as they are, in the admin's words ("from the role Accountant", "ticked
 * by an admin"): the member's permissions with their sources, read in one request for the whole card
 * (`member_permissions`), never one per box.
 */
export function useMemberSources(member: MaybeRefOrGetter<Member>, roleName: MaybeRefOrGetter<string | undefined>) {
  const session = useSessionStore()
  const organization = useOrganizationStore()
  const { t, locale } = useI18n()
  /** The member's permissions with their sources, as last read; empty before the read or when it was refused. */
  const permissions = shallowRef<MemberPermission[]>([])
  let latest = 0

  /**
   * Reads them (again after the card changed the member's boxes or role). A refusal leaves them empty, so
   * the boxes show their state alone; the boxes' own read reports it.
   */
  async function load() {
    const request = ++latest
    const rows = await session.requireApi().organizations.memberPermissions(organization.requireId(), toValue(member).user_id).catch(() => [])
    // NOTE: only the newest read counts (a role change and a save can overlap).
    if (request === latest) permissions.value = rows
  }

  /** The reasons behind a box's keys, each said once. */
  function reasonsOf(box: Pick<MemberCheckbox, 'permission_keys'>): string[] {
    const words = permissions.value
      .filter((permission) => box.permission_keys.includes(permission.key))
      .flatMap((permission) => asPermissionSources(permission.sources, toValue(roleName)))
      .map((source) => describeSource(source, t, toLocale(locale.value), 'member'))
    return [...new Set(words)]
  }

  return { permissions, load, reasonsOf }
}
