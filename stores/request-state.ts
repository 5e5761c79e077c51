import { ref } from 'vue'
import { type RolecallError, toRolecallError } from './api/index.ts'

/**
 * `loading` and `error` for a store, and `track`, which runs an action with them: loading while it
 * runs, the refusal kept in `error` and thrown again so the caller (a dialog) can react too.
 */
export function useRequestState() {
  const loading = ref(false)
  const error = ref<RolecallError | null>(null)
  async function track<T>(work: () => Promise<T>): Promise<T> {
    loading.value = true
    error.value = null
    try {
      return await work()
    } catch (thrown) {
      error.value = toRolecallError(thrown)
      throw error.value
    } finally {
      loading.value = false
    }
  }
  return { loading, error, track }
}
