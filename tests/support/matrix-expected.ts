// The expected-privileges table of the authorization matrix: every table, view, sequence and function
// of the schemas rolecall, rolecall_private, rolecall_rpc, example and example_private, with the exact
// grants each API role holds, which rows each actor may read, and what an outsider / a deactivated
// member gets from each RPC.
// tests/db/authorization-matrix.test.ts compares it with pg_catalog both ways: an object without an
// entry, a grant that differs, or an entry whose object is gone fails the suite and names it.
// Adding an object? Add its line here, choosing the profile that says who may use it.

/** Outcome of a call: 'ok' (returned something), 'nothing' (no rows, false, nulls or empty arrays), or a SQLSTATE. */
export type Outcome = 'ok' | 'nothing' | (string & {})

/**
 * Which rows of a relation an actor may read: a predicate over `t` (the relation) and `ctx`:
 * ctx.me (the user id), ctx.v (organizations where it is an active member inside its IP allowlist),
 * ctx.m (its member ids, any status), ctx.email, ctx.p (permission key -> organizations where it holds
 * it now) and ctx.g (resource type -> 'org:id' of its grants); use holds() and granted() for the last two.
 * exact: the actor sees exactly these rows; otherwise only rows among them (never another organization's).
 */
export interface RowRule {
  sql: string
  exact: boolean
}

/** Grants by API role; functions list EXECUTE, relations ALL when every privilege is granted. */
export type Grants = Partial<Record<'PUBLIC' | 'anon' | 'authenticated' | 'service_role', string[]>>

export interface ExpectedObject {
  grants: Grants
  /** Tables and views readable by authenticated: the rows each signed-in actor sees. */
  rows?: RowRule
  /** Functions executable by authenticated: what an outsider gets from a call at the demo organization. */
  outsider?: Outcome
  /** Same for a deactivated member of the demo organization; defaults to the outsider's outcome. */
  deactivated?: Outcome
  /** Operator objects that are for service_role alone. */
  serviceOnly?: boolean
}

// Privilege profiles.
/** RLS-protected table: signed-in users read through policies; writes only via RPC; operators write. */
const readTable: Grants = { authenticated: ['SELECT'], service_role: ['ALL'] }
/** Example vendor table: signed-in users may try any write and RLS policies decide (no truncate). */
const vendorTable: Grants = { authenticated: ['DELETE', 'INSERT', 'SELECT', 'UPDATE'], service_role: ['ALL'] }
/** Not reachable by any API role at all. */
const none: Grants = {}
/** An RPC or read function of the API: signed-in users and operators. */
const api: Grants = { authenticated: ['EXECUTE'], service_role: ['EXECUTE'] }
/** Signed-in users only (about "me"; an operator has no "me"). */
const signedIn: Grants = { authenticated: ['EXECUTE'] }
/** service_role only: operator functions and the entry points of edge functions. */
const service: Grants = { service_role: ['EXECUTE'] }
/** A helper RLS policies call, so it runs as the querying role; not exposed (rolecall_private). */
const policyHelper: Grants = { authenticated: ['EXECUTE'], service_role: ['EXECUTE'] }
/** A rolecall_private helper only SECURITY DEFINER functions (and operators) call: no grant to signed-in users. */
const definerHelper: Grants = { service_role: ['EXECUTE'] }
/** An operator table in rolecall_private (settings, registries): service_role and the SQL editor only. */
const operatorTable: Grants = { service_role: ['ALL'] }

/** SQL: the row's organization is one where the actor holds `key` right now. */
export function holds(key: string, column = 't.organization_id'): string {
  return `${column}::text in (select jsonb_array_elements_text(ctx.p -> '${key}'))`
}
/** SQL: the actor has a live grant for this resource, in the row's organization. */
export function granted(type: string, idColumn = 't.id'): string {
  return `(t.organization_id::text || ':' || ${idColumn}::text) in (select jsonb_array_elements_text(ctx.g -> '${type}'))`
}
const exact = (sql: string): RowRule => ({ sql, exact: true })

const all: RowRule = { sql: 'true', exact: true }
const sameOrg: RowRule = { sql: 't.organization_id = any (ctx.v)', exact: true }
const ownOrEditors = exact(`t.member_id = any (ctx.m) or ${holds('members.edit_permissions')}`)
const invitersOrInvitee = exact(`${holds('members.invite')} or t.email = lower(ctx.email)`)

/** A private helper no API role may execute (SECURITY DEFINER functions call it as their owner). */
const internal: ExpectedObject = { grants: none }

