import type { InvitationPreview } from '../../stores/api/index.ts'

/** The end pages of the accept page: the link's state, or how the answer went. */
export type AcceptOutcome = 'invalid' | 'expired' | 'revoked' | 'used' | 'member' | 'otherEmail' | 'accepted' | 'declined' | 'failed'

/** The server's refusals that end the flow, each with its own page (README, error codes). */
const outcomeByCode: Record<string, AcceptOutcome> = {
  RC401: 'invalid', RC402: 'expired', RC403: 'revoked', RC404: 'used', RC405: 'member', RC407: 'otherEmail',
}

/** The page for a refusal code, or undefined when the user can fix it in place (a wrong password). */
export function outcomeOfCode(code: string): AcceptOutcome | undefined {
  return outcomeByCode[code]
}

/** The page for a previewed link that can no longer be answered, or undefined while it is pending. */
export function outcomeOfStatus(status: InvitationPreview['status']): AcceptOutcome | undefined {
  return status === 'pending' ? undefined : status === 'expired' ? 'expired' : status === 'revoked' ? 'revoked' : 'used'
}

/**
 * The token from the link's `#token=` fragment, removed from the address bar so it is not left in the
 * history, a bookmark or a screenshot. Takes the window's `location` and `history` so tests need no mocks.
 */
export function takeInviteToken(location: Pick<Location, 'hash' | 'pathname' | 'search'>, history: Pick<History, 'replaceState' | 'state'>): string {
  const token = new URLSearchParams(location.hash.replace(/^#/, '')).get('token') ?? ''
  if (location.hash) history.replaceState(history.state, '', `${location.pathname}${location.search}`)
  return token
}

/**
 * The shortest password the accept-invitation function takes (it asks for 8, above Supabase Auth's 6);
 * bcrypt, which Auth uses, reads at most 72 bytes.
 */
export const passwordRules = { minLength: 8, maxBytes: 72 } as const

/** What is wrong with a new password (and its confirmation, when given), or null. */
export function passwordProblem(password: string, confirmation?: string): 'tooShort' | 'tooLong' | 'mismatch' | null {
  if (password.length < passwordRules.minLength) return 'tooShort'
  if (new TextEncoder().encode(password).length > passwordRules.maxBytes) return 'tooLong'
  if (confirmation !== undefined && confirmation !== password) return 'mismatch'
  return null
}
