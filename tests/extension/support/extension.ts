import { fakeBrowser } from 'wxt/testing/fake-browser'
import { resetExtensionClient } from '../../../stores/extension/client.ts'
import { type Connection, connectionItem } from '../../../stores/extension/connection.ts'
import { useBrowserLanguage } from './browser.ts'

/**
 * A freshly installed extension for the next test: the fake browser's storage, listeners, badge and
 * notifications emptied, this context's client forgotten, the browser speaking `language`; connected to
 * `connection` when given.
 */
export async function freshExtension(language: 'en' | 'uk' = 'en', connection?: Connection) {
  fakeBrowser.reset()
  resetExtensionClient()
  await useBrowserLanguage(language)
  if (connection) await connectionItem.setValue(connection)
}

/** The messages pages send the background from now on (a stand-in listener that answers `{ ok: true }`). */
export function backgroundInbox(): unknown[] {
  const received: unknown[] = []
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    received.push(message)
    return Promise.resolve({ ok: true })
  })
  return received
}
