import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { toRolecallError } from '../../stores/api/index.ts'
import { useOrganizationStore } from '../../stores/organization.ts'
import { usePanel } from '../panel/context.ts'
import { useNotify } from '../shared/useNotify.ts'

/**
 * Runs one settings change the way every piece of the Settings tab does: busy while it runs, a toast
 * with the result (the server's refusal in the user's language), and `settings-changed` to the host.
 */
export function useSettingChange() {
  const { emit } = usePanel()
  const { t } = useI18n()
  const notify = useNotify()
  const organization = useOrganizationStore()
  /** A change is running. */
  const busy = ref(false)

  /** Runs `work`; `action` names the change for the host; resolves whether it went through. */
  async function apply(action: string, work: () => Promise<unknown>, done = 'settings.saved'): Promise<boolean> {
    busy.value = true
    try {
      await work()
      notify.success(t(done))
      const id = organization.requireId()
      emit('settings-changed', { organizationId: id, id, action })
      return true
    } catch (error) {
      notify.failure(toRolecallError(error))
      return false
    } finally {
      busy.value = false
    }
  }

  return { busy, apply }
}