export const expectedObjects: Record<string, ExpectedObject> = {
  // rolecall: tables and views
  'rolecall.organizations': { grants: readTable, rows: { sql: 't.id = any (ctx.v)', exact: true } },
  'rolecall.members': { grants: readTable, rows: { sql: 't.organization_id = any (ctx.v) or t.user_id = ctx.me', exact: true } },
  'rolecall.roles': { grants: readTable, rows: sameOrg },
  'rolecall.policies': { grants: readTable, rows: sameOrg },
  'rolecall.policy_permissions': { grants: readTable, rows: sameOrg },
  'rolecall.role_policies': { grants: readTable, rows: sameOrg },
  'rolecall.member_overrides': { grants: readTable, rows: ownOrEditors },
  'rolecall.resource_grants': { grants: readTable, rows: ownOrEditors },
  'rolecall.invitations': { grants: readTable, rows: invitersOrInvitee },
  'rolecall.invitation_list': { grants: { authenticated: ['SELECT'], service_role: ['SELECT'] }, rows: invitersOrInvitee },
  // security_invoker views joining roles: only the organizations where the reader is an active member
  'rolecall.member_list': { grants: { authenticated: ['SELECT'], service_role: ['SELECT'] }, rows: sameOrg },
  'rolecall.role_member_counts': { grants: { authenticated: ['SELECT'], service_role: ['SELECT'] }, rows: sameOrg },
  'rolecall.audit_events': { grants: { authenticated: ['SELECT'], service_role: ['INSERT', 'SELECT'] }, rows: exact(holds('audit.view')) },
  'rolecall.audit_events_id_seq': { grants: none },
  'rolecall.permission_sections': { grants: readTable, rows: all },
  'rolecall.permissions': { grants: readTable, rows: all },
  'rolecall.templates': { grants: readTable, rows: all },
  'rolecall.template_policies': { grants: readTable, rows: all },
  'rolecall.template_roles': { grants: readTable, rows: all },
  'rolecall.template_checkboxes': { grants: readTable, rows: all },
  'rolecall.permission_requires': { grants: readTable, rows: all },
  'rolecall.checkboxes': { grants: readTable, rows: sameOrg },
  'rolecall.checkbox_permissions': { grants: readTable, rows: sameOrg },
  'rolecall.members_permissions_report': { grants: { service_role: ['SELECT'] }, serviceOnly: true },

  // rolecall: functions of the API
  'rolecall.create_organization(text,text,text)': { grants: api, outsider: 'ok' },
  'rolecall.update_organization(uuid,text,text,interval,boolean)': { grants: api, outsider: 'RC102' },
  'rolecall.set_admin_mode(uuid,rolecall.admin_mode)': { grants: api, outsider: 'RC102' },
  'rolecall.set_unique_member_emails(uuid,boolean)': { grants: api, outsider: 'RC102' },
  'rolecall.set_my_notifications(uuid,boolean)': { grants: api, outsider: 'RC102' },
  'rolecall.preview_close_organization(uuid)': { grants: api, outsider: 'RC102' },
  'rolecall.close_organization(uuid,text)': { grants: api, outsider: 'RC102' },
  'rolecall.create_role(uuid,text,integer,text,boolean,integer,boolean,uuid[])': { grants: api, outsider: 'RC102' },
  'rolecall.update_role(uuid,text,text,integer,boolean,integer,boolean)': { grants: api, outsider: 'RC102' },
  'rolecall.delete_role(uuid)': { grants: api, outsider: 'RC102' },
  'rolecall.set_role_policies(uuid,uuid[])': { grants: api, outsider: 'RC102' },
  'rolecall.create_policy(uuid,text,text,text[])': { grants: api, outsider: 'RC102' },
  'rolecall.update_policy(uuid,text,text)': { grants: api, outsider: 'RC102' },
  'rolecall.delete_policy(uuid)': { grants: api, outsider: 'RC102' },
  'rolecall.set_policy_permissions(uuid,text[])': { grants: api, outsider: 'RC102' },
  'rolecall.set_policy_restrictions(uuid,text[])': { grants: api, outsider: 'RC102' },
  'rolecall.change_member_role(uuid,uuid)': { grants: api, outsider: 'RC102' },
  'rolecall.set_member_overrides(uuid,text[],text[])': { grants: api, outsider: 'RC102' },
  'rolecall.set_ip_allowlist(uuid,text[])': { grants: api, outsider: 'RC102' },
  'rolecall.set_resource_grants(uuid,text,text[])': { grants: api, outsider: 'RC102' },
  'rolecall.deactivate_member(uuid)': { grants: api, outsider: 'RC102' },
  'rolecall.reactivate_member(uuid)': { grants: api, outsider: 'RC102' },
  'rolecall.leave_organization(uuid)': { grants: api, outsider: 'RC102' },
  'rolecall.preview_promote_to_admin(uuid)': { grants: api, outsider: 'RC102' },
  'rolecall.revoke_invitation(uuid)': { grants: api, outsider: 'RC102' },
  'rolecall.decline_invitation(bytea,uuid)': { grants: signedIn, outsider: 'RC401' },
  'rolecall.my_organizations()': { grants: signedIn, outsider: 'nothing', deactivated: 'ok' },
  'rolecall.my_permissions(uuid)': { grants: signedIn, outsider: 'RC102', deactivated: 'ok' },
  'rolecall.explain_permission(uuid,uuid,text)': { grants: signedIn, outsider: 'RC102', deactivated: 'RC103' },
  'rolecall.member_checkboxes(uuid,uuid)': { grants: signedIn, outsider: 'RC102', deactivated: 'ok' },
  'rolecall.member_permissions(uuid,uuid)': { grants: signedIn, outsider: 'RC102', deactivated: 'RC103' },
  // "why not?": any member asks about themselves, even deactivated
  'rolecall.who_can_grant(uuid,text)': { grants: signedIn, outsider: 'RC102', deactivated: 'ok' },
  'rolecall.has_permission(uuid,text)': { grants: api, outsider: 'nothing' },
  'rolecall.permitted_org_ids(text)': { grants: api, outsider: 'nothing' },
  'rolecall.granted_resource_ids(text)': { grants: api, outsider: 'nothing' },
  'rolecall.has_resource_access(uuid,text,text)': { grants: api, outsider: 'nothing' },

  // rolecall: service_role only (operators in the SQL editor, edge functions acting for a verified user)
  'rolecall.ops_transfer_ownership(uuid,uuid)': { grants: service, serviceOnly: true },
  'rolecall.ops_add_owner(uuid,uuid)': { grants: service, serviceOnly: true },
  'rolecall.ops_reopen_organization(uuid)': { grants: service, serviceOnly: true },
  'rolecall.ops_purge_organization(uuid)': { grants: service, serviceOnly: true },
  'rolecall.ops_service_contact(uuid)': { grants: service, serviceOnly: true },
  'rolecall.ops_reactivate_member(uuid)': { grants: service, serviceOnly: true },
  'rolecall.ops_expire_invitations()': { grants: service, serviceOnly: true },
  'rolecall.create_invitation(uuid,uuid,text,uuid,bytea,text[],text[],text[],inet,jsonb)': { grants: service, serviceOnly: true },
  'rolecall.resend_invitation(uuid,uuid,bytea,inet)': { grants: service, serviceOnly: true },
  'rolecall.invitation_by_token(bytea)': { grants: service, serviceOnly: true },
  'rolecall.notification_recipients(uuid)': { grants: service, serviceOnly: true },
  'rolecall.transfer_primary_as(uuid,uuid,inet)': { grants: service, serviceOnly: true },
  'rolecall.promote_to_admin_as(uuid,uuid,inet)': { grants: service, serviceOnly: true },
  'rolecall.remove_member_as(uuid,uuid,inet)': { grants: service, serviceOnly: true },
  'rolecall.accept_invitation_as(uuid,bytea,uuid,inet)': { grants: service, serviceOnly: true },
  // user-facing actions an edge function wraps with a promise (re-authentication, emails): only
  // through the *_as entry points above, never directly (README "Security")
  'rolecall.remove_member(uuid)': { grants: none },
  'rolecall.promote_to_admin(uuid)': { grants: none },
  'rolecall.transfer_primary(uuid)': { grants: none },
  'rolecall.accept_invitation(bytea,uuid)': { grants: none },

  // rolecall_private: what RLS policies and rolecall.* invoker wrappers call as the querying role
  // called only inside SECURITY DEFINER functions: signed-in users may not ask about any member id
  'rolecall_private.ip_allowed(rolecall.ip_range[])': { grants: definerHelper },
  'rolecall_private.request_ip()': { grants: definerHelper },
  'rolecall_private.role_member_holds(uuid,uuid,text)': { grants: definerHelper },
  // the invitations table's check constraint runs it as the inserting role (operators included)
  'rolecall_private.is_valid_email(text)': { grants: definerHelper },
  'rolecall_private.invitation_settings': { grants: operatorTable },
  'rolecall_private.resource_types': { grants: operatorTable },
  'rolecall_private.permission_closure': { grants: operatorTable },
  'rolecall_private.role_permissions': { grants: operatorTable },
  'rolecall_private.my_organization_ids()': { grants: policyHelper },
  'rolecall_private.my_member_ids()': { grants: policyHelper },
  'rolecall_private.permitted_organization_ids(text)': { grants: policyHelper },
  'rolecall_private.has_permission(uuid,text)': { grants: policyHelper },
  'rolecall_private.granted_resource_ids(text)': { grants: policyHelper },
  'rolecall_private.has_resource_access(uuid,text,text)': { grants: policyHelper },
  'rolecall_private.invitation_visible(uuid,text)': { grants: policyHelper },
  // invitation_list (security_invoker) calls it as the reader, for names RLS would hide from an invitee
  'rolecall_private.invitation_names(uuid)': { grants: policyHelper },

  // example: vendor tables (signed-in users may try any write, the policies decide) and functions
  'example.bills': { grants: vendorTable, rows: exact(holds('bills.view')) },
  'example.bank_accounts': { grants: vendorTable, rows: exact(holds('bank_accounts.view')) },
  'example.bank_transactions': { grants: vendorTable, rows: exact(holds('bank_transactions.view')) },
  'example.invoices': { grants: vendorTable, rows: exact(holds('invoices.view')) },
  'example.reports': { grants: vendorTable, rows: exact(holds('reports.view')) },
  'example.contacts': { grants: vendorTable, rows: exact(holds('contacts.view')) },
  'example.projects': { grants: vendorTable, rows: exact(`${holds('projects.view_all')} or ${granted('project')}`) },
  'example.project_documents': { grants: vendorTable, rows: exact(`${holds('projects.view_all')} or ${granted('project', 't.project_id')}`) },
  'example.budgets': { grants: vendorTable, rows: exact(`${holds('budgets.view_all')} or ${granted('budget')}`) },
  'example.cards': {
    grants: vendorTable,
    rows: exact(`${holds('cards.view_all')} or (t.holder_user_id = ctx.me and ${holds('cards.view_own')}) or ${granted('card')}`),
  },
  'example.approve_bill(uuid)': { grants: api, outsider: 'RC103' },
  'example.pay_bill(uuid)': { grants: api, outsider: 'RC103' },
  // example_private: the SECURITY DEFINER bodies behind example.approve_bill / pay_bill (same grants)
  'example_private.approve_bill(uuid)': { grants: api },
  'example_private.pay_bill(uuid)': { grants: api },

  // rolecall_private: internals (guards, triggers, validation), executable by nobody but their owner
  'rolecall_private.act_as(uuid,inet)': internal,
  'rolecall_private.actor(uuid)': internal,
  'rolecall_private.require_permission(uuid,text)': internal,
  'rolecall_private.role_in(uuid,uuid)': internal,
  'rolecall_private.member_in(uuid,uuid)': internal,
  'rolecall_private.policy_in(uuid,uuid)': internal,
  'rolecall_private.member_org(uuid)': internal,
  'rolecall_private.assert_checkboxes_fit(rolecall.roles,text[],text[])': internal,
  'rolecall_private.change_member_status(uuid,rolecall.member_status)': internal,
  'rolecall_private.role_org(uuid)': internal,
  'rolecall_private.policy_org(uuid)': internal,
  'rolecall_private.assert_can_assign(rolecall.members,rolecall.roles)': internal,
  'rolecall_private.assert_can_manage(rolecall.members,rolecall.members)': internal,
  'rolecall_private.assert_can_rank(rolecall.members,integer)': internal,
  'rolecall_private.assert_can_edit_role(rolecall.members,rolecall.roles)': internal,
  'rolecall_private.assert_can_edit_policy(rolecall.members,rolecall.policies)': internal,
  'rolecall_private.assert_can_invite_to(rolecall.members,rolecall.roles,text[],text[])': internal,
  'rolecall_private.assert_email_unique_elsewhere(uuid,text)': internal,
  'rolecall_private.take_template_unique_member_emails()': internal,
  'rolecall_private.requested_resource_ids(text,text[])': internal,
  'rolecall_private.assert_can_share(rolecall.members,text,text[])': internal,
  'rolecall_private.grantable_resource_ids(rolecall.members,text,text[])': internal,
  'rolecall_private.invitation_resource_grants(rolecall.members,jsonb)': internal,
  'rolecall_private.assert_can_take_primary(rolecall.members)': internal,
  'rolecall_private.assert_holds_all(rolecall.members,text[])': internal,
  'rolecall_private.assert_not_single_admin_role(rolecall.roles)': internal,
  'rolecall_private.assert_unique_name(uuid,text,text,uuid)': internal,
  'rolecall_private.checked_policy_keys(text[])': internal,
  'rolecall_private.set_policy_keys(uuid,text[],rolecall.override_effect)': internal,
  'rolecall_private.link_role_policies(rolecall.members,rolecall.roles,uuid[])': internal,
  'rolecall_private.move_to_role(uuid,rolecall.roles)': internal,
  'rolecall_private.role_below(rolecall.roles)': internal,
  'rolecall_private.plan_promotion(uuid)': internal,
  'rolecall_private.assert_owner_room(rolecall.roles,rolecall.members)': internal,
  'rolecall_private.close_plan(uuid)': internal,
  'rolecall_private.lock_organization(uuid)': internal,
  'rolecall_private.permission_sources(uuid,boolean)': internal,
  'rolecall_private.checkbox_states(uuid,boolean)': internal,
  'rolecall_private.organization_catalog(uuid)': internal,
  'rolecall_private.readable_member(uuid,uuid,text)': internal,
  'rolecall_private.expand_checkboxes(uuid,text[],boolean)': internal,
  'rolecall_private.checkbox_role(uuid,text[])': internal,
  'rolecall_private.refresh_permission_closure()': internal,
  'rolecall_private.refresh_role_permissions(uuid)': internal,
  'rolecall_private.role_permissions_changed()': internal,
  'rolecall_private.invitation_for_invitee(bytea,uuid)': internal,
  'rolecall_private.invitation_for_inviter(uuid)': internal,
  'rolecall_private.invitation_limits()': internal,
  'rolecall_private.resource_ids_in(uuid,text,text[])': internal,
  'rolecall_private.check_invitation_rate(uuid,uuid)': internal,
  'rolecall_private.ip_ranges(text[])': { grants: definerHelper },
  'rolecall_private.valid_allowlist(text[])': internal,
  'rolecall_private.valid_name(text,integer,text)': internal,
  'rolecall_private.valid_language(text)': internal,
  'rolecall_private.instantiate_template(uuid,text,text,text,uuid)': internal,
  'rolecall_private.audit_as(text)': internal,
  'rolecall_private.audit_change()': internal,
  'rolecall_private.forbid_audit_change()': internal,
  'rolecall_private.check_primary_member()': internal,
  'rolecall_private.enforce_policy_size()': internal,
  'rolecall_private.enforce_role_capacity()': internal,
  'rolecall_private.fill_member_identity()': internal,
  'rolecall_private.sync_member_identity()': internal,
  'rolecall_private.without_control_characters(text)': internal,
  'rolecall_private.member_display_name(jsonb)': internal,
  'rolecall_private.freeze_role_kind()': internal,
  'rolecall_private.touch_updated_at()': internal,
}

