import { useI18n } from 'vue-i18n'
import type { NotifiableError } from '../shared/useNotify.ts'

/**
 * The server's refusal in the user's language, for inline form errors (toasts use `useNotify`); an
 * unknown code reads "Something went wrong" rather than a raw key.
 */
export function useRefusalText() {
  const { t, te } = useI18n()
  return (error: NotifiableError | null | undefined): string =>
    error ? t(error.messageKey && te(error.messageKey) ? error.messageKey : 'errors.unknown') : ''
}
