import type { Member, Role } from '../../stores/api/index.ts'

/**
 * How the members list looks, chosen by the organization's template: Paycove's Team (roles as grouped
 * headings, "+" / "−" to promote and demote, Delete), the payments platform's Users (an Actions menu per
 * row), or the plain list with buttons (every other product).
 */
export type MemberLayout = 'paycove' | 'payments' | 'plain'

/** The layout for an organization's template. */
export function layoutFor(template: string | undefined): MemberLayout {
  if (template === 'paycove') return 'paycove'
  if (template === 'payments_platform') return 'payments'
  return 'plain'
}

/** One line of the list: a role's heading (grouped layouts) or a member. */
export type MemberListItem =
  | { kind: 'heading'; key: string; roleId: string }
  | { kind: 'member'; key: string; member: Member }

/**
 * The page's rows with a heading before each run of one role. The server sorts a grouped page by role
 * rank, so every role forms one run, and a page that starts inside a group repeats its heading.
 */
export function withHeadings(rows: readonly Member[], grouped: boolean): MemberListItem[] {
  return rows.flatMap((member, index): MemberListItem[] => {
    const row: MemberListItem = { kind: 'member', key: member.id, member }
    if (!grouped || rows[index - 1]?.role_id === member.role_id) return [row]
    return [{ kind: 'heading', key: `heading-${member.role_id}-${index}`, roleId: member.role_id }, row]
  })
}

/** Paycove's "+" / "−": the role a member moves to and whether that is up or down. */
export interface RoleStep {
  role: Role
  direction: 'promote' | 'demote'
}

/**
 * The "+" of a member's row among the roles below the all-permissions one (Paycove: Manager and
 * Standard user): up to the next such role when there is one, otherwise (a Manager) down to the one
 * below, the "−" the "+" turns into. Null for the all-permissions role itself, whose change is a promotion (A9).
 */
export function roleStep(member: Pick<Member, 'role_id'>, roles: readonly Role[]): RoleStep | null {
  const ladder = roles.filter((role) => !role.all_permissions).sort((a, b) => a.rank - b.rank)
  const at = ladder.findIndex((role) => role.id === member.role_id)
  if (at < 0) return null
  const up = ladder[at + 1]
  if (up) return { role: up, direction: 'promote' }
  const down = ladder[at - 1]
  return down ? { role: down, direction: 'demote' } : null
}

// NOTE: one column template for the header and every row (each row is its own grid in the virtual list),
// with minmax(0, …) so a wide badge wraps inside its cell instead of widening that row's column.
/** The members grid's columns: name, email, role, status, actions. */
export const memberGrid = 'grid grid-cols-[minmax(0,2fr)_minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)_minmax(0,2fr)]'
