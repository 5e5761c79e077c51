import { browser } from 'wxt/browser'

/** Messages the pages send the background. */
export type RolecallMessage =
  /** Refresh the snapshot, badge and notifications now (after sign-in or -out, an accepted invitation…). */
  | { type: 'rolecall:refresh' }
  /**
   * Open the side panel on `organization` in window `windowId` (the popup knows its window). Send it
   * straight from the click handler: Chrome opens side panels only during a user gesture.
   */
  | { type: 'rolecall:open-side-panel'; organization?: string | null; windowId?: number }

/** The background's answer to a {@link RolecallMessage}. */
export type RolecallReply = { ok: true } | { ok: false; error: string }

/** Whether `value` is one of {@link RolecallMessage}. */
export function isRolecallMessage(value: unknown): value is RolecallMessage {
  const type = (value as { type?: unknown } | null)?.type
  return type === 'rolecall:refresh' || type === 'rolecall:open-side-panel'
}

/**
 * Asks the background to refresh now, without waiting for it. Never throws: when no background answers
 * (it failed to start), the next alarm refreshes anyway.
 */
export function requestRefresh(): void {
  const message: RolecallMessage = { type: 'rolecall:refresh' }
  browser.runtime.sendMessage(message).catch(() => undefined)
}
