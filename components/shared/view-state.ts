import type { ViewState } from './StateView.vue'

/** The refusals that mean "not for you" rather than "try again" (signed out, not a member, no permission). */
const refusedCodes = ['RC101', 'RC102', 'RC103', '42501']

/**
 * A screen's state from its read: refused or failed (the read's error), still loading, empty or ready.
 * `alsoRefused`: codes that mean "not for you" on this screen only (Settings: the organization's row that
 * RLS hides, PGRST116).
 */
export function viewState(read: { error: { code: string } | null | undefined; loaded: boolean; empty: boolean }, alsoRefused: string[] = []): ViewState {
  if (read.error) return [...refusedCodes, ...alsoRefused].includes(read.error.code) ? 'refused' : 'error'
  if (!read.loaded) return 'loading'
  return read.empty ? 'empty' : 'ready'
}
