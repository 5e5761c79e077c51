import type { Json } from '../../stores/api/index.ts'
import type { Locale } from '../i18n.ts'

/** The product's labels of a permission, checkbox or section. */
export interface Labels {
  label_en: string
  label_uk: string
}

/** The product's label in `locale`. */
export function labelIn(locale: Locale, item: Labels): string {
  return locale === 'uk' ? item.label_uk : item.label_en
}

/**
 * One reason why a member holds (or lacks) a permission: an entry of `sources` in my_permissions,
 * member_permissions and explain_permission (rolecall_private.permission_sources, whose header lists them).
 * `role_name` on policy entries is not sent by the server: {@link asPermissionSources} adds the member's role.
 */
export type PermissionSource =
  /** The role holds every permission. */
  | { type: 'all_permissions'; role_id: string; role_name: string }
  /** A policy of the member's role grants the key. */
  | { type: 'policy'; policy_id: string; policy_name: string; role_name?: string }
  /** A policy of the role restricts the key (or a page it requires, `permission_key`): only a tick gives it. */
  | { type: 'restriction'; policy_id: string; policy_name: string; permission_key: string; role_name?: string }
  /** The member's own checkbox: ticked, or unticked (a deny of this key or of a page it requires). */
  | { type: 'grant' | 'deny'; permission_key: string }
  /** An action the member holds requires it. */
  | ({ type: 'implied'; by: string } & Labels)
  /** An always-on checkbox of the organization: every active member holds it. */
  | ({ type: 'always_on'; checkbox: string } & Labels)
  /** Why nothing is granted right now. */
  | { type: 'deactivated' | 'ip_not_allowed' }

/** Whom the words address: the signed-in user ("your role") or another member ("the role"). */
export type SourcePerspective = 'self' | 'member'

/** vue-i18n's `t`, as far as these words need it. */
export type Translate = (key: string, named: Record<string, unknown>) => string

/** The `sources` of a permission row as typed entries; policy entries get the member's role name when known. */
export function asPermissionSources(sources: Json, roleName?: string): PermissionSource[] {
  const list = (Array.isArray(sources) ? sources : []) as unknown as PermissionSource[]
  return roleName === undefined
    ? list
    : list.map((source) => (source.type === 'policy' || source.type === 'restriction' ? { ...source, role_name: roleName } : source))
}

/**
 * One source in plain product words ("from your role Accountant", "ticked by an admin", "implied by
 * Manage bank accounts"), labels in `locale`; messages in permission-source-messages.ts.
 */
export function describeSource(source: PermissionSource, t: Translate, locale: Locale, perspective: SourcePerspective): string {
  switch (source.type) {
    case 'all_permissions':
      return t(`permissionSource.${perspective}.all_permissions`, { role: source.role_name })
    case 'deactivated':
    case 'ip_not_allowed':
      return t(`permissionSource.${perspective}.${source.type}`, {})
    case 'policy':
      return source.role_name
        ? t('permissionSource.policyOfRole', { policy: source.policy_name, role: source.role_name })
        : t('permissionSource.policy', { policy: source.policy_name })
    case 'restriction':
      return t('permissionSource.restriction', { policy: source.policy_name })
    case 'implied':
      return t('permissionSource.implied', { label: labelIn(locale, source) })
    case 'grant':
    case 'deny':
    case 'always_on':
      return t(`permissionSource.${source.type}`, {})
    default:
      // NOTE: a source type newer than this client: its name rather than nothing.
      return (source as { type: string }).type
  }
}
