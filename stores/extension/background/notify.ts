import { i18n } from '#i18n'
import { browser } from 'wxt/browser'
import type { Labels, SnapshotChange } from '../snapshot.ts'

/** The one notification of changes (a new one replaces it). */
export const changesNotification = 'rolecall.changes'

/** At most this many changes are listed in one notification; the rest are counted. */
const maxLines = 4

/** A label in the notification's language (the browser's, as it chose between locales/en.yml and uk.yml). */
function label(labels: Labels): string {
  return i18n.t('labelLanguage') === 'uk' ? labels.label_uk : labels.label_en
}

/** One change as a sentence, in the browser's language. */
export function changeText(change: SnapshotChange): string {
  const organization = change.organizationName
  switch (change.type) {
    case 'organization_joined': return i18n.t('notification.organizationJoined', { organization })
    case 'organization_left': return i18n.t('notification.organizationLeft', { organization })
    case 'role_changed': return i18n.t('notification.roleChanged', { organization, role: change.to, previous: change.from })
    case 'access_blocked':
      if (change.reason === 'deactivated') return i18n.t('notification.accessDeactivated', { organization })
      if (change.reason === 'ip_not_allowed') return i18n.t('notification.accessIpNotAllowed', { organization })
      return i18n.t('notification.accessBlocked', { organization })
    case 'access_restored': return i18n.t('notification.accessRestored', { organization })
    case 'permission_gained': return i18n.t('notification.permissionGained', { organization, permission: label(change) })
    case 'permission_lost': return i18n.t('notification.permissionLost', { organization, permission: label(change) })
    case 'invitation_received': return i18n.t('notification.invitationReceived', { organization, role: change.roleName })
  }
}

/** The notification's text: the first changes, one per line, and how many more there are. */
export function changesMessage(changes: SnapshotChange[]): string {
  const lines = changes.slice(0, maxLines).map(changeText)
  if (changes.length > maxLines) lines.push(i18n.t('notification.more', { count: changes.length - maxLines }))
  return lines.join('\n')
}

/** Tells the user what changed in one system notification (it replaces the previous one). */
export async function notifyChanges(changes: SnapshotChange[]): Promise<void> {
  if (changes.length === 0) return
  await browser.notifications.create(changesNotification, {
    type: 'basic',
    // NOTE: Chrome refuses a basic notification without an icon.
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: i18n.t('notification.title'),
    message: changesMessage(changes),
  })
}

/**
 * A click on the notification shows the changes: the popup where the browser opens it for the extension
 * (Chrome 127+, Firefox), else the popup's page in a tab, so a click is never lost.
 */
export async function showChanges(): Promise<void> {
  await browser.notifications.clear(changesNotification)
  try {
    await browser.action.openPopup()
  } catch {
    await browser.tabs.create({ url: browser.runtime.getURL('/popup.html') })
  }
}
