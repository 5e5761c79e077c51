import { storage } from 'wxt/utils/storage'
import { type Invitation, type MemberCheckbox, type MyOrganization, type MyPermission, type RolecallApi, RolecallError } from '../api/index.ts'

/**
 * Everything the popup shows and the background compares, read in one go: the user's organizations,
 * their permissions and product checkboxes in each, and the invitations waiting for them.
 */
export interface Snapshot {
  /** ISO time of the fetch. */
  savedAt: string
  /** Whose snapshot it is: a cached one of another user is never shown. */
  userId: string
  email: string
  /** `api.organizations.mine()`. */
  organizations: MyOrganization[]
  /** Organization id → `api.organizations.myPermissions(org)`. */
  permissions: Record<string, MyPermission[]>
  /** Organization id → the caller's own `member_checkboxes(org)` rows (the product's boxes). */
  checkboxes: Record<string, MemberCheckbox[]>
  /** Pending invitations addressed to the user (`invitation_list`). */
  invitations: Invitation[]
}

/** The last snapshot (the popup paints it at once, the background compares the next one with it). */
export const snapshotItem = storage.defineItem<Snapshot | null>('local:rolecall.snapshot', { fallback: null })

/** The organization chosen in the popup; the side panel follows it. */
export const selectedOrgItem = storage.defineItem<string | null>('local:rolecall.selectedOrg', { fallback: null })

/** A label in both languages, so the reader picks the user's. */
export interface Labels {
  label_en: string
  label_uk: string
}

/** What an organization a change happened in is called. */
interface InOrganization {
  organizationId: string
  organizationName: string
}

/**
 * A permission gained or lost. When the keys that changed stand for one of the product's checkboxes, the
 * change is that checkbox (JustPaid "Bank Transactions", not its two catalog keys); `keys` lists them.
 */
export interface PermissionChange extends Labels {
  type: 'permission_gained' | 'permission_lost'
  /** The checkbox key, or the permission key when no checkbox stands for it. */
  key: string
  keys: string[]
}

/** One difference between two snapshots worth telling the user about. */
export type SnapshotChange =
  | (InOrganization & { type: 'organization_joined' | 'organization_left' })
  | (InOrganization & { type: 'role_changed'; from: string; to: string })
  | (InOrganization & { type: 'access_blocked'; reason: string })
  | (InOrganization & { type: 'access_restored' })
  | (InOrganization & PermissionChange)
  | (InOrganization & { type: 'invitation_received'; invitationId: string; roleName: string })

/**
 * Reads a fresh snapshot for the signed-in user: the organizations, then per organization the permissions
 * and the user's checkboxes (side by side), and the invitations. Throws a RolecallError (RC101 when nobody
 * is signed in; `network` when the server is unreachable).
 */
export async function fetchSnapshot(api: RolecallApi): Promise<Snapshot> {
  const { data } = await api.client.auth.getSession()
  const user = data.session?.user
  if (!user?.email) throw new RolecallError({ code: 'RC101', status: 401, message: 'Sign in first' })
  const [organizations, invitations] = await Promise.all([api.organizations.mine(), api.invitations.mine(user.email)])
  const perOrganization = await Promise.all(organizations.map(async ({ organization_id: id }) => {
    const [permissions, checkboxes] = await Promise.all([api.organizations.myPermissions(id), api.members.checkboxes(id)])
    return { id, permissions, checkboxes }
  }))
  return {
    savedAt: new Date().toISOString(),
    userId: user.id,
    email: user.email,
    organizations,
    permissions: Object.fromEntries(perOrganization.map((o) => [o.id, o.permissions])),
    checkboxes: Object.fromEntries(perOrganization.map((o) => [o.id, o.checkboxes])),
    invitations,
  }
}

/**
 * What changed from `before` to `after` (the same user): organizations joined or left, blocked or restored,
 * role changes, permissions gained or lost (grouped by the product's checkbox), new invitations.
 * NOTE: while an organization is blocked, or when it just became so, every permission reads as denied;
 * those are reported once as the block, not as a list of losses.
 */
export function snapshotChanges(before: Snapshot, after: Snapshot): SnapshotChange[] {
  if (before.userId !== after.userId) return []
  const changes: SnapshotChange[] = []
  const was = new Map(before.organizations.map((o) => [o.organization_id, o]))
  const now = new Map(after.organizations.map((o) => [o.organization_id, o]))
  for (const org of after.organizations) {
    const where = { organizationId: org.organization_id, organizationName: org.name }
    const old = was.get(org.organization_id)
    if (!old) {
      changes.push({ ...where, type: 'organization_joined' })
      continue
    }
    if (old.role_id !== org.role_id) changes.push({ ...where, type: 'role_changed', from: old.role_name, to: org.role_name })
    if (org.blocked && org.blocked !== old.blocked) changes.push({ ...where, type: 'access_blocked', reason: org.blocked })
    if (!org.blocked && old.blocked) changes.push({ ...where, type: 'access_restored' })
    if (!org.blocked && !old.blocked) {
      changes.push(...permissionChanges(before.permissions[org.organization_id] ?? [], after.permissions[org.organization_id] ?? [],
        after.checkboxes[org.organization_id] ?? []).map((change) => ({ ...where, ...change })))
    }
  }
  for (const org of before.organizations) {
    if (!now.has(org.organization_id)) changes.push({ organizationId: org.organization_id, organizationName: org.name, type: 'organization_left' })
  }
  const known = new Set(before.invitations.map((i) => i.id))
  for (const invitation of after.invitations) {
    if (!invitation.id || known.has(invitation.id)) continue
    changes.push({
      type: 'invitation_received',
      invitationId: invitation.id,
      organizationId: invitation.organization_id ?? '',
      organizationName: invitation.organization_name ?? '',
      roleName: invitation.role_name ?? '',
    })
  }
  return changes
}

/** Keys whose `granted` flipped, one change per checkbox they stand for, else one per key. */
function permissionChanges(before: MyPermission[], after: MyPermission[], boxes: MemberCheckbox[]): PermissionChange[] {
  const held = new Map(before.map((p) => [p.key, p.granted]))
  const grouped = new Map<string, PermissionChange>()
  for (const permission of after) {
    const previously = held.get(permission.key)
    // NOTE: a key new to the organization's catalog was not "lost" before; only real flips count.
    if (previously === undefined ? !permission.granted : previously === permission.granted) continue
    const type = permission.granted ? 'permission_gained' : 'permission_lost'
    const box = boxes.find((b) => permission.checkboxes.includes(b.key))
    const key = box?.key ?? permission.key
    const group = grouped.get(`${type}:${key}`)
    if (group) group.keys.push(permission.key)
    else grouped.set(`${type}:${key}`, { type, key, keys: [permission.key], label_en: (box ?? permission).label_en, label_uk: (box ?? permission).label_uk })
  }
  return [...grouped.values()]
}
