import { useI18n } from 'vue-i18n'
import type { RolecallError } from '../../stores/api/index.ts'

/**
 * An Auth refusal in the user's language: the screen's own words for Auth's codes (`<ownWords>.<code>`:
 * the sign-in's `signIn.failures.invalid_credentials`, …; the accept-invitation page passes its own), else
 * the panel's shared `errors.<code>` (an unreachable server is `errors.network`), else "Something went wrong".
 */
export function useSignInRefusal(ownWords = 'signIn.failures') {
  const { t, te } = useI18n()
  return (refusal: RolecallError | null): string => {
    if (!refusal) return ''
    const key = [`${ownWords}.${refusal.code}`, refusal.messageKey].find((candidate) => te(candidate))
    return t(key ?? 'errors.unknown')
  }
}
