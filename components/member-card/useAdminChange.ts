import { computed, type MaybeRefOrGetter, ref, shallowRef, toValue } from 'vue'
import { useI18n } from 'vue-i18n'
import { type Member, toRolecallError } from '../../stores/api/index.ts'
import { useMembersStore } from '../../stores/members.ts'
import { useOrganizationStore } from '../../stores/organization.ts'
import { usePanel } from '../panel/context.ts'
import { useNotify } from '../shared/useNotify.ts'
import { adminChangeFor, type PromotionPreview } from './admin-change.ts'

/**
 * The A9 change towards one member, as its dialog runs it: `start` reads `promote-admin`'s preview (single
 * admin) and opens the confirmation, `confirm` promotes or transfers the primary seat, asking for the
 * password again when the server wants it (`reauthentication_required` / `_failed`).
 */
export function useAdminChange(member: MaybeRefOrGetter<Member>) {
  const { t } = useI18n()
  const panel = usePanel()
  const notify = useNotify()
  const members = useMembersStore()
  const organization = useOrganizationStore()
  /** Which change the caller may make: promote, transfer, or none. */
  const kind = computed(() => adminChangeFor(toValue(member), organization.current))
  /** Profit: owners change through support, whoever looks at whom among the owner and the others. */
  const profitOwner = computed(() => organization.current?.template === 'profit' && (toValue(member).is_primary || organization.current.is_primary))
  /** The member's name as the messages use it. */
  const name = computed(() => toValue(member).display_name || toValue(member).email)
  /** The confirmation is open. */
  const open = ref(false)
  /** A request is running. */
  const busy = ref(false)
  /** What the promotion would change (single admin), for the confirmation. */
  const preview = shallowRef<PromotionPreview | null>(null)
  /** The server asked for the password again. */
  const passwordAsked = ref(false)
  /** The password typed again. */
  const password = ref('')
  /** Why the password is asked (again). */
  const passwordError = ref('')
  /** The promotion in the preview's words: who becomes Admin, who steps down to what. */
  const promotion = computed(() => {
    const p = preview.value
    if (!p) return { body: '', dropped: '' }
    const words = {
      name: p.new_admin.display_name || p.new_admin.email, newRole: p.new_admin.role_after.name, count: p.new_admin.overrides_dropped,
      oldName: p.old_admin.display_name || p.old_admin.email, oldRole: p.old_admin.role_before.name, demoteRole: p.old_admin.role_after.name,
    }
    return { body: t('memberAdmin.promoteBody', words), dropped: words.count > 0 ? t('memberAdmin.dropped', words) : '' }
  })

  /** Opens the confirmation (after reading the preview of a promotion). */
  async function start() {
    passwordAsked.value = false
    password.value = ''
    passwordError.value = ''
    if (kind.value === 'promote') {
      busy.value = true
      try {
        preview.value = (await members.previewPromotion(toValue(member).id)) as unknown as PromotionPreview
      } catch (refusal) {
        return notify.failure(toRolecallError(refusal))
      } finally {
        busy.value = false
      }
    }
    open.value = true
  }

  /** Runs the change; a refusal other than the password closes the dialog with a toast. */
  async function confirm() {
    const target = toValue(member)
    // NOTE: read once: after the change the member is primary and `kind` turns null.
    const done = kind.value === 'promote' ? 'promoted' : 'transferred'
    busy.value = true
    try {
      if (done === 'promoted') await members.promote(target.id)
      else await members.transferPrimary(target.id, passwordAsked.value ? password.value : undefined)
      // NOTE: the caller is no longer the primary (Paycove: no longer Admin); their rights are read again
      // before the card shows the result, so it offers nothing the server would now refuse.
      await organization.load().catch(() => {})
      open.value = false
      notify.success(t(`memberAdmin.${done}`, { name: name.value }))
      panel.emit('member-changed', { organizationId: target.organization_id, id: target.id, action: done === 'promoted' ? 'admin_promoted' : 'primary_transferred' })
    } catch (thrown) {
      const refusal = toRolecallError(thrown)
      if (refusal.code !== 'reauthentication_required' && refusal.code !== 'reauthentication_failed') {
        open.value = false
        return notify.failure(refusal)
      }
      passwordAsked.value = true
      passwordError.value = t(refusal.messageKey)
    } finally {
      busy.value = false
    }
  }

  return { kind, profitOwner, name, open, busy, preview, promotion, passwordAsked, password, passwordError, start, confirm }
}
