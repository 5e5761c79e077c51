import type { Permission, PermissionSection as CatalogSection, PolicyPermission, Role, RolePolicy } from '../../stores/api/index.ts'
import type { PermissionItem, PermissionSection } from '../shared/permission-tree.ts'

/** How a permission tree groups the catalog: its sections, the "by resource" tab or the "by page" tab (A8). */
export type CatalogGrouping = 'section' | 'resource' | 'page'

/** A permission tree's content: the groups and their items. */
export interface CatalogTree {
  sections: PermissionSection[]
  items: PermissionItem[]
}

/** The language a catalog row is labelled in. */
type Lang = 'en' | 'uk'
const label = (row: { label_en: string; label_uk: string }, lang: Lang) => (lang === 'uk' ? row.label_uk : row.label_en)

/** The group key of keys that have no resource or no page (team keys, templates). */
export const otherGroup = '_other'

/** A role whose permissions never change here: all-permissions (Admin, Owner) or fixed (Cardholder); RC109. */
export function isLockedRole(role: Pick<Role, 'all_permissions' | 'editable'>): boolean {
  return role.all_permissions || !role.editable
}

/** The ids of the policies `roleId` holds. */
export function policyIdsOf(roleId: string, rolePolicies: readonly RolePolicy[]): string[] {
  return rolePolicies.filter((link) => link.role_id === roleId).map((link) => link.policy_id)
}

/** The roles holding `policyId`, in the roles' order. */
export function rolesUsing(policyId: string, roles: readonly Role[], rolePolicies: readonly RolePolicy[]): Role[] {
  const ids = new Set(rolePolicies.filter((link) => link.policy_id === policyId).map((link) => link.role_id))
  return roles.filter((role) => ids.has(role.id))
}

/** The keys `policyIds` grant and restrict, each once, in the order first met. */
export function policyKeys(policyIds: readonly string[], policyPermissions: readonly PolicyPermission[]) {
  const ids = new Set(policyIds)
  const pick = (effect: PolicyPermission['effect']) =>
    [...new Set(policyPermissions.filter((row) => ids.has(row.policy_id) && row.effect === effect).map((row) => row.permission_key))]
  return { granted: pick('grant'), restricted: pick('deny') }
}

/** What a role's policies let its members do: every granted key no policy of the role restricts. */
export function roleKeys(policyIds: readonly string[], policyPermissions: readonly PolicyPermission[]): string[] {
  const { granted, restricted } = policyKeys(policyIds, policyPermissions)
  return granted.filter((key) => !restricted.includes(key))
}

/**
 * The organization's own catalog: the keys `my_permissions` lists for it (its template's sections and
 * every key its policies use), so a payments platform does not see JustPaid's bills. Empty: all of it.
 */
export function organizationCatalog(permissions: readonly Permission[], orgKeys: ReadonlySet<string>): Permission[] {
  return orgKeys.size ? permissions.filter((permission) => orgKeys.has(permission.key)) : [...permissions]
}

/** "payment_transactions" → "Payment transactions" (resources have no label of their own). */
function humanize(resource: string): string {
  const words = resource.replace(/_/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/**
 * Whether a permission lies outside the product's own catalog (its template's sections; none when the
 * product shows the whole catalog or its sections are not read yet): a key a policy kept from elsewhere.
 */
export function outsideProduct(permission: Pick<Permission, 'section'>, productSections: readonly string[] | null): boolean {
  return !!productSections?.length && !productSections.includes(permission.section)
}

/**
 * The catalog as a permission tree grouped by section, by resource or by page. A page group is named by
 * its page key's label ("Transactions page"); keys without a resource or page go to `otherLabel`.
 * `note` may add a word beside an item (the tree shows it as the item's source).
 */
export function catalogTree(
  catalog: readonly Permission[], sections: readonly CatalogSection[], by: CatalogGrouping, lang: Lang, otherLabel: string,
  note: (permission: Permission) => string | undefined = () => undefined,
): CatalogTree {
  const items = catalog.map((permission) => ({
    key: permission.key,
    label: label(permission, lang),
    section: (by === 'section' ? permission.section : permission[by]) ?? otherGroup,
    source: note(permission),
  }))
  const used = [...new Set(items.map((item) => item.section))]
  const byKey = new Map(catalog.map((permission) => [permission.key, permission]))
  const groupLabel = (key: string): string => {
    if (key === otherGroup) return otherLabel
    if (by === 'section') {
      const section = sections.find((row) => row.key === key)
      return section ? label(section, lang) : key
    }
    const page = by === 'page' ? byKey.get(key) : undefined
    return page ? label(page, lang) : humanize(key)
  }
  const order = by === 'section' ? sections.map((row) => row.key) : used
  const groups = [...order.filter((key) => used.includes(key)), ...used.filter((key) => !order.includes(key))]
  // NOTE: "other" last, whatever the catalog's order, so the product's own groups come first.
  const sorted = [...groups.filter((key) => key !== otherGroup), ...groups.filter((key) => key === otherGroup)]
  return { sections: sorted.map((key) => ({ key, label: groupLabel(key) })), items }
}