/**
 * rolecall's functions that are SECURITY INVOKER in their own right (vendors' RLS policies call them).
 * Every other rolecall function is a SECURITY INVOKER entry point over a SECURITY DEFINER
 * implementation of the same signature in rolecall_rpc (migration 20261130100100), which carries
 * exactly the entry point's grants: its entry is derived here, so a grant changed above applies to both.
 */
export const invokerApi = ['has_permission', 'permitted_org_ids', 'granted_resource_ids', 'has_resource_access']
for (const [id, entry] of Object.entries(expectedObjects)) {
  const name = /^rolecall\.([a-z0-9_]+)\(/.exec(id)?.[1]
  if (name && !invokerApi.includes(name)) {
    expectedObjects[`rolecall_rpc.${id.slice('rolecall.'.length)}`] = { grants: entry.grants, ...(entry.serviceOnly ? { serviceOnly: true } : {}) }
  }
}

/**
 * Example vendor tables: the direct writes authenticated users may make (RLS decides which rows).
 * Everything else in the example schema is read-only for them, like rolecall's tables.
 */
export const exampleWrites: Record<string, string[]> = Object.fromEntries(
  ['bills', 'bank_accounts', 'bank_transactions', 'invoices', 'reports', 'contacts', 'projects', 'project_documents', 'budgets', 'cards']
    .map((table) => [table, ['DELETE', 'INSERT', 'UPDATE']]),
)
