import { useI18n } from 'vue-i18n'

/** What a refusal needs to be put into words: a RolecallError's `code` and `messageKey`. */
export interface Refusal {
  /** The server's code (RC104, invalid_credentials, network, …). */
  code?: string
  /** `errors.<code>`. */
  messageKey?: string
}

/**
 * The message key of a refusal: the screen's own words for its code when it has them (`<ownWords>.<code>`:
 * the sign-in's `signIn.failures.invalid_credentials`, …), else the shared `errors.<code>`, else
 * "Something went wrong" (never a raw key).
 */
export function refusalKey(refusal: Refusal, te: (key: string) => boolean, ownWords?: string): string {
  const candidates = [ownWords && refusal.code ? `${ownWords}.${refusal.code}` : undefined, refusal.messageKey]
  return candidates.find((key): key is string => !!key && te(key)) ?? 'errors.unknown'
}

/** A refusal in the user's language for inline errors (toasts use `useNotify`, which puts it the same way). */
export function useRefusalText(ownWords?: string) {
  const { t, te } = useI18n()
  return (refusal: Refusal | null | undefined): string => (refusal ? t(refusalKey(refusal, te, ownWords)) : '')
}
