import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import type { NewRole, Permission, PermissionSection, Policy, PolicyPermission, Role, RoleChanges, RolePolicy } from './api/index.ts'
import { useOrganizationStore } from './organization.ts'
import { useRequestState } from './request-state.ts'
import { useSessionStore } from './session.ts'

/** Roles, permission policies and the permission catalog of the chosen organization. */
export const useRolesStore = defineStore('roles', () => {
  const session = useSessionStore()
  const organization = useOrganizationStore()
  /** The organization's roles, highest rank first. */
  const roles = shallowRef<Role[]>([])
  /** The organization's policies by name. */
  const policies = shallowRef<Policy[]>([])
  /** Every policy's granted and restricted keys. */
  const policyPermissions = shallowRef<PolicyPermission[]>([])
  /** Which role holds which policy. */
  const rolePolicies = shallowRef<RolePolicy[]>([])
  /** The permission catalog, in display order. */
  const permissions = shallowRef<Permission[]>([])
  /** The catalog's sections, in display order. */
  const sections = shallowRef<PermissionSection[]>([])
  /** How many members hold each role, by role id, as last read. */
  const memberCounts = shallowRef<Record<string, number>>({})
  /** The catalog sections of the organization's product (its template's; empty: the whole catalog), once read. */
  const productSections = shallowRef<string[] | null>(null)
  /** Loading / the last refusal. */
  const { loading, error, track } = useRequestState()

  const api = () => session.requireApi().roles

  /** Reads roles, policies, their links and the catalog in parallel. */
  function load() {
    return track(async () => {
      const org = organization.requireId()
      ;[roles.value, policies.value, policyPermissions.value, rolePolicies.value, permissions.value, sections.value] = await Promise.all([
        api().list(org), api().policies(org), api().policyPermissions(org), api().rolePolicies(org), api().permissions(), api().sections(),
      ])
    })
  }

  /** Reads how many members hold each role (one read for all roles). */
  function loadMemberCounts() {
    return track(async () => {
      const rows = await api().memberCounts(organization.requireId())
      memberCounts.value = Object.fromEntries(rows.map((row) => [row.role_id ?? '', row.members ?? 0]))
    })
  }

  /** Reads which catalog sections the organization's product shows (its template's). */
  function loadProductSections() {
    return track(async () => {
      productSections.value = await api().templateSections(organization.current?.template ?? '')
    })
  }

  /** Runs a change, then reads everything again (a role or policy change touches several lists). */
  function changeThenReload<T>(change: () => Promise<T>) {
    return track(async () => {
      const result = await change()
      await load()
      return result
    })
  }

  /** Creates a role. */
  const createRole = (role: NewRole) => changeThenReload(() => api().create(organization.requireId(), role))
  /** Changes a role. */
  const updateRole = (roleId: string, changes: RoleChanges) => changeThenReload(() => api().update(roleId, changes))
  /** Deletes a role. */
  const deleteRole = (roleId: string) => changeThenReload(() => api().remove(roleId))
  /** Replaces a role's policies. */
  const setRolePolicies = (roleId: string, policyIds: string[]) => changeThenReload(() => api().setPolicies(roleId, policyIds))
  /** Creates a policy granting `keys`. */
  const createPolicy = (name: string, keys: string[], description?: string) =>
    changeThenReload(() => api().createPolicy(organization.requireId(), name, keys, description))
  /** Renames or re-describes a policy. */
  const updatePolicy = (policyId: string, changes: { p_name?: string; p_description?: string }) => changeThenReload(() => api().updatePolicy(policyId, changes))
  /** Deletes a policy. */
  const deletePolicy = (policyId: string) => changeThenReload(() => api().removePolicy(policyId))
  /** Replaces the keys a policy grants. */
  const setPolicyPermissions = (policyId: string, keys: string[]) => changeThenReload(() => api().setPolicyPermissions(policyId, keys))
  /** Replaces the keys a policy restricts. */
  const setPolicyRestrictions = (policyId: string, keys: string[]) => changeThenReload(() => api().setPolicyRestrictions(policyId, keys))

  return {
    roles, policies, policyPermissions, rolePolicies, permissions, sections, memberCounts, productSections, loading, error,
    load, loadMemberCounts, loadProductSections, createRole, updateRole, deleteRole, setRolePolicies, createPolicy, updatePolicy, deletePolicy, setPolicyPermissions, setPolicyRestrictions,
  }
})
