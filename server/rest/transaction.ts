import type { Database, Statement } from '../db/database.ts'

function settingsSql(readOnly: boolean, timeout: boolean): string {
  return `select set_config('search_path', $1, true), set_config('role', $2, true), set_config('request.jwt.claims', $3, true),
    set_config('request.method', $4, true), set_config('request.path', $5, true), set_config('request.headers', $6, true),
    set_config('request.cookies', $7, true)${readOnly ? `, set_config('transaction_read_only', 'on', true)` : ''}${timeout ? `, set_config('statement_timeout', $8, true)` : ''}`
}

function cookiesOf(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {}
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0) cookies[part.slice(0, eq).trim()] = part.slice(eq + 1).trim()
  }
  return cookies
}

/** What a request sets before its statement (transaction-local, as PostgREST does). */
export interface RequestSettings {
  searchPath: string
  role: string
  claims: Record<string, unknown>
  method: string
  path: string
  headers: Record<string, string>
  readOnly: boolean
  /** `statement_timeout` for the request's statement; unset leaves the database's own. */
  statementTimeout?: string | null
}

/**
 * Runs the request the way PostgREST does: one transaction that first sets the search path, the role,
 * `request.jwt.claims`, `request.method`, `request.path`, `request.headers`, `request.cookies` and the
 * statement timeout (transaction-local, as PostgREST applies a role's settings), then runs one statement; `finish` sees its rows inside the transaction and may
 * throw to roll it back.
 */
export function runAsRequest<R, T>(db: Database, settings: RequestSettings, statement: Statement, finish: (rows: R[]) => T | Promise<T>): Promise<T> {
  return db.batch([settingsStatement(settings), statement], finish)
}

/** The statement that applies `settings` (the first of every request's transaction). */
export function settingsStatement(settings: RequestSettings): Statement {
  return {
    sql: settingsSql(settings.readOnly, Boolean(settings.statementTimeout)),
    params: [
      settings.searchPath,
      settings.role,
      JSON.stringify(settings.claims),
      settings.method,
      settings.path,
      JSON.stringify(settings.headers),
      JSON.stringify(cookiesOf(settings.headers.cookie)),
      ...(settings.statementTimeout ? [settings.statementTimeout] : []),
    ],
  }
}
