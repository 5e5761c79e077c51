import { computed, ref, shallowRef } from 'vue'
import { type RolecallError, toRolecallError } from '../../stores/api/index.ts'
import { useInvitationsStore } from '../../stores/invitations.ts'
import { useSessionStore } from '../../stores/session.ts'
import { type AcceptOutcome, outcomeOfCode, outcomeOfStatus } from './invite-token.ts'

/** Which part of the accept page shows. */
export type AcceptStep = 'loading' | 'outcome' | 'create' | 'signIn' | 'answer' | 'otherEmail'

/**
 * The accept page's flow for one link: the preview, then create a password (new user), sign in
 * (existing user) or answer (signed in as the invited address), ending on an outcome page. One action
 * runs at a time, so a double click never sends twice.
 */
export function useAcceptInvitation(token: string) {
  const invitations = useInvitationsStore()
  const session = useSessionStore()
  /** The end page, once there is one. */
  const outcome = ref<AcceptOutcome | null>(null)
  /** A refusal the user can fix in place (wrong password, weak password, network). */
  const formError = shallowRef<RolecallError | null>(null)
  /** An action is running. */
  const busy = ref(false)
  // NOTE: the preview can be stale: someone may have made the account since it loaded (account_exists).
  const accountExists = ref(false)

  const preview = computed(() => invitations.preview)
  const step = computed<AcceptStep>(() => {
    if (outcome.value) return 'outcome'
    if (!preview.value) return 'loading'
    if (session.user) return session.user.email?.toLowerCase() === preview.value.email.toLowerCase() ? 'answer' : 'otherEmail'
    return preview.value.user_exists || accountExists.value ? 'signIn' : 'create'
  })

  /** Runs one action; refusals that end the flow become their page, the rest stay beside the form. */
  async function run(action: () => Promise<unknown>, done?: AcceptOutcome): Promise<void> {
    if (busy.value) return
    busy.value = true
    formError.value = null
    try {
      await action()
      if (done) outcome.value = done
    } catch (thrown) {
      const error = toRolecallError(thrown)
      const ending = outcomeOfCode(error.code)
      if (ending) outcome.value = ending
      else formError.value = error
      if (error.code === 'account_exists') accountExists.value = true
    } finally {
      busy.value = false
    }
  }

  /** Loads the preview; a link that can no longer be answered goes straight to its page. */
  async function load(): Promise<void> {
    outcome.value = null
    if (!token) {
      outcome.value = 'invalid'
      return
    }
    try {
      await invitations.loadPreview(token)
      outcome.value = preview.value ? outcomeOfStatus(preview.value.status) ?? null : 'invalid'
    } catch (thrown) {
      outcome.value = outcomeOfCode(toRolecallError(thrown).code) ?? 'failed'
    }
  }

  return {
    preview,
    step,
    outcome,
    formError,
    busy,
    load,
    /** New user: creates the account with `password`, joins and signs in. */
    create: (password: string) => run(() => invitations.acceptAsNewUser(token, password), 'accepted'),
    /** Existing user: signs in as the invited address, then answers. */
    signIn: (password: string) => run(() => session.signInWithPassword(preview.value?.email ?? '', password)),
    /** Joins as the signed-in user. */
    accept: () => run(() => invitations.accept(token), 'accepted'),
    /** Declines as the signed-in user. */
    decline: () => run(() => invitations.decline(token), 'declined'),
    /** Signs out (signed in as another address), back to the sign-in or create form. */
    signOut: () => run(async () => {
      await session.signOut()
      outcome.value = preview.value ? outcomeOfStatus(preview.value.status) ?? null : null
    }),
  }
}
