import type { Member, MyOrganization } from '../../stores/api/index.ts'

/** What `promote-admin` `{ preview }` answers (rolecall.preview_promote_to_admin). */
export interface PromotionPreview {
  new_admin: { display_name: string; email: string; role_before: { name: string }; role_after: { name: string }; overrides_dropped: number }
  old_admin: { display_name: string; email: string; role_before: { name: string }; role_after: { name: string } }
}

/** The A9 change the caller may make to a member: single-admin promotion, primary transfer, or none. */
export type AdminChange = 'promote' | 'transfer' | null

/**
 * Which A9 change the card offers: only the primary member (Paycove's Admin, Jusnote's subscriber admin)
 * hands over, to another active member; never in Profit, whose owners change through support (RC206).
 * The server decides too (RC105 / RC108); this only keeps the button from promising what it refuses.
 */
export function adminChangeFor(member: Pick<Member, 'id' | 'is_primary' | 'status'>, caller: Pick<MyOrganization, 'member_id' | 'is_primary' | 'admin_mode' | 'template'> | null): AdminChange {
  if (!caller?.is_primary || caller.template === 'profit') return null
  if (member.is_primary || member.id === caller.member_id || member.status !== 'active') return null
  return caller.admin_mode === 'single' ? 'promote' : 'transfer'
}
