import type { PgError } from '../db/database.ts'

/** An error of the Auth API: HTTP status, Supabase Auth's `error_code` and message. */
export class AuthError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message)
  }
}

/**
 * A refusal by Rolecall's rules (SQLSTATE class RC, e.g. RC201 when deleting an organization's
 * primary member) during an Auth action, as a 4xx with the SQLSTATE as its code: 409 for the RC2xx
 * invariants (the request conflicts with the current state), 400 otherwise. Null for other errors.
 */
export function fromRolecallRefusal(error: unknown): AuthError | null {
  const pgError = error as PgError | null
  if (typeof pgError?.code !== 'string' || !/^RC\d{3}$/.test(pgError.code)) return null
  const message = pgError.hint ? `${pgError.message}. ${pgError.hint}` : pgError.message
  return new AuthError(pgError.code.startsWith('RC2') ? 409 : 400, pgError.code, message)
}

/** The API version auth-js sends; from it on, errors are `{ code: <error_code>, message }`. */
export const apiVersion = '2024-01-01'

/**
 * The body Supabase Auth sends for an error: `{ code, message }` to clients that send
 * `X-Supabase-Api-Version: 2024-01-01` or later (auth-js does), the older
 * `{ code: <status>, error_code, msg }` to others.
 */
export function authErrorBody(error: AuthError, requestedVersion: string | undefined): Record<string, unknown> {
  if (requestedVersion && requestedVersion >= apiVersion) return { code: error.errorCode, message: error.message, ...error.extra }
  return { code: error.status, error_code: error.errorCode, msg: error.message, ...error.extra }
}
