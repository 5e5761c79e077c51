import { useI18n } from 'vue-i18n'
import type { Member } from '../../stores/api/index.ts'
import { useMembersStore } from '../../stores/members.ts'
import { useOrganizationStore } from '../../stores/organization.ts'
import { usePanel } from '../panel/context.ts'
import type { MemberAction } from './gating.ts'
import type { RoleStep } from './layout.ts'
import { useConfirmedChange } from './useConfirmedChange.ts'

/**
 * The members list's changes, each confirmed first (A10; Paycove: "a modal asking for confirmation…
 * Click Ok"): deactivate, activate and delete, and Paycove's "+" / "−" role steps. Each tells the host.
 */
export function useMemberChanges(roleName: (roleId: string) => string) {
  const { t } = useI18n()
  const panel = usePanel()
  const members = useMembersStore()
  const organization = useOrganizationStore()
  /** The confirmation dialog's state. */
  const change = useConfirmedChange()
  const runners: Record<MemberAction, (id: string) => Promise<unknown>> = {
    deactivate: members.deactivate, reactivate: members.reactivate, remove: members.remove,
  }
  const tell = (member: Member, action: string) =>
    panel.emit('member-changed', { organizationId: member.organization_id, id: member.id, action })

  /** Asks to deactivate, activate or delete a member. */
  function act(member: Member, action: MemberAction) {
    const words = { name: member.display_name || member.email, org: organization.current?.name ?? '', role: roleName(member.role_id) }
    change.ask({
      title: t(`members.confirm.${action}.title`, words),
      description: t(`members.confirm.${action}.body`, words),
      confirmLabel: t(`members.actions.${action}`),
      destructive: action !== 'reactivate',
      run: async () => {
        await runners[action](member.id)
        tell(member, action)
        return t(`members.done.${action}`, words)
      },
    })
  }

  /** Asks to move a member one role up or down (Paycove's "+" / "−"), in the member card's words. */
  function step(member: Member, next: RoleStep) {
    const words = { name: member.display_name || member.email, from: roleName(member.role_id), to: next.role.name }
    change.ask({
      title: t('memberCard.confirmRole.title', words),
      description: t('memberCard.confirmRole.body', words),
      confirmLabel: t('common.confirm'),
      destructive: false,
      run: async () => {
        await members.changeRole(member.id, next.role.id)
        tell(member, 'role_changed')
        return t('members.done.step', words)
      },
    })
  }

  return { change, act, step }
}
