import { ref, type Ref, watch } from 'vue'
import { requestRefresh } from '../../stores/extension/background/messages.ts'
import { extensionClient, watchSession } from '../../stores/extension/client.ts'
import type { Connection } from '../../stores/extension/connection.ts'
import { useSessionStore } from '../../stores/session.ts'

/**
 * The session store over the extension's client for `connection`: connected again when the connection
 * changes or the stored session changes in another context (the background found it revoked, the popup
 * signed out). When the signed-in user changes here, the background refreshes at once (badge, cache).
 */
export function useOptionsSession(connection: Ref<Connection | null>) {
  const session = useSessionStore()
  /** The session store is connected to the current project and knows who is signed in. */
  const ready = ref(false)

  watch(connection, async (current, _, onCleanup) => {
    let stale = false
    let stop: (() => void) | undefined
    let unwatch: (() => void) | undefined = undefined
    onCleanup(() => {
      stale = true
      stop?.()
      unwatch?.()
    })
    ready.value = false
    const client = current && (await extensionClient())
    if (!current || !client || stale) return
    /** (Re)reads who is signed in; the store follows this client's auth events until the next call. */
    const connect = async () => {
      const next = await session.connect(client)
      stop?.()
      stop = next
      if (stale) stop()
    }
    await connect()
    if (stale) return
    unwatch = watchSession(current, () => void connect())
    ready.value = true
  }, { immediate: true })

  watch(() => session.user?.id, (now, before) => {
    if (ready.value && now !== before) requestRefresh()
  })

  return { session, ready }
}
