import type { Database } from './database.types.ts'
import { type ApiContext, run } from './request.ts'

type Fns = Database['rolecall']['Functions']
/** One organization where the caller has a member row (`my_organizations`). */
export type MyOrganization = Fns['my_organizations']['Returns'][number]
/** One permission of the organization's catalog as the caller holds it, with why (`my_permissions`). */
export type MyPermission = Fns['my_permissions']['Returns'][number]
/** One permission of the organization's catalog as a member holds it, with why (`member_permissions`). */
export type MemberPermission = Fns['member_permissions']['Returns'][number]
/** An organization row (its settings). */
export type Organization = Database['rolecall']['Tables']['organizations']['Row']
/** The settings `update_organization` changes; omitted ones stay. */
export type OrganizationSettings = Omit<Fns['update_organization']['Args'], 'p_org'>

/** A permission or checkbox named with the product's labels (en / uk). */
export interface LabelledKey {
  key: string
  label_en: string
  label_uk: string
}

/**
 * What `who_can_grant` answers for a permission: whether the caller holds it now, what in the
 * organization would grant it, and who could give it to the caller (up to 20 active members, the
 * primary first, then by name): `tick` = may tick it on the caller's card, `change_role` = may move the
 * caller to a role that holds it.
 */
export interface WhoCanGrant extends LabelledKey {
  /** As has_permission decides it for this request. */
  granted: boolean
  ways: {
    /** Roles of the organization that hold the key (all permissions, or through their policies). */
    roles: { id: string; name: string }[]
    /** Policies of the organization that grant the key, with the names of the roles that have them. */
    policies: { id: string; name: string; roles: string[] }[]
    /** The organization's checkboxes that stand for the key. */
    checkboxes: LabelledKey[]
    /** Actions that bring the key with them ("implied by"). */
    implied_by: LabelledKey[]
  }
  grantors: {
    member_id: string
    user_id: string
    display_name: string
    email: string
    role_name: string
    is_primary: boolean
    can: ('tick' | 'change_role')[]
  }[]
}

/** Organizations, their settings and the caller's own permissions there. */
export function organizationsApi({ db }: ApiContext) {
  return {
    /** Every organization where the caller has a member row. */
    mine: () => run(db.rpc('my_organizations')),
    /** One organization's row (settings), as RLS lets the caller read it. */
    get: (org: string) => run(db.from('organizations').select('*').eq('id', org).single()),
    /** The caller's permissions in the organization, with their sources (for gating the UI). */
    myPermissions: (org: string) => run(db.rpc('my_permissions', { p_org: org })),
    /** A member's permissions with their sources, in one read (the member card's "why"; others need members.edit_permissions). */
    memberPermissions: (org: string, user: string) => run(db.rpc('member_permissions', { p_org: org, p_user: user })),
    /** For a permission (the caller's or not): what would grant it to the caller, and who could. */
    whoCanGrant: async (org: string, key: string) =>
      // NOTE: jsonb is typed Json by gen:types; the shape is the function's (20261130120000_who_can_grant.sql).
      (await run(db.rpc('who_can_grant', { p_org: org, p_key: key }))) as unknown as WhoCanGrant,
    /** A new organization from a template; the caller becomes its primary member. Returns its id. */
    create: (name: string, template: string, language?: string) =>
      run(db.rpc('create_organization', { p_name: name, p_template: template, ...(language ? { p_language: language } : {}) })),
    /** Name, language, invitation lifetime, admin notifications (`settings.manage`). */
    update: (org: string, settings: OrganizationSettings) => run(db.rpc('update_organization', { p_org: org, ...settings })),
    /** Single-admin or several admins (only the primary). */
    setAdminMode: (org: string, mode: Database['rolecall']['Enums']['admin_mode']) => run(db.rpc('set_admin_mode', { p_org: org, p_mode: mode })),
    /** Whether a member's address may belong to no other organization (RC411). */
    setUniqueMemberEmails: (org: string, on: boolean) => run(db.rpc('set_unique_member_emails', { p_org: org, p_on: on })),
    /** The caller's own member row in the organization (their notification emails, primary or not). */
    myMember: (org: string, userId: string) =>
      run(db.from('members').select('*').eq('organization_id', org).eq('user_id', userId).single()),
    /** The caller's own notification emails on or off. */
    setMyNotifications: (org: string, enabled: boolean) => run(db.rpc('set_my_notifications', { p_org: org, p_enabled: enabled })),
    /** What closing would do, for the confirmation (only the primary). */
    previewClose: (org: string) => run(db.rpc('preview_close_organization', { p_org: org })),
    /** Closes the organization; `confirmName` is its name typed back. */
    close: (org: string, confirmName: string) => run(db.rpc('close_organization', { p_org: org, p_confirm_name: confirmName })),
    /** Leaves the organization (not the primary: RC204). */
    leave: (org: string) => run(db.rpc('leave_organization', { p_org: org })),
  }
}
