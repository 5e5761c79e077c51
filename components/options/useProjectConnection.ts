import { ref, shallowRef } from 'vue'
import { resetExtensionClient } from '../../stores/extension/client.ts'
import {
  buildTimeConnection, type Connection, connectionFieldProblem, ConnectionError, connectionItem, currentConnection,
  projectUrl, requestProjectAccess, testConnection,
} from '../../stores/extension/connection.ts'

/**
 * The options page's project: the connection in use, and `connect`, which checks a new one and saves it
 * only when it works (the last working one stays otherwise).
 */
export function useProjectConnection() {
  /** The connection in use, null before one is saved. */
  const connection = shallowRef<Connection | null>(null)
  /** The build names its project: nothing to connect by hand. */
  const preconfigured = buildTimeConnection() !== null
  /** Reading the stored connection. */
  const loading = ref(true)
  /** A connection is being checked. */
  const connecting = ref(false)
  /** Why the last attempt failed. */
  const problem = shallowRef<ConnectionError | null>(null)

  /** Reads the connection in use. */
  async function load() {
    connection.value = await currentConnection()
    loading.value = false
  }

  /**
   * Checks `candidate` (fields, the site permission, the project itself) and saves it; resolves whether it
   * is connected. NOTE: call it straight from the click or submit handler: the permission prompt needs the
   * user gesture, which ends at the first `await`.
   */
  async function connect(candidate: Connection): Promise<boolean> {
    problem.value = null
    const fieldProblem = connectionFieldProblem(candidate)
    if (fieldProblem) {
      problem.value = new ConnectionError(fieldProblem)
      return false
    }
    const next: Connection = { ...candidate, url: projectUrl(candidate.url)!, anonKey: candidate.anonKey.trim() }
    const access = requestProjectAccess(next.url)
    connecting.value = true
    try {
      if (!(await access)) throw new ConnectionError('hostDenied')
      await testConnection(next)
      await connectionItem.setValue(next)
      resetExtensionClient()
      connection.value = next
      return true
    } catch (error) {
      problem.value = error instanceof ConnectionError ? error : new ConnectionError('unreachable', String(error))
      return false
    } finally {
      connecting.value = false
    }
  }

  return { connection, preconfigured, loading, connecting, problem, load, connect }
}
