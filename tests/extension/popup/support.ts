import { createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fakeBrowser } from 'wxt/testing/fake-browser'
import PopupApp from '../../../components/popup/PopupApp.vue'
import { extensionClient, resetExtensionClient } from '../../../stores/extension/client.ts'
import { connectionItem } from '../../../stores/extension/connection.ts'
import { mountWithI18n } from '../../components/mount.ts'
import { demoPassword } from '../../components/support/stack.ts'

/** A fresh extension: empty storage, no client of a previous test, nothing listening to messages. */
export function resetExtension() {
  resetExtensionClient()
  fakeBrowser.reset()
  document.body.innerHTML = ''
}

/**
 * Connects the extension to `url` as the options page does and signs in `email` (password `rolecall-demo`)
 * through the extension's own client, so the session lands in extension storage.
 */
export async function signInExtension(url: string, anonKey: string, email: string) {
  await connectionItem.setValue({ url, anonKey })
  const client = await extensionClient()
  const { error } = await client!.auth.signInWithPassword({ email, password: demoPassword })
  if (error) throw error
}

/** Mounts the popup as entrypoints/popup does (Pinia, the panel's i18n in `locale`). */
export function mountPopup(locale = 'en') {
  return mountWithI18n(PopupApp, {}, locale)
}

/**
 * An HTTP proxy in front of the stack. `hold()` keeps every request waiting until `release()`, to see what
 * the popup paints before any answer; `close()` is a stack that stopped (connections refused).
 */
export async function gatedProxy(target: string) {
  let gate = Promise.resolve()
  let open = () => {}
  const server = createServer((incoming, outgoing) => {
    void gate.then(() => {
      const upstream = request(new URL(incoming.url ?? '/', target), { method: incoming.method, headers: incoming.headers }, (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(outgoing)
      })
      upstream.on('error', () => outgoing.destroy())
      incoming.pipe(upstream)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hold: () => void (gate = new Promise<void>((resolve) => (open = resolve))),
    release: () => open(),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    }),
  }
}

/** The rows of the popup's permission list in `group` as `label: state — reason`. */
export function rowsOf(root: Element, group: string): string[] {
  return [...root.querySelectorAll(`[data-group="${group}"] [data-row]`)].map((row) =>
    `${row.querySelector('[data-test="label"]')?.textContent?.trim()}: ${row.getAttribute('data-state')} — ${row.querySelector('[data-test="reason"]')?.textContent?.trim()}`)
}
