import type { User } from '@supabase/supabase-js'
import { anonClient, bearerToken } from './clients.ts'
import { FunctionError } from './http.ts'

/** How recent a sign-in must be to stand in for typing the password again. */
export const freshSignInSeconds = 300

function signInTimes(jwt: string): number[] {
  try {
    const payload = JSON.parse(atob(jwt.split('.')[1]!.replaceAll('-', '+').replaceAll('_', '/')))
    return Array.isArray(payload.amr) ? payload.amr.map((entry: { timestamp?: number }) => Number(entry.timestamp ?? 0)) : []
  } catch {
    return []
  }
}

/**
 * Sensitive actions (handing over primary admin) need the caller's password again, or a sign-in
 * within the last five minutes (the `amr` timestamps Supabase Auth puts in the access token; a token
 * refresh does not renew them).
 */
export async function requireRecentAuthentication(req: Request, user: User, password: unknown, now = Date.now()): Promise<void> {
  if (typeof password === 'string' && password !== '') {
    const { error } = await anonClient().auth.signInWithPassword({ email: user.email ?? '', password })
    if (error) throw new FunctionError('reauthentication_failed', 'That password is not correct', 401)
    return
  }
  const latest = Math.max(0, ...signInTimes(bearerToken(req)))
  if (now / 1000 - latest > freshSignInSeconds) {
    throw new FunctionError('reauthentication_required', 'Confirm your password to continue', 401)
  }
}
