import type { PgError } from '../db/database.ts'

/** The most characters of client input a parse error repeats. */
const maxEcho = 120
/** The longest message, details or hint an error body carries (Postgres errors quote the values they reject). */
const maxErrorText = 1000

/**
 * Shortens `text` to `max` characters, saying how much was cut: an error must not send a 9 MB
 * argument back to the client (or into the logs).
 */
export function clip(text: string, max = maxEcho): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`
}

/** An error PostgREST would answer with: `{ code, message, details, hint }` and an HTTP status. */
export class RestError extends Error {
  readonly details: string | null
  readonly hint: string | null

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    details: string | null = null,
    hint: string | null = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(clip(message, maxErrorText))
    this.details = details === null ? null : clip(details, maxErrorText)
    this.hint = hint === null ? null : clip(hint, maxErrorText)
  }

  /** The JSON body. */
  body(): { code: string; message: string; details: string | null; hint: string | null } {
    return { code: this.code, message: this.message, details: this.details, hint: this.hint }
  }
}

/** PGRST100: a query parameter that does not parse. */
export function parseError(what: string, value: string, details: string): RestError {
  return new RestError(400, 'PGRST100', `failed to parse ${what} (${clip(value)})`, details)
}

/** PGRST204 for a column the relation does not have. */
export function columnNotFound(relation: string, column: string): RestError {
  return new RestError(400, 'PGRST204', `Could not find the '${clip(column)}' column of '${relation}' in the schema cache`)
}

/** 42703 like Postgres for an unknown column in filters, order or select. */
export function undefinedColumn(relation: string, column: string): RestError {
  return new RestError(400, '42703', `column ${relation}.${clip(column)} does not exist`)
}

/**
 * The HTTP status PostgREST gives a Postgres error (PostgREST's src/library/PostgREST/Error.hs,
 * mapSQLtoHTTP). `authenticated` tells 401 from 403 for 42501.
 */
export function statusForSqlState(code: string, message: string, authenticated: boolean): number {
  const exact: Record<string, number> = {
    '23503': 409,
    '23505': 409,
    '25006': 405,
    '53400': 500,
    '57P01': 503,
    P0001: 400,
    '42883': 404,
    '42P01': 404,
    '42P17': 500,
  }
  if (code === '42501') return authenticated ? 403 : 401
  if (code === '21000') return message.endsWith('requires a WHERE clause') ? 400 : 500
  if (code === '22023') return message.startsWith('role') && message.endsWith('does not exist') ? 401 : 400
  if (exact[code]) return exact[code]!
  if (/^PT\d{3}$/.test(code)) {
    const status = Number(code.slice(2))
    return status >= 100 && status <= 599 ? status : 500
  }
  const prefixes: [string, number][] = [
    ['08', 503], ['09', 500], ['0L', 403], ['0P', 403], ['25', 500], ['28', 403], ['2D', 500], ['38', 500],
    ['39', 500], ['3B', 500], ['40', 500], ['53', 503], ['54', 500], ['55', 500], ['57', 500], ['58', 500],
    ['F0', 500], ['HV', 500], ['P0', 500], ['XX', 500],
  ]
  for (const [prefix, status] of prefixes) if (code.startsWith(prefix)) return status
  return 400
}

/**
 * Turns an error thrown by a query into PostgREST's response. `RAISE SQLSTATE 'PGRST'` with JSON in
 * MESSAGE and DETAIL takes full control of the response, as PostgREST allows.
 */
export function fromPgError(error: unknown, authenticated: boolean): RestError {
  if (error instanceof RestError) return error
  const pgError = error as PgError
  if (typeof pgError?.code !== 'string' || pgError.code.length !== 5) {
    return new RestError(503, 'PGRST000', 'Database connection error.', pgError?.message ?? String(error))
  }
  if (pgError.code === 'PGRST') {
    try {
      const message = JSON.parse(pgError.message) as { code: string; message: string; details?: string; hint?: string }
      const detail = JSON.parse(pgError.detail ?? '') as { status: number; headers?: Record<string, string> }
      return new RestError(detail.status, message.code, message.message, message.details ?? null, message.hint ?? null, detail.headers ?? {})
    } catch {
      return new RestError(500, 'PGRST121', `Could not parse JSON in the "RAISE SQLSTATE 'PGRST'" error`)
    }
  }
  const status = statusForSqlState(pgError.code, pgError.message, authenticated)
  const headers: Record<string, string> = status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {}
  return new RestError(status, pgError.code, pgError.message, pgError.detail ?? null, pgError.hint ?? null, headers)
}
