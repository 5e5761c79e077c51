import type { Database } from '../db/database.ts'
import type { ApiRequest, ApiResponse } from '../http/types.ts'
import type { JwtKeys } from '../jwt.ts'
import type { AuthSettings } from '../config.ts'
import type { Mailbox } from '../mailbox.ts'
import { AuthError, apiVersion } from './errors.ts'
import type { AuthRateLimiter } from './rate-limits.ts'

/** What the Auth handler needs from the server. */
export interface AuthContext {
  db: Database
  jwt: JwtKeys
  mailbox: Mailbox
  settings: AuthSettings
  /** `[auth.rate_limit]`, made by the AuthServer from `settings`. */
  limits: AuthRateLimiter
  /** The URL clients reach the API at (for `iss` and links). */
  publicUrl(): string
  /** Claims of the API key or bearer token when they are the service role. */
  isServiceRole(token: string): Promise<boolean>
}

/** A JSON request body: always an object. */
export type Body = Record<string, unknown>

/** Supabase Auth's JSON response, with the API version header. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): ApiResponse {
  return { status, headers: { 'Content-Type': 'application/json; charset=utf-8', 'X-Supabase-Api-Version': apiVersion, ...headers }, body: JSON.stringify(body) }
}

/** The request body as a JSON object ({} when empty); bad_json otherwise. */
export function parseBody(req: ApiRequest): Body {
  const text = req.body.toString('utf8')
  if (text.trim() === '') return {}
  try {
    const value = JSON.parse(text)
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Body
  } catch {
    // falls through
  }
  throw new AuthError(400, 'bad_json', 'Could not parse request body as JSON')
}
