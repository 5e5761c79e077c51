/** What a refusal carries, whichever layer (PostgREST, an edge function, Auth) answered it. */
export interface RolecallErrorInit {
  code: string
  status: number
  message: string
  details?: string | null
}

/**
 * The one error the API module throws: the server's `code` (RC1xx–RC4xx, PGRST…, 42501, the functions'
 * codes such as `reauthentication_required`, Auth's such as `invalid_credentials`), the HTTP status, the
 * server's message and details, and `messageKey` for the UI's i18n (`errors.RC104`).
 */
export class RolecallError extends Error {
  /** The server's code. */
  readonly code: string
  /** The HTTP status (0 when the request never got an answer). */
  readonly status: number
  /** The server's `details` / `detail` (for RC103 the missing permission, for RC303 the entry). */
  readonly details: string | null
  /** The i18n key of the message: `errors.<code>`. */
  readonly messageKey: string

  constructor(init: RolecallErrorInit) {
    super(init.message)
    this.name = 'RolecallError'
    this.code = init.code
    this.status = init.status
    this.details = init.details ?? null
    this.messageKey = `errors.${init.code}`
  }
}

/** Code of a request that never reached the server (offline, CORS, DNS). */
export const networkErrorCode = 'network'

/**
 * A PostgREST error (`{ code, message, details, hint }`) with the response status. NOTE: postgrest-js
 * answers a fetch that never reached the server (or was aborted) with status 0 and an empty code.
 */
export function fromPostgrest(error: { code?: string; message: string; details?: string | null }, status: number): RolecallError {
  const code = status === 0 ? networkErrorCode : error.code || `HTTP${status}`
  return new RolecallError({ code, status, message: error.message, details: error.details ?? null })
}

/**
 * A supabase-js Auth error (`AuthApiError` and kin carry `code` and `status`). NOTE: auth-js reports a
 * fetch that never reached the server as `AuthRetryableFetchError` with status 0; an `AuthUnknownError`
 * (an answer it could not read) has no status at all, so only an explicit 0 counts as unreachable.
 */
export function fromAuth(error: { code?: string; status?: number; message: string }): RolecallError {
  const code = error.status === 0 ? networkErrorCode : error.code ?? 'auth_error'
  return new RolecallError({ code, status: error.status ?? 0, message: error.message })
}

/**
 * An error of `functions.invoke`: an HTTP error's body is `{ code, message, details }` (README, edge
 * functions); a relay or fetch error has no answer to read.
 */
export async function fromFunctions(error: unknown): Promise<RolecallError> {
  const context = (error as { context?: unknown }).context
  if (context instanceof Response) {
    const body = (await context.json().catch(() => null)) as Partial<RolecallErrorInit> | null
    return new RolecallError({
      code: body?.code ?? `HTTP${context.status}`,
      status: context.status,
      message: body?.message ?? context.statusText,
      details: typeof body?.details === 'string' ? body.details : body?.details == null ? null : JSON.stringify(body.details),
    })
  }
  return new RolecallError({ code: networkErrorCode, status: 0, message: error instanceof Error ? error.message : String(error) })
}

/** Whether `error` is a RolecallError, optionally with one of `codes`. */
export function isRolecallError(error: unknown, ...codes: string[]): error is RolecallError {
  return error instanceof RolecallError && (codes.length === 0 || codes.includes(error.code))
}

/** Any thrown value as a RolecallError (a bug or a broken connection becomes `internal` / `network`). */
export function toRolecallError(error: unknown): RolecallError {
  if (error instanceof RolecallError) return error
  const message = error instanceof Error ? error.message : String(error)
  return new RolecallError({ code: error instanceof TypeError ? networkErrorCode : 'internal', status: 0, message })
}
