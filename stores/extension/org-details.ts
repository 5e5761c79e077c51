import { storage } from 'wxt/utils/storage'
import type { MyOrganization, MyPermission, PermissionSection, ResourceSource, RolecallApi } from '../api/index.ts'

/** One resource type the user reaches (Jusnote projects, Profit budgets and cards). */
export interface ReachableResources {
  /** The registered type: `project`, `budget`, `card`. */
  type: string
  /** The user holds `<type>s.view_all`: every row of the type, so none is listed. */
  all: boolean
  /** The rows the vendor's RLS shows the user; `granted` when given one by one (a resource grant). */
  rows: { id: string; label: string; granted: boolean }[]
}

/** What the popup shows of one organization besides the snapshot; cached like it, so it paints at once too. */
export interface OrgDetails {
  savedAt: string
  /** Whose details they are (a cached entry of another user is never shown). */
  userId: string
  /** The catalog's sections, for the headings of the permission list. */
  sections: PermissionSection[]
  resources: ReachableResources[]
  /** The user's own IP allowlist there; null when it could not be read. */
  ipAllowlist: string[] | null
  /** Whether the user's role takes the product's checkboxes (Profit's Cardholder does not); null when unknown. */
  roleTakesCheckboxes: boolean | null
}

/** Organization id → its last {@link OrgDetails}. */
export const orgDetailsItem = storage.defineItem<Record<string, OrgDetails>>('local:rolecall.orgDetails', { fallback: {} })

/**
 * Reads an organization's details for the signed-in user: section labels, the resources they reach
 * (through the same client, so the vendor's RLS decides, as in the member card), their IP allowlist and
 * whether their role takes checkboxes.
 * A source the user cannot read, or a blocked membership, lists nothing rather than failing the rest.
 */
export async function fetchOrgDetails(
  api: RolecallApi, userId: string, org: MyOrganization, permissions: readonly MyPermission[], sources: readonly ResourceSource[],
): Promise<OrgDetails> {
  const holds = (key: string) => permissions.some((p) => p.key === key && p.granted)
  const [sections, roles, member, grants, lists] = await Promise.all([
    api.roles.sections(),
    api.roles.list(org.organization_id).catch(() => []),
    api.organizations.myMember(org.organization_id, userId).catch(() => null),
    api.members.resourceGrants(org.member_id).catch(() => []),
    // NOTE: `<type>s.view_all` is the catalog's convention (finance_catalog.sql); with it, listing every row is pointless.
    Promise.all(sources.map((source) => (holds(`${source.type}s.view_all`) ? null : api.resources.list(source, org.organization_id).catch(() => [])))),
  ])
  const resources = sources.map((source, i): ReachableResources => {
    const granted = new Set(grants.filter((g) => g.resource_type === source.type).map((g) => g.resource_id))
    const listed = lists[i]
    return { type: source.type, all: listed === null, rows: (listed ?? []).map((row) => ({ ...row, granted: granted.has(row.id) })) }
  }).filter((reach) => reach.all || reach.rows.length > 0)
  const role = roles.find((r) => r.id === org.role_id)
  return {
    savedAt: new Date().toISOString(), userId, sections, resources,
    ipAllowlist: member?.ip_allowlist ?? null,
    roleTakesCheckboxes: role ? role.member_overrides : null,
  }
}
