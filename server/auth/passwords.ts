import { hash, verify } from '@node-rs/bcrypt'
import { AuthError } from './errors.ts'
import type { AuthContext } from './context.ts'

/** bcrypt reads only the first 72 bytes of a password; Supabase Auth refuses longer ones (internal/api/password.go). */
export const maxPasswordBytes = 72

// NOTE: a well-formed cost-10 hash: checking against it costs a real comparison, as a wrong password does.
const dummyHash = '$2b$10$C6UzMDM.H6dfI/f/IKxGhuW3dFqDmqZ5dGL1Lz0hqvGu0Cq5ZrbEe'

/** A bcrypt hash at Supabase Auth's cost (10), computed on libuv's thread pool so the event loop stays free. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, 10)
}

/**
 * Whether the password matches the stored hash ($2a$ from pgcrypto and $2b$ alike), on the thread
 * pool. A missing hash compares against a dummy one, so timing does not tell which users exist;
 * a password over 72 bytes never matches (bcrypt would silently compare only its first 72 bytes).
 */
export async function passwordMatches(password: string, stored: string | null | undefined): Promise<boolean> {
  const ok = await verify(password, stored || dummyHash)
  return ok && Boolean(stored) && Buffer.byteLength(password, 'utf8') <= maxPasswordBytes
}

/** Validates a new password as Supabase Auth does: at most 72 bytes (400), then the configured minimum (422 weak_password). */
export function checkPassword(ctx: AuthContext, password: unknown): string {
  if (typeof password !== 'string') throw new AuthError(422, 'validation_failed', 'Password is required')
  if (Buffer.byteLength(password, 'utf8') > maxPasswordBytes) {
    throw new AuthError(400, 'validation_failed', `Password cannot be longer than ${maxPasswordBytes} characters`)
  }
  if (password.length < ctx.settings.minimumPasswordLength) {
    throw new AuthError(422, 'weak_password', `Password should be at least ${ctx.settings.minimumPasswordLength} characters.`, { weak_password: { reasons: ['length'] } })
  }
  return password
}
