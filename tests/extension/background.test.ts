import { beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { fakeBrowser } from 'wxt/testing/fake-browser'
import { createRolecallClient } from '../../stores/api/create-client.ts'
import { createApi } from '../../stores/api/index.ts'
import { refreshQueue } from '../../stores/extension/background/refresh.ts'
import { ensureRefreshAlarm, refreshAlarm, startBackground } from '../../stores/extension/background/start.ts'
import { extensionAuthStorage, extensionClient, sessionKey } from '../../stores/extension/client.ts'
import type { Connection } from '../../stores/extension/connection.ts'
import { selectedOrgItem, snapshotItem } from '../../stores/extension/snapshot.ts'
import { until } from '../components/invitations/support.ts'
import { demoPassword, justPaid, useStack } from '../stores/support.ts'
import { useBrowserLanguage } from './support/browser.ts'
import { freshExtension } from './support/extension.ts'

const paycove = 'a0000000-0000-4000-8000-000000000004'
/** user@justpaid.demo's member row in JustPaid (supabase/seed.sql); the seed ticks its "Approve Bills". */
const userMember = 'c0000000-0000-4000-8000-000000000103'

describe('the background', async () => {
  const stack = await useStack()
  const project: Connection = { url: stack.url, anonKey: stack.config.anonKey }
  /** An admin acting from their own browser (a client of its own, nothing stored). */
  const adminOf = async (email: string) => {
    const client = createRolecallClient(stack.url, stack.config.anonKey, { auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false } })
    await client.auth.signInWithPassword({ email, password: demoPassword })
    return createApi(client)
  }
  let lastSaved: string | null = null
  let refresh: ReturnType<typeof startBackground>
  const justPaidAdmin = await adminOf('admin@justpaid.demo')
  const badge = () => fakeBrowser.action.getBadgeText({})
  const notifications = () => fakeBrowser.notifications.getAllCreateOptions() as Record<string, { title: string; message: string; iconUrl: string }>
  /** The alarm fires, and the refresh it starts has saved a snapshot newer than `since`. */
  async function alarmRefresh(since: string) {
    await fakeBrowser.alarms.onAlarm.trigger((await fakeBrowser.alarms.get(refreshAlarm))!)
    await until(() => lastSaved !== null && lastSaved > since)
  }

  beforeAll(async () => {
    await freshExtension('en', project)
    refresh = startBackground()
    snapshotItem.watch((snapshot) => {
      lastSaved = snapshot?.savedAt ?? lastSaved
    })
  })

  it('schedules its refresh every minute, and a later wake-up keeps that schedule', async () => {
    const [alarm, ...others] = await fakeBrowser.alarms.getAll()
    expect(others).toEqual([])
    expect(alarm).toMatchObject({ name: refreshAlarm, periodInMinutes: 1 })
    await ensureRefreshAlarm()
    expect(await fakeBrowser.alarms.getAll()).toEqual([alarm])
  })

  it('signed out: clears the cache and the badge', async () => {
    expect(await refresh()).toEqual({ state: 'signedOut' })
    expect(await snapshotItem.getValue()).toBeNull()
    expect(await badge()).toBe('')
  })

  it('after sign-in (the options page asks for a refresh): saves the first snapshot quietly, no badge', async () => {
    const page = (await extensionClient())!
    await page.auth.signInWithPassword({ email: 'user@justpaid.demo', password: demoPassword })
    const reply = await fakeBrowser.runtime.sendMessage({ type: 'rolecall:refresh' })
    expect(reply).toEqual({ ok: true })
    const snapshot = await snapshotItem.getValue()
    expect(snapshot?.email).toBe('user@justpaid.demo')
    expect(snapshot?.organizations.map((o) => o.name)).toEqual(['JustPaid Demo Inc.'])
    expect(await badge()).toBe('')
    expect(await fakeBrowser.action.getTitle({})).toBe('Rolecall — my teams and permissions')
    expect(notifications()).toEqual({})
  })

  it('notifies a checkbox the admin ticks, by the product\'s name, when the alarm fires', async () => {
    const before = (await snapshotItem.getValue())!.savedAt
    await justPaidAdmin.members.setOverrides(userMember, ['approve_bills', 'view_reports_and_data'], [])
    await alarmRefresh(before)
    await until(() => 'rolecall.changes' in notifications())
    expect(notifications()['rolecall.changes']).toEqual({
      type: 'basic',
      iconUrl: 'chrome-extension://test-extension-id/icon/128.png',
      title: 'Rolecall: changes in your teams',
      message: 'JustPaid Demo Inc.: now allowed — View Reports and Data.',
    })
    const after = await snapshotItem.getValue()
    expect(after?.permissions[justPaid]?.find((p) => p.key === 'reports.view')?.granted).toBe(true)
  })

  it('counts an invitation in the badge and its tooltip, and notifies it', async () => {
    await fakeBrowser.notifications.clear('rolecall.changes')
    const paycoveAdmin = await adminOf('admin@paycove.demo')
    const { data: roles } = await paycoveAdmin.client.from('roles').select('id, name').eq('organization_id', paycove).order('rank')
    const lowest = roles![0]!
    const sent = await paycoveAdmin.client.functions.invoke('invite', { body: { organization_id: paycove, email: 'user@justpaid.demo', role_id: lowest.id } })
    expect(sent.error).toBeNull()

    // The popup accepted nothing yet; it asks the background after its own changes, as the options page does.
    await fakeBrowser.runtime.sendMessage({ type: 'rolecall:refresh' })
    expect(await badge()).toBe('1')
    expect(await fakeBrowser.action.getTitle({})).toBe('Rolecall — pending invitations: 1')
    expect(notifications()['rolecall.changes']?.message).toBe(`Paycove Demo LLC invites you as ${lowest.name}.`)
  })

  it('a click on the notification opens the popup, or its page in a tab where the browser cannot', async () => {
    await fakeBrowser.notifications.create('rolecall.changes', { type: 'basic', iconUrl: '', title: 't', message: 'm' })
    // The fake browser, like an older Chrome, has no action.openPopup for extensions: the popup's page opens in a tab.
    await fakeBrowser.notifications.onClicked.trigger('rolecall.changes')
    await expect.poll(async () => (await fakeBrowser.tabs.query({})).some((tab) => tab.url?.endsWith('/popup.html'))).toBe(true)
    expect(notifications()).not.toHaveProperty('rolecall.changes')

    const opened: string[] = []
    const original = fakeBrowser.action.openPopup
    fakeBrowser.action.openPopup = async () => void opened.push('popup')
    onTestFinished(() => void (fakeBrowser.action.openPopup = original))
    await fakeBrowser.notifications.onClicked.trigger('rolecall.changes')
    await until(() => opened.length === 1)
    await fakeBrowser.notifications.onClicked.trigger('another extension notification')
    expect(opened).toEqual(['popup'])
  })

  it('speaks the browser\'s language: a Ukrainian browser reads the change and the checkbox in Ukrainian', async () => {
    await useBrowserLanguage('uk')
    onTestFinished(() => useBrowserLanguage('en'))
    await fakeBrowser.notifications.clear('rolecall.changes')
    const before = (await snapshotItem.getValue())!.savedAt
    await justPaidAdmin.members.setOverrides(userMember, ['approve_bills'], [])
    await alarmRefresh(before)
    await until(() => 'rolecall.changes' in notifications())
    expect(notifications()['rolecall.changes']).toMatchObject({
      title: 'Rolecall: зміни у ваших командах',
      message: 'JustPaid Demo Inc.: більше не дозволено — Перегляд звітів і даних.',
    })
    expect(await fakeBrowser.action.getTitle({})).toBe('Rolecall — запрошень, що очікують: 1')
  })

  it('keeps the session fresh: a token about to expire is refreshed by the next refresh', async () => {
    const key = sessionKey(project)
    const session = JSON.parse((await extensionAuthStorage.getItem(key))!) as { refresh_token: string; expires_at: number }
    // As if the hour had nearly passed: supabase-js refreshes a token that expires within 90 s when it is read.
    await extensionAuthStorage.setItem(key, JSON.stringify({ ...session, expires_at: Math.floor(Date.now() / 1000) + 30 }))
    expect(await refresh()).toMatchObject({ state: 'fresh' })
    const refreshed = JSON.parse((await extensionAuthStorage.getItem(key))!) as { refresh_token: string; expires_at: number }
    // NOTE: the refresh token, not the access token: one issued in the same second can read the same.
    expect(refreshed.refresh_token).not.toBe(session.refresh_token)
    expect(refreshed.expires_at).toBeGreaterThan(Math.floor(Date.now() / 1000) + 600)
  })

  it('opens the side panel in the popup\'s window on the organization asked for', async () => {
    const opened: unknown[] = []
    fakeBrowser.sidePanel.open = (async (options: unknown) => {
      opened.push(options)
    }) as typeof fakeBrowser.sidePanel.open
    expect(await fakeBrowser.runtime.sendMessage({ type: 'rolecall:open-side-panel', organization: justPaid, windowId: 7 })).toEqual({ ok: true })
    expect(opened).toEqual([{ windowId: 7 }])
    expect(await selectedOrgItem.getValue()).toBe(justPaid)
  })

  it('after sign-out: the cache and the badge are cleared', async () => {
    await (await extensionClient())!.auth.signOut({ scope: 'local' })
    expect(await refresh()).toEqual({ state: 'signedOut' })
    expect(await snapshotItem.getValue()).toBeNull()
    expect(await badge()).toBe('')
    expect(await fakeBrowser.action.getTitle({})).toBe('Rolecall — my teams and permissions')
  })
})

describe('refreshQueue', () => {
  it('runs one refresh at a time: requests during a run make exactly one more run, which they all wait for', async () => {
    const runs: Array<() => void> = []
    const request = refreshQueue(() => new Promise((resolve) => runs.push(() => resolve({ state: 'signedOut' }))))
    const first = request()
    const during = [request(), request(), request()]
    expect(runs).toHaveLength(1)
    runs[0]!()
    await first
    await until(() => runs.length === 2)
    runs[1]!()
    expect(await Promise.all(during)).toEqual([{ state: 'signedOut' }, { state: 'signedOut' }, { state: 'signedOut' }])
    expect(runs).toHaveLength(2)
  })
})
