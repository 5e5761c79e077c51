import type { Member, Role } from '../../stores/api/index.ts'

/** The row actions of the members list, each with the team permission the server checks for it. */
export const memberActions = {
  deactivate: 'members.deactivate',
  // NOTE: reactivate_member checks members.deactivate; `members.reactivate` is only its audit action's name.
  reactivate: 'members.deactivate',
  remove: 'members.remove',
} as const
/** One of {@link memberActions}. */
export type MemberAction = keyof typeof memberActions

/** What the gating needs to know about the caller. */
export interface Caller {
  /** The caller's own member id. */
  memberId: string | undefined
  /** The caller's role (rank, all permissions), when the roles are read. */
  role: Pick<Role, 'rank' | 'all_permissions'> | undefined
  /** The organization's template (`profit`: the owner is changed through support). */
  template: string | undefined
}

/**
 * Whether the caller's role may manage (or assign) a role of `other`: ranked below, or at the same rank
 * for an all-permissions role (Jusnote's equal admins). Mirrors rolecall_private.assert_can_assign.
 */
export function outranks(own: Caller['role'], other: Pick<Role, 'rank'> | undefined): boolean {
  if (!own || !other) return false
  return other.rank < own.rank || (own.all_permissions && other.rank <= own.rank)
}

/** The primary member's lock in the product's words: Profit's owner, the payments platform's first administrator. */
const primaryLocks: Record<string, string> = { profit: 'members.locked.owner', payments_platform: 'members.locked.firstAdmin' }

/**
 * Why the caller may not change `member` at all (an i18n key), or null: the primary member (RC105,
 * Profit: "contact support"), oneself (RC106), a member ranked too high (RC104). The server decides
 * too; this only keeps buttons from promising what it will refuse.
 */
export function lockReason(member: Pick<Member, 'id' | 'is_primary'>, memberRole: Pick<Role, 'rank'> | undefined, caller: Caller): string | null {
  if (member.is_primary) return primaryLocks[caller.template ?? ''] ?? 'members.locked.primary'
  if (member.id === caller.memberId) return 'members.locked.self'
  if (!outranks(caller.role, memberRole)) return 'members.locked.rank'
  return null
}

/** The roles the caller may give, highest first. */
export function assignableRoles(roles: readonly Role[], caller: Caller): Role[] {
  return roles.filter((role) => outranks(caller.role, role))
}

/** Deactivate an active member, reactivate a deactivated one. */
export function statusAction(member: Pick<Member, 'status'>): 'deactivate' | 'reactivate' {
  return member.status === 'deactivated' ? 'reactivate' : 'deactivate'
}

/** The actions a row offers for its status: deactivate or reactivate, and remove. */
export function actionsFor(member: Pick<Member, 'status'>): MemberAction[] {
  return [statusAction(member), 'remove']
}

/** An item of the payments platform's Actions menu. */
export type MenuAction = 'editRole' | 'deactivate' | 'reactivate'

/**
 * The Actions menu's items the caller may use: Edit Role (`members.change_role`; only the Administrator
 * changes roles there), then Deactivate User or Activate User by the member's status (`members.deactivate`).
 */
export function menuActionsFor(member: Pick<Member, 'status'>, can: (key: string) => boolean): MenuAction[] {
  const status = statusAction(member)
  return [
    ...(can('members.change_role') ? ['editRole' as const] : []),
    ...(can(memberActions[status]) ? [status] : []),
  ]
}
