import { i18n } from '#i18n'
import { browser } from 'wxt/browser'

/** The toolbar button: `action` in MV3, `browserAction` in Firefox's MV2 build. */
function toolbarButton() {
  return browser.action ?? browser.browserAction
}

/**
 * The toolbar badge: the number of pending invitations addressed to the user (nothing when none), also
 * said in the button's tooltip, in the browser's language.
 */
export async function showInvitationBadge(count: number): Promise<void> {
  const button = toolbarButton()
  await Promise.all([
    button.setBadgeText({ text: count > 0 ? String(count) : '' }),
    button.setBadgeBackgroundColor({ color: '#4338ca' }),
    button.setTitle({ title: count > 0 ? i18n.t('badge.invitations', { count }) : i18n.t('actionTitle') }),
  ])
}
