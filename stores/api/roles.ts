import type { Database } from './database.types.ts'
import { type ApiContext, run } from './request.ts'

type Tables = Database['rolecall']['Tables']
type Fns = Database['rolecall']['Functions']
/** A role of an organization. */
export type Role = Tables['roles']['Row']
/** A permission policy of an organization. */
export type Policy = Tables['policies']['Row']
/** A policy's grant or restriction of one key. */
export type PolicyPermission = Tables['policy_permissions']['Row']
/** Which policies a role holds. */
export type RolePolicy = Tables['role_policies']['Row']
/** A permission of the catalog. */
export type Permission = Tables['permissions']['Row']
/** A section of the catalog. */
export type PermissionSection = Tables['permission_sections']['Row']
/** Fields of a new role besides its organization. */
export type NewRole = Omit<Fns['create_role']['Args'], 'p_org'>
/** Fields `update_role` changes; omitted ones stay. */
export type RoleChanges = Omit<Fns['update_role']['Args'], 'p_role'>

/** Roles, permission policies and the permission catalog. */
export function rolesApi({ db }: ApiContext) {
  return {
    /** The organization's roles, highest rank first. */
    list: (org: string) => run(db.from('roles').select('*').eq('organization_id', org).order('rank', { ascending: false }).order('name')),
    /** The organization's policies by name. */
    policies: (org: string) => run(db.from('policies').select('*').eq('organization_id', org).order('name')),
    /** Every policy's granted and restricted keys in the organization. */
    policyPermissions: (org: string) => run(db.from('policy_permissions').select('*').eq('organization_id', org)),
    /** Which role holds which policy in the organization. */
    rolePolicies: (org: string) => run(db.from('role_policies').select('*').eq('organization_id', org)),
    /** How many members hold each of the organization's roles, in one read (the role_member_counts view). */
    memberCounts: (org: string) => run(db.from('role_member_counts').select('role_id, members').eq('organization_id', org)),
    /** The catalog sections a template's product shows (empty: the whole catalog). */
    templateSections: async (template: string) =>
      (await run(db.from('templates').select('sections').eq('key', template).maybeSingle()))?.sections ?? [],
    /** The whole permission catalog, in display order. */
    permissions: () => run(db.from('permissions').select('*').order('section').order('position')),
    /** The catalog's sections, in display order. */
    sections: () => run(db.from('permission_sections').select('*').order('position')),
    /** Creates a role. */
    create: (org: string, role: NewRole) => run(db.rpc('create_role', { p_org: org, ...role })),
    /** Changes a role. */
    update: (role: string, changes: RoleChanges) => run(db.rpc('update_role', { p_role: role, ...changes })),
    /** Deletes a role without members or pending invitations (RC205). */
    remove: (role: string) => run(db.rpc('delete_role', { p_role: role })),
    /** Replaces a role's policies. */
    setPolicies: (role: string, policyIds: string[]) => run(db.rpc('set_role_policies', { p_role: role, p_policy_ids: policyIds })),
    /** Creates a policy granting `keys`. */
    createPolicy: (org: string, name: string, keys: string[], description?: string) =>
      run(db.rpc('create_policy', { p_org: org, p_name: name, p_keys: keys, ...(description === undefined ? {} : { p_description: description }) })),
    /** Renames or re-describes a policy. */
    updatePolicy: (policy: string, changes: { p_name?: string; p_description?: string }) => run(db.rpc('update_policy', { p_policy: policy, ...changes })),
    /** Deletes a policy. */
    removePolicy: (policy: string) => run(db.rpc('delete_policy', { p_policy: policy })),
    /** Replaces the keys a policy grants. */
    setPolicyPermissions: (policy: string, keys: string[]) => run(db.rpc('set_policy_permissions', { p_policy: policy, p_keys: keys })),
    /** Replaces the keys a policy restricts. */
    setPolicyRestrictions: (policy: string, keys: string[]) => run(db.rpc('set_policy_restrictions', { p_policy: policy, p_keys: keys })),
  }
}
