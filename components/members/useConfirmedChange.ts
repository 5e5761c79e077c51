import { ref, shallowRef } from 'vue'
import { toRolecallError } from '../../stores/api/index.ts'
import { useNotify } from '../shared/useNotify.ts'

/** A change waiting for its confirmation: what the dialog says, and the change itself. */
export interface PendingChange {
  /** The question. */
  title: string
  /** Exactly what will happen. */
  description: string
  /** The confirm button's label. */
  confirmLabel: string
  /** Red confirm button. */
  destructive: boolean
  /** Runs the change; resolves to the success message. */
  run: () => Promise<string>
}

/**
 * The state of one {@link ConfirmDialog} for changes that must be confirmed: `ask` opens it, `confirm`
 * runs the change, then toasts the success or the server's refusal in the user's language.
 */
export function useConfirmedChange() {
  const notify = useNotify()
  /** The change waiting for the user. */
  const pending = shallowRef<PendingChange | null>(null)
  /** Whether the dialog is open. */
  const open = ref(false)
  /** The change is running. */
  const busy = ref(false)

  /** Opens the dialog for a change. */
  function ask(change: PendingChange) {
    pending.value = change
    open.value = true
  }

  /** Runs the pending change; the dialog closes either way, the refusal is toasted. */
  async function confirm() {
    if (!pending.value) return
    busy.value = true
    try {
      notify.success(await pending.value.run())
    } catch (refusal) {
      notify.failure(toRolecallError(refusal))
    } finally {
      busy.value = false
      open.value = false
    }
  }

  return { pending, open, busy, ask, confirm }
}
