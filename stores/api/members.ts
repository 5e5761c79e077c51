import type { Database } from './database.types.ts'
import { memberSearchColumns, searchFilter } from './filters.ts'
import { type ApiContext, invoke, pageRange, run, runPage } from './request.ts'

type Fns = Database['rolecall']['Functions']
/** A member row as the RPCs return it. */
export type Member = Database['rolecall']['Tables']['members']['Row']
/** A checkbox of the product for one member (`member_checkboxes`). */
export type MemberCheckbox = Fns['member_checkboxes']['Returns'][number]
/** The columns the members list sorts by on the server. */
export type MemberSortColumn = 'display_name' | 'email' | 'created_at' | 'status'

/** One page of the members list: server-side search, sort and paging. */
export interface MemberQuery {
  org: string
  /** Contains, any case, in the email or the display name. */
  search?: string
  sort?: { column: MemberSortColumn; ascending: boolean }
  /** Zero-based. */
  page: number
  pageSize: number
  /** Grouped by role: the highest-ranked role's members first (Paycove: Admin, Managers, then users). */
  byRole?: boolean
}


/** Team reads and changes: each change returns the member row as the server left it. */
export function membersApi({ db, functions }: ApiContext) {
  const list = (query: MemberQuery) => {
    const sort = query.sort ?? { column: 'display_name', ascending: true }
    // NOTE: roles are read once by the roles store and joined by role_id in the browser: the local stack
    // serves no embeds, and a page stays one request either way. Grouped by role, the rows come from the
    // member_list view (members plus their role's rank), so the server sorts by rank before cutting the
    // page; its rows are members rows (a view's columns are only typed nullable).
    let request = db.from((query.byRole ? 'member_list' : 'members') as 'members').select('*', { count: 'exact' }).eq('organization_id', query.org)
    // NOTE: the role's id after its rank, so two roles of equal rank still form one group each.
    if (query.byRole) request = request.order('role_rank', { ascending: false }).order('role_id')
    const search = query.search?.trim()
    if (search) request = request.or(searchFilter(memberSearchColumns, search))
    // NOTE: the id breaks ties, so pages neither repeat nor skip members with equal names.
    return runPage(request.order(sort.column, { ascending: sort.ascending }).order('id').range(...pageRange(query.page, query.pageSize)))
  }
  return {
    /** One page of members and the total count of the match. */
    list,
    /** The product's checkboxes for a member (default: the caller) with their state. */
    checkboxes: (org: string, user?: string) => run(db.rpc('member_checkboxes', { p_org: org, ...(user ? { p_user: user } : {}) })),
    /** Why a member holds (or lacks) a permission or checkbox key. */
    explain: (org: string, user: string, key: string) => run(db.rpc('explain_permission', { p_org: org, p_user: user, p_key: key })),
    /** Moves a member to another role. */
    changeRole: (member: string, role: string) => run(db.rpc('change_member_role', { p_member: member, p_role: role })),
    /** Sets a member's direct grants and denies (checkbox keys and/or catalog keys). */
    setOverrides: (member: string, grants: string[], denies: string[]) =>
      run(db.rpc('set_member_overrides', { p_member: member, p_grants: grants, p_denies: denies })),
    /** Sets the addresses a member may work from (empty: anywhere). */
    setIpAllowlist: (member: string, allowlist: string[]) => run(db.rpc('set_ip_allowlist', { p_member: member, p_allowlist: allowlist })),
    /** The resources (projects, budgets, cards) granted to a member one by one. */
    resourceGrants: (member: string) => run(db.from('resource_grants').select('resource_type, resource_id').eq('member_id', member)),
    /** Sets which resources of a type (projects, budgets, cards) a member may reach. */
    setResourceGrants: (member: string, type: string, ids: string[]) =>
      run(db.rpc('set_resource_grants', { p_member: member, p_resource_type: type, p_resource_ids: ids })),
    /** Deactivates a member: access stops at once. */
    deactivate: (member: string) => run(db.rpc('deactivate_member', { p_member: member })),
    /** Gives a deactivated member access again. */
    reactivate: (member: string) => run(db.rpc('reactivate_member', { p_member: member })),
    /** What a single-admin promotion would change, for the confirmation. */
    previewPromotion: (member: string) => invoke<{ preview: Fns['preview_promote_to_admin']['Returns'] }>(functions, 'promote-admin', { body: { member_id: member } }),
    /** Promotes to Admin in single-admin mode; the old Admin steps down; admins are emailed. */
    promote: (member: string) => invoke<{ member: Member }>(functions, 'promote-admin', { body: { member_id: member, confirm: true } }),
    /** Hands the primary seat to a member; needs the password again or a sign-in within 5 minutes. */
    transferPrimary: (member: string, password?: string) =>
      invoke<{ member: Member }>(functions, 'transfer-admin', { body: { member_id: member, ...(password ? { password } : {}) } }),
    /** Removes a member; returns the row as it was. */
    remove: (member: string) => invoke<{ member: Member }>(functions, 'remove-member', { body: { member_id: member } }),
  }
}
