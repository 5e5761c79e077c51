import { beforeEach, describe, expect, it } from 'vitest'
import { fakeBrowser } from 'wxt/testing/fake-browser'
import { createApi } from '../../stores/api/index.ts'
import { extensionAuthStorage, extensionClient, resetExtensionClient, sessionKey } from '../../stores/extension/client.ts'
import { type Connection, connectionItem, currentConnection } from '../../stores/extension/connection.ts'
import { demoPassword, justPaid, useStack } from '../stores/support.ts'
import { freshExtension } from './support/extension.ts'

describe('the extension\'s client', async () => {
  const stack = await useStack()
  const project: Connection = { url: stack.url, anonKey: stack.config.anonKey }
  const stored = async (connection: Connection) => extensionAuthStorage.getItem(sessionKey(connection))

  beforeEach(() => freshExtension('en'))

  it('is null until a project is connected, then one per context until the connection changes', async () => {
    expect(await currentConnection()).toBeNull()
    expect(await extensionClient()).toBeNull()
    await connectionItem.setValue(project)
    const client = await extensionClient()
    expect(client).not.toBeNull()
    expect(await extensionClient()).toBe(client)
    await connectionItem.setValue({ ...project, url: `http://localhost:${new URL(stack.url).port}` })
    expect(await extensionClient()).not.toBe(client)
  })

  it('keeps the session in extension storage: a client created later (another page, a restarted worker) is signed in', async () => {
    await connectionItem.setValue(project)
    const first = (await extensionClient())!
    const { error } = await first.auth.signInWithPassword({ email: 'user@justpaid.demo', password: demoPassword })
    expect(error).toBeNull()
    expect(JSON.parse((await stored(project))!).user.email).toBe('user@justpaid.demo')
    // The session is in the extension's storage area, under the project's key, and nowhere else.
    expect(Object.keys(await fakeBrowser.storage.local.get(null)).sort()).toEqual([`rolecall.auth[${stack.url}]`, 'rolecall.connection'])

    resetExtensionClient()
    const second = (await extensionClient())!
    expect(second).not.toBe(first)
    const { data } = await second.auth.getSession()
    expect(data.session?.user.email).toBe('user@justpaid.demo')
    // …and it is a working session: RLS answers as that user.
    const organizations = await createApi(second).organizations.mine()
    expect(organizations.map((o) => o.organization_id)).toEqual([justPaid])

    // Signing out in one context removes it for every context.
    await second.auth.signOut({ scope: 'local' })
    expect(await stored(project)).toBeNull()
    resetExtensionClient()
    expect((await (await extensionClient())!.auth.getSession()).data.session).toBeNull()
  })

  it('keeps one session per project: signing in to one does not sign in another', async () => {
    await connectionItem.setValue(project)
    await (await extensionClient())!.auth.signInWithPassword({ email: 'admin@justpaid.demo', password: demoPassword })
    const other: Connection = { url: 'http://127.0.0.1:1', anonKey: project.anonKey }
    await connectionItem.setValue(other)
    const { data } = await (await extensionClient())!.auth.getSession()
    expect(data.session).toBeNull()
    expect(await stored(other)).toBeNull()
    expect(await stored(project)).not.toBeNull()
  })
})
