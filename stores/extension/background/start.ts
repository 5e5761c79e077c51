import { type Browser, browser } from 'wxt/browser'
import { resetExtensionClient } from '../client.ts'
import { connectionItem } from '../connection.ts'
import { openSidePanel } from '../side-panel.ts'
import { selectedOrgItem, snapshotItem } from '../snapshot.ts'
import { showInvitationBadge } from './badge.ts'
import { changesNotification, showChanges } from './notify.ts'
import { isRolecallMessage, type RolecallMessage, type RolecallReply } from './messages.ts'
import { refreshOnce, type RefreshOutcome, refreshQueue } from './refresh.ts'

/** The alarm that wakes the background to refresh. */
export const refreshAlarm = 'rolecall.refresh'
/** Minutes between refreshes (Chrome's shortest period is 30 s; a minute keeps a 1-hour token fresh). */
const periodInMinutes = 1

/** Creates the refresh alarm unless it exists (re-creating it on every wake-up would keep postponing it). */
export async function ensureRefreshAlarm(): Promise<void> {
  if (!(await browser.alarms.get(refreshAlarm))) await browser.alarms.create(refreshAlarm, { periodInMinutes })
}

/**
 * Answers a page's message: `rolecall:refresh` after the refresh it asked for; `rolecall:open-side-panel`
 * by opening the side panel first (still inside the popup's click, which Chrome requires) and then
 * remembering the organization for it.
 */
export function answer(message: RolecallMessage, sender: Browser.runtime.MessageSender, refresh: () => Promise<RefreshOutcome>): Promise<RolecallReply> {
  if (message.type === 'rolecall:refresh') return refresh().then(() => ({ ok: true }))
  const opened = openSidePanel(message.windowId ?? sender.tab?.windowId)
  return opened
    .then(() => (message.organization ? selectedOrgItem.setValue(message.organization) : undefined))
    .then(() => ({ ok: true }))
}

/**
 * The background's wiring (entrypoints/background.ts calls it once per service-worker start): refresh on
 * install, browser start, the alarm, a page's request and a new connection; the badge follows the saved
 * snapshot, whoever saved it (the popup refreshes too); a click on the notification shows the changes.
 * Returns the refresh, for tests.
 */
export function startBackground(): () => Promise<RefreshOutcome> {
  const refresh = refreshQueue(() => refreshOnce())
  const refreshLogged = () => void refresh().catch((error: unknown) => console.error('Rolecall refresh failed', error))

  browser.runtime.onInstalled.addListener(refreshLogged)
  browser.runtime.onStartup.addListener(refreshLogged)
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === refreshAlarm) refreshLogged()
  })
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (reply: RolecallReply) => void) => {
    if (!isRolecallMessage(message)) return false
    answer(message, sender, refresh).then(sendResponse, (error: unknown) => sendResponse({ ok: false, error: String(error) }))
    // NOTE: `true` keeps the channel open for the asynchronous answer (Chrome ignores a returned promise).
    return true
  })
  connectionItem.watch(() => {
    resetExtensionClient()
    refreshLogged()
  })
  snapshotItem.watch((snapshot) => void showInvitationBadge(snapshot?.invitations.length ?? 0))
  browser.notifications.onClicked.addListener((id) => {
    if (id === changesNotification) void showChanges()
  })
  void ensureRefreshAlarm()
  return refresh
}
