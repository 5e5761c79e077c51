import { computed } from 'vue'
import type { Member, Role } from '../../stores/api/index.ts'
import { useOrganizationStore } from '../../stores/organization.ts'
import { useRolesStore } from '../../stores/roles.ts'
import { assignableRoles, type Caller, lockReason } from './gating.ts'
import { roleStep, type RoleStep } from './layout.ts'

/**
 * The caller as the gating sees them (own member id, role, the organization's template) and helpers over
 * the stores: a member's role, why a member is locked, the roles the caller may give.
 */
export function useMemberGate() {
  const organization = useOrganizationStore()
  const roles = useRolesStore()
  const roleById = computed(() => new Map(roles.roles.map((role) => [role.id, role])))
  const caller = computed<Caller>(() => ({
    memberId: organization.current?.member_id,
    role: organization.current ? roleById.value.get(organization.current.role_id) : undefined,
    template: organization.current?.template,
  }))
  const assignable = computed(() => assignableRoles(roles.roles, caller.value))
  const lockOf = (member: Member) => lockReason(member, roleById.value.get(member.role_id), caller.value)
  return {
    /** The caller. */
    caller,
    /** Whether the caller holds a permission (the server still decides). */
    can: (key: string) => organization.can(key),
    /** A role by id. */
    roleOf: (id: string): Role | undefined => roleById.value.get(id),
    /** Why the caller may not change `member` (an i18n key), or null. */
    lockOf,
    /** The roles the caller may give. */
    assignable,
    /**
     * Paycove's "+" / "−" on a member the caller may take (`members.change_role`, the member not locked,
     * the role one the caller may give), or null.
     */
    stepOf: (member: Member): RoleStep | null => {
      const step = organization.can('members.change_role') && !lockOf(member) ? roleStep(member, roles.roles) : null
      return step && assignable.value.some((role) => role.id === step.role.id) ? step : null
    },
  }
}
