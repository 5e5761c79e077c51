import { browser } from 'wxt/browser'

/** Firefox's sidebar (WXT turns the side panel entrypoint into its `sidebar_action`); absent from Chrome's types. */
interface SidebarAction {
  open(): Promise<void>
}

/**
 * Opens the team panel beside the page: Chrome's side panel in `windowId`, Firefox's sidebar.
 * NOTE: both browsers accept this only during a user gesture, so call it first thing in a click handler,
 * before any `await` (the window id is read beforehand, when the popup opens).
 */
export function openSidePanel(windowId: number | undefined): Promise<void> {
  const sidebar = (browser as unknown as { sidebarAction?: SidebarAction }).sidebarAction
  if (sidebar) return sidebar.open()
  if (!browser.sidePanel || windowId === undefined) return Promise.reject(new Error('This browser has no side panel'))
  return browser.sidePanel.open({ windowId })
}

/** The id of the window the popup belongs to (for {@link openSidePanel}). */
export async function currentWindowId(): Promise<number | undefined> {
  return (await browser.windows.getCurrent())?.id
}
