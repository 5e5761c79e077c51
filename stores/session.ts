import type { Session, User } from '@supabase/supabase-js'
import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import { type AnyClient, createApi, fromAuth, type RolecallApi } from './api/index.ts'
import { useRequestState } from './request-state.ts'

/** The client, the typed API over it, and who is signed in. */
export const useSessionStore = defineStore('session', () => {
  /** The typed API over the connected client (ours or the host's), null before `connect`. */
  const api = shallowRef<RolecallApi | null>(null)
  /** The signed-in user, null when signed out. */
  const user = shallowRef<User | null>(null)
  /** Whether someone is signed in. */
  const signedIn = computed(() => user.value !== null)
  /** A sign-in or sign-out is running / the last refusal. */
  const { loading, error, track } = useRequestState()

  /** The API, or an error when `connect` was never called (a wiring bug, not a user error). */
  function requireApi(): RolecallApi {
    if (!api.value) throw new Error('session.connect(client) must run first')
    return api.value
  }

  /**
   * Uses `client` for everything (the host's, reusing its sign-in, or `createRolecallClient`'s), reads its
   * user and follows its sign-ins and sign-outs (the host's own too, an expired session) until the
   * returned function stops that.
   */
  async function connect(client: AnyClient): Promise<() => void> {
    const connected = createApi(client)
    api.value = connected
    // NOTE: only state is set here: supabase-js calls back while holding its auth lock, so another auth
    // call from inside would wait forever. A client replaced by a later connect no longer speaks.
    const { data: { subscription } } = client.auth.onAuthStateChange((_event, changed) => {
      if (api.value === connected) user.value = changed?.user ?? null
    })
    const { data } = await client.auth.getSession()
    if (api.value === connected) user.value = data.session?.user ?? null
    return () => subscription.unsubscribe()
  }

  /** Signs in with email and password. */
  function signInWithPassword(email: string, password: string) {
    return track(async () => {
      const { data, error: refused } = await requireApi().client.auth.signInWithPassword({ email, password })
      if (refused) throw fromAuth(refused)
      user.value = data.user
    })
  }

  /** Emails a one-time sign-in code to an existing account. */
  function sendEmailCode(email: string) {
    return track(async () => {
      const { error: refused } = await requireApi().client.auth.signInWithOtp({ email, options: { shouldCreateUser: false } })
      if (refused) throw fromAuth(refused)
    })
  }

  /** Signs in with the emailed code. */
  function verifyEmailCode(email: string, token: string) {
    return track(async () => {
      const { data, error: refused } = await requireApi().client.auth.verifyOtp({ email, token, type: 'email' })
      if (refused) throw fromAuth(refused)
      user.value = data.user
    })
  }

  /** Signs in with a session the server handed out (accepting an invitation as a new user). */
  function adoptSession(created: Session) {
    return track(async () => {
      const { data, error: refused } = await requireApi().client.auth.setSession(created)
      if (refused) throw fromAuth(refused)
      user.value = data.user
    })
  }

  /** Signs out (this tab's session only). */
  function signOut() {
    return track(async () => {
      const { error: refused } = await requireApi().client.auth.signOut({ scope: 'local' })
      if (refused) throw fromAuth(refused)
      user.value = null
    })
  }

  return { api, user, signedIn, loading, error, requireApi, connect, signInWithPassword, sendEmailCode, verifyEmailCode, adoptSession, signOut }
})
