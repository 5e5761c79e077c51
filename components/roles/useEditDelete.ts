import { ref, shallowRef } from 'vue'
import { toRolecallError } from '../../stores/api/index.ts'
import { useNotify } from '../shared/useNotify.ts'

/**
 * The edit and delete flow the Roles and Permission Policies tabs share: the row the editor opens on
 * (null adds one), and a delete asked for, confirmed in a dialog, then run by `remove`; success goes to
 * `deleted`, a refusal (RC205 a role still in use, …) to a notification, and the dialog closes either way.
 */
export function useEditDelete<Row>(remove: (row: Row) => Promise<unknown>, deleted: (row: Row) => void) {
  const notify = useNotify()
  /** The row the editor shows; null: a new one. */
  const editing = shallowRef<Row | null>(null)
  /** Whether the editor is open. */
  const editorOpen = ref(false)
  /** The row the delete confirmation names. */
  const deleting = shallowRef<Row | null>(null)
  /** Whether the delete confirmation is open. */
  const confirmOpen = ref(false)
  /** The delete is running. */
  const busy = ref(false)

  /** Opens the editor on `row`, or on a new one. */
  function edit(row: Row | null) {
    editing.value = row
    editorOpen.value = true
  }

  /** Asks to confirm deleting `row`. */
  function askDelete(row: Row) {
    deleting.value = row
    confirmOpen.value = true
  }

  /** Deletes the row being confirmed. */
  async function confirmDelete() {
    const row = deleting.value
    if (!row) return
    busy.value = true
    try {
      await remove(row)
      deleted(row)
    } catch (error) {
      notify.failure(toRolecallError(error))
    } finally {
      busy.value = false
      confirmOpen.value = false
    }
  }

  return { editing, editorOpen, deleting, confirmOpen, busy, edit, askDelete, confirmDelete }
}
