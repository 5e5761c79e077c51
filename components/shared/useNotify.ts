import { useToastManager } from 'reka-ui'
import { useI18n } from 'vue-i18n'
import { type Refusal, refusalKey } from './refusal-text.ts'

/** What {@link useNotify} needs of a failure: a RolecallError's `code` (shown small beside the message) and `messageKey`. */
export type NotifiableError = Refusal

/**
 * Toasts for a screen inside {@link NotificationProvider}: `success(text)` after a change, `failure(error)` with the
 * server's refusal in the user's language (unknown keys read "Something went wrong").
 */
export function useNotify() {
  const { add } = useToastManager()
  const { t, te } = useI18n()
  return {
    /** A change went through. */
    success: (title: string, description?: string) => add({ title, description, status: 'success', type: 'foreground' }),
    /** A change was refused or failed. */
    failure: (error: NotifiableError) => add({
      title: t(refusalKey(error, te)),
      description: error.code,
      status: 'error',
      type: 'foreground',
      duration: 10_000,
    }),
  }
}
