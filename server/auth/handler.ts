import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto'
import bcrypt from 'bcryptjs'
import type { SqlRunner } from '../db/apply.ts'
import type { Database, PgError } from '../db/database.ts'
import type { ApiRequest, ApiResponse } from '../http/types.ts'
import { type Claims, JwtError, type JwtKeys } from '../jwt.ts'
import type { AuthSettings } from '../config.ts'
import type { Mailbox } from '../mailbox.ts'
import { AuthError, apiVersion, authErrorBody } from './errors.ts'
import { emailFor, type EmailKind } from './emails.ts'

/** What the Auth handler needs from the server. */
export interface AuthContext {
  db: Database
  jwt: JwtKeys
  mailbox: Mailbox
  settings: AuthSettings
  /** The URL clients reach the API at (for `iss` and links). */
  publicUrl(): string
  /** Claims of the API key or bearer token when they are the service role. */
  isServiceRole(token: string): Promise<boolean>
}

/** A row of auth.users as JSON (jsonb keeps both drivers' results alike). */
interface UserRow {
  id: string
  aud: string | null
  role: string | null
  email: string | null
  encrypted_password: string | null
  email_confirmed_at: string | null
  invited_at: string | null
  confirmation_token: string | null
  confirmation_sent_at: string | null
  recovery_token: string | null
  recovery_sent_at: string | null
  email_change_token_new: string | null
  email_change: string | null
  email_change_sent_at: string | null
  last_sign_in_at: string | null
  raw_app_meta_data: Record<string, unknown> | null
  raw_user_meta_data: Record<string, unknown> | null
  created_at: string | null
  updated_at: string | null
  phone: string | null
  phone_confirmed_at: string | null
  banned_until: string | null
  deleted_at: string | null
  is_anonymous: boolean
}

interface IdentityRow {
  id: string
  provider_id: string
  user_id: string
  identity_data: Record<string, unknown>
  provider: string
  last_sign_in_at: string | null
  created_at: string | null
  updated_at: string | null
  email: string | null
}

const userColumns = `to_jsonb(u) as u, (select coalesce(jsonb_agg(to_jsonb(i) order by i.created_at), '[]'::jsonb) from auth.identities i where i.user_id = u.id) as identities`
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

function parseJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T
}

/** The user object Supabase Auth returns. */
export function userJson(u: UserRow, identities: IdentityRow[]): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: u.id,
    aud: u.aud ?? 'authenticated',
    role: u.role ?? 'authenticated',
    email: u.email ?? '',
    email_confirmed_at: u.email_confirmed_at ?? undefined,
    phone: u.phone ?? '',
    confirmation_sent_at: u.confirmation_sent_at ?? undefined,
    confirmed_at: u.email_confirmed_at ?? u.phone_confirmed_at ?? undefined,
    recovery_sent_at: u.recovery_sent_at ?? undefined,
    email_change_sent_at: u.email_change_sent_at ?? undefined,
    new_email: u.email_change || undefined,
    invited_at: u.invited_at ?? undefined,
    last_sign_in_at: u.last_sign_in_at ?? undefined,
    app_metadata: u.raw_app_meta_data ?? {},
    user_metadata: u.raw_user_meta_data ?? {},
    identities: identities.map((i) => ({
      identity_id: i.id,
      id: i.provider_id,
      user_id: i.user_id,
      identity_data: i.identity_data,
      provider: i.provider,
      last_sign_in_at: i.last_sign_in_at,
      created_at: i.created_at,
      updated_at: i.updated_at,
      email: i.email ?? undefined,
    })),
    created_at: u.created_at,
    updated_at: u.updated_at,
    banned_until: u.banned_until ?? undefined,
    is_anonymous: u.is_anonymous ?? false,
  }
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key]
  return out
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): ApiResponse {
  return { status, headers: { 'Content-Type': 'application/json; charset=utf-8', 'X-Supabase-Api-Version': apiVersion, ...headers }, body: JSON.stringify(body) }
}

/** Supabase Auth's OTP hash: hex SHA-224 of email + code. */
export function tokenHash(email: string, otp: string): string {
  return createHash('sha224').update(email + otp).digest('hex')
}

function newOtp(length: number): string {
  let out = ''
  for (let i = 0; i < length; i++) out += String(randomInt(10))
  return out
}

function bearer(req: ApiRequest): string | null {
  const header = req.headers.authorization
  if (!header) return null
  const match = /^Bearer\s+(.*)$/i.exec(header)
  return match ? match[1]!.trim() : null
}

/** Merges metadata the way Supabase Auth does: top-level keys replace, null deletes. */
function mergeMetadata(current: Record<string, unknown> | null, update: unknown): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...(current ?? {}) }
  if (update && typeof update === 'object' && !Array.isArray(update)) {
    for (const [key, value] of Object.entries(update)) {
      if (value === null) delete merged[key]
      else merged[key] = value
    }
  }
  return merged
}

function isUniqueViolation(error: unknown): boolean {
  return (error as PgError)?.code === '23505'
}

type Body = Record<string, unknown>

/** The Supabase Auth (GoTrue) endpoints auth-js calls, under /auth/v1. */
export class AuthServer {
  constructor(private readonly ctx: AuthContext) {}

  /** Answers one request; every failure becomes Supabase Auth's error JSON. */
  async handle(req: ApiRequest): Promise<ApiResponse> {
    try {
      return await this.route(req)
    } catch (error) {
      const authError = error instanceof AuthError ? error : this.unexpected(error)
      return json(authError.status, authErrorBody(authError, req.headers['x-supabase-api-version']))
    }
  }

  private unexpected(error: unknown): AuthError {
    console.error('auth:', error)
    return new AuthError(500, 'unexpected_failure', 'Unexpected failure, please check server logs for more information')
  }

  private body(req: ApiRequest): Body {
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

  private async route(req: ApiRequest): Promise<ApiResponse> {
    const path = req.path.replace(/\/+$/, '') || '/'
    const m = req.method
    if (path === '/health' && m === 'GET') return json(200, { version: 'rolecall-local', name: 'GoTrue', description: 'GoTrue-compatible auth of the Rolecall local stack' })
    if (path === '/settings' && m === 'GET') return json(200, this.settingsJson())
    if (path === '/.well-known/jwks.json' && m === 'GET') return json(200, { keys: [] })
    if (path === '/signup' && m === 'POST') return this.signup(req, this.body(req))
    if (path === '/token' && m === 'POST') return this.token(req, this.body(req))
    if (path === '/user' && m === 'GET') return json(200, await this.currentUserJson(req))
    if (path === '/user' && m === 'PUT') return this.updateUser(req, this.body(req))
    if (path === '/logout' && m === 'POST') return this.logout(req)
    if ((path === '/otp' || path === '/magiclink') && m === 'POST') return this.otp(req, this.body(req))
    if (path === '/verify' && m === 'POST') return this.verifyPost(req, this.body(req))
    if (path === '/verify' && m === 'GET') return this.verifyGet(req)
    if (path === '/recover' && m === 'POST') return this.recover(req, this.body(req))
    if (path === '/resend' && m === 'POST') return this.resend(req, this.body(req))
    if (path === '/invite' && m === 'POST') return this.invite(req, this.body(req))
    if (path === '/admin/generate_link' && m === 'POST') return this.generateLink(req, this.body(req))
    if (path === '/admin/users' && m === 'GET') return this.listUsers(req)
    if (path === '/admin/users' && m === 'POST') return this.adminCreateUser(req, this.body(req))
    const adminUser = /^\/admin\/users\/([0-9a-fA-F-]{36})$/.exec(path)
    if (adminUser) {
      await this.requireAdmin(req)
      const id = adminUser[1]!.toLowerCase()
      if (m === 'GET') return json(200, await this.userById(id))
      if (m === 'PUT') return this.adminUpdateUser(id, this.body(req))
      if (m === 'DELETE') return this.adminDeleteUser(id)
    }
    if (path.startsWith('/admin/users/')) {
      await this.requireAdmin(req)
      throw new AuthError(404, 'user_not_found', 'User not found')
    }
    if (path === '/authorize' || path === '/callback') throw new AuthError(400, 'validation_failed', 'Unsupported provider: OAuth providers are not available on the local server')
    throw new AuthError(404, 'not_found', 'Not found')
  }

  private settingsJson(): Record<string, unknown> {
    const s = this.ctx.settings
    return {
      external: {
        anonymous_users: false, apple: false, azure: false, bitbucket: false, discord: false, email: true, facebook: false,
        figma: false, github: false, gitlab: false, google: false, keycloak: false, kakao: false, linkedin_oidc: false,
        notion: false, phone: false, slack_oidc: false, spotify: false, twitch: false, twitter: false, workos: false, zoom: false,
      },
      disable_signup: !s.enableSignup,
      mailer_autoconfirm: !s.enableConfirmations,
      phone_autoconfirm: false,
      sms_provider: '',
      saml_enabled: false,
    }
  }

  // ---- users -------------------------------------------------------------------------------------

  private async findUser(where: string, params: unknown[], db: SqlRunner = this.ctx.db): Promise<{ user: UserRow; identities: IdentityRow[] } | null> {
    const { rows } = await db.query<{ u: unknown; identities: unknown }>(`select ${userColumns} from auth.users u where ${where} limit 1`, params)
    const row = rows[0]
    return row ? { user: parseJson<UserRow>(row.u), identities: parseJson<IdentityRow[]>(row.identities) } : null
  }

  private byEmail(email: string, db?: SqlRunner) {
    return this.findUser('lower(u.email) = lower($1) and u.deleted_at is null', [email], db)
  }

  private async userById(id: string): Promise<Record<string, unknown>> {
    const found = await this.findUser('u.id = $1', [id])
    if (!found) throw new AuthError(404, 'user_not_found', 'User not found')
    return userJson(found.user, found.identities)
  }

  private async createUser(
    db: SqlRunner,
    fields: { email: string; password?: string | null; confirmed: boolean; invited?: boolean; userMetadata?: unknown; appMetadata?: unknown; role?: string },
  ): Promise<UserRow> {
    const id = randomUUID()
    const hash = fields.password ? await bcrypt.hash(fields.password, 10) : null
    const appMetadata = mergeMetadata({ provider: 'email', providers: ['email'] }, fields.appMetadata)
    try {
      await db.query(
        `with new_user as (
           insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, invited_at,
             raw_app_meta_data, raw_user_meta_data, created_at, updated_at, is_super_admin, is_anonymous)
           values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', $2, lower($3), $4,
             case when $5::boolean then now() end, case when $6::boolean then now() end, $7::jsonb, $8::jsonb, now(), now(), false, false)
           returning id, email)
         insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
         select id::text, id, jsonb_build_object('sub', id::text, 'email', email, 'email_verified', $5::boolean, 'phone_verified', false), 'email', now(), now(), now()
         from new_user`,
        [id, fields.role ?? 'authenticated', fields.email, hash, fields.confirmed, fields.invited ?? false, JSON.stringify(appMetadata), JSON.stringify(mergeMetadata({}, fields.userMetadata))],
      )
    } catch (error) {
      if (isUniqueViolation(error)) throw new AuthError(422, 'email_exists', 'A user with this email address has already been registered')
      throw error
    }
    const found = await this.findUser('u.id = $1', [id], db)
    return found!.user
  }

  private checkEmail(email: unknown): string {
    if (typeof email !== 'string' || email.trim() === '') throw new AuthError(400, 'validation_failed', 'An email address is required')
    if (!emailPattern.test(email.trim()) || email.length > 255) throw new AuthError(400, 'validation_failed', 'Unable to validate email address: invalid format')
    return email.trim().toLowerCase()
  }

  private checkPassword(password: unknown): string {
    if (typeof password !== 'string') throw new AuthError(422, 'validation_failed', 'Password is required')
    if (password.length < this.ctx.settings.minimumPasswordLength) {
      throw new AuthError(422, 'weak_password', `Password should be at least ${this.ctx.settings.minimumPasswordLength} characters.`, { weak_password: { reasons: ['length'] } })
    }
    if (password.length > 72) throw new AuthError(422, 'validation_failed', 'Password cannot be longer than 72 characters')
    return password
  }

  // ---- sessions ----------------------------------------------------------------------------------

  /** Creates a session with its first refresh token and returns the token response. */
  private async issueSession(req: ApiRequest, user: UserRow, method: string, db: SqlRunner = this.ctx.db): Promise<Record<string, unknown>> {
    const sessionId = randomUUID()
    const refreshToken = randomBytes(16).toString('base64url')
    const { rows } = await db.query<{ u: unknown; identities: unknown; amr_at: string }>(
      `with s as (
         insert into auth.sessions (id, user_id, created_at, updated_at, aal, refreshed_at, user_agent, ip)
         values ($1, $2, now(), now(), 'aal1', now(), $4, $5::inet) returning id),
       a as (insert into auth.mfa_amr_claims (session_id, created_at, updated_at, authentication_method, id)
         select id, now(), now(), $6, gen_random_uuid() from s),
       r as (insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, parent, session_id)
         select '00000000-0000-0000-0000-000000000000', $3, $2::text, false, now(), now(), null, id from s),
       upd as (update auth.users set last_sign_in_at = now() where id = $2 returning *)
       select to_jsonb(u) as u,
         (select coalesce(jsonb_agg(to_jsonb(i)), '[]'::jsonb) from auth.identities i where i.user_id = u.id) as identities,
         extract(epoch from now())::bigint::text as amr_at
       from upd u`,
      [sessionId, user.id, refreshToken, req.headers['user-agent'] ?? null, ipOf(req.peer), method],
    )
    const row = rows[0]!
    const fresh = parseJson<UserRow>(row.u)
    return this.tokenResponse(fresh, parseJson<IdentityRow[]>(row.identities), sessionId, refreshToken, [{ method, timestamp: Number(row.amr_at) }], method)
  }

  private async tokenResponse(
    user: UserRow,
    identities: IdentityRow[],
    sessionId: string,
    refreshToken: string,
    amr: { method: string; timestamp: number }[],
    authenticationMethod: string,
  ): Promise<Record<string, unknown>> {
    const now = Math.floor(Date.now() / 1000)
    const expiresIn = this.ctx.settings.jwtExpiry
    let claims: Claims = {
      aud: user.aud ?? 'authenticated',
      exp: now + expiresIn,
      iat: now,
      iss: `${this.ctx.publicUrl()}/auth/v1`,
      sub: user.id,
      email: user.email ?? '',
      phone: user.phone ?? '',
      app_metadata: user.raw_app_meta_data ?? {},
      user_metadata: user.raw_user_meta_data ?? {},
      role: user.role ?? 'authenticated',
      aal: 'aal1',
      amr,
      session_id: sessionId,
      is_anonymous: user.is_anonymous ?? false,
    }
    if (this.ctx.settings.customAccessTokenHook) claims = await this.runAccessTokenHook(user.id, claims, authenticationMethod)
    return {
      access_token: await this.ctx.jwt.sign(claims),
      token_type: 'bearer',
      expires_in: expiresIn,
      expires_at: now + expiresIn,
      refresh_token: refreshToken,
      user: userJson(user, identities),
    }
  }

  /** Supabase's Custom Access Token Hook: `pg-functions://postgres/<schema>/<function>` gets { user_id, claims, authentication_method }. */
  private async runAccessTokenHook(userId: string, claims: Claims, authenticationMethod: string): Promise<Claims> {
    const match = /^pg-functions:\/\/[^/]+\/([A-Za-z_][A-Za-z0-9_]*)\/([A-Za-z_][A-Za-z0-9_]*)$/.exec(this.ctx.settings.customAccessTokenHook ?? '')
    if (!match) throw new AuthError(500, 'hook_config_error', 'The custom access token hook URI must be pg-functions://postgres/<schema>/<function>')
    const { rows } = await this.ctx.db.query<{ result: unknown }>(`select "${match[1]}"."${match[2]}"($1::jsonb) as result`, [
      JSON.stringify({ user_id: userId, claims, authentication_method: authenticationMethod }),
    ])
    const result = parseJson<{ claims?: Claims; error?: { http_code?: number; message?: string } } | null>(rows[0]?.result)
    if (result?.error) throw new AuthError(result.error.http_code ?? 500, 'unexpected_failure', result.error.message ?? 'Error running hook URI')
    if (!result?.claims || typeof result.claims !== 'object') throw new AuthError(500, 'unexpected_failure', 'Error running hook URI: output claims missing')
    for (const required of ['aud', 'exp', 'iat', 'sub', 'role', 'aal', 'session_id']) {
      if (!(required in result.claims)) throw new AuthError(500, 'unexpected_failure', `Error running hook URI: output claims do not conform to the expected schema (${required} is required)`)
    }
    return result.claims
  }

  /** The verified claims and the live session of the bearer token; fails like Supabase Auth. */
  private async requireUserClaims(req: ApiRequest): Promise<Claims & { sub: string }> {
    const token = bearer(req)
    if (!token) throw new AuthError(401, 'no_authorization', 'This endpoint requires a valid Bearer token')
    let claims: Claims
    try {
      claims = await this.ctx.jwt.verify(token)
    } catch (error) {
      const detail = error instanceof JwtError && error.message === 'JWT expired' ? 'token is expired' : 'signature is invalid'
      throw new AuthError(403, 'bad_jwt', `invalid JWT: unable to parse or verify signature, ${detail}`)
    }
    if (typeof claims.sub !== 'string' || claims.sub === '') throw new AuthError(403, 'bad_jwt', 'invalid claim: missing sub claim')
    if (typeof claims.session_id === 'string') {
      const { rows } = await this.ctx.db.query<{ ok: number }>('select 1 as ok from auth.sessions where id = $1 and (not_after is null or not_after > now())', [claims.session_id])
      if (rows.length === 0) throw new AuthError(403, 'session_not_found', 'Session from session_id claim in JWT does not exist')
    }
    return claims as Claims & { sub: string }
  }

  private async requireAdmin(req: ApiRequest): Promise<void> {
    const token = bearer(req)
    if (!token) throw new AuthError(401, 'no_authorization', 'This endpoint requires a valid Bearer token')
    if (!(await this.ctx.isServiceRole(token))) throw new AuthError(403, 'not_admin', 'User not allowed')
  }

  private async currentUserJson(req: ApiRequest): Promise<Record<string, unknown>> {
    const claims = await this.requireUserClaims(req)
    const found = await this.findUser('u.id = $1', [claims.sub])
    if (!found) throw new AuthError(403, 'user_not_found', 'User from sub claim in JWT does not exist')
    return userJson(found.user, found.identities)
  }

  // ---- endpoints ---------------------------------------------------------------------------------

  private async signup(req: ApiRequest, body: Body): Promise<ApiResponse> {
    if (!this.ctx.settings.enableSignup) throw new AuthError(422, 'signup_disabled', 'Signups not allowed for this instance')
    const email = this.checkEmail(body.email)
    const password = this.checkPassword(body.password)
    const confirmed = !this.ctx.settings.enableConfirmations
    const existing = await this.byEmail(email)
    if (existing?.user.email_confirmed_at) throw new AuthError(422, 'user_already_exists', 'User already registered')
    let user: UserRow
    if (existing) {
      // NOTE: an unconfirmed (or invited) user signing up again gets the new password and a new confirmation mail.
      await this.ctx.db.query('update auth.users set encrypted_password = $2, raw_user_meta_data = $3::jsonb, updated_at = now() where id = $1', [
        existing.user.id, await bcrypt.hash(password, 10), JSON.stringify(mergeMetadata(existing.user.raw_user_meta_data, body.data)),
      ])
      user = (await this.findUser('u.id = $1', [existing.user.id]))!.user
    } else {
      user = await this.createUser(this.ctx.db, { email, password, confirmed, userMetadata: body.data })
    }
    if (confirmed) return json(200, await this.issueSession(req, user, 'password'))
    await this.sendLink(req, user, 'signup', this.redirectAllowed(redirectOf(req, body)))
    const found = await this.findUser('u.id = $1', [user.id])
    return json(200, userJson(found!.user, found!.identities))
  }

  private async token(req: ApiRequest, body: Body): Promise<ApiResponse> {
    const grant = req.url.searchParams.get('grant_type')
    if (grant === 'password') return this.passwordGrant(req, body)
    if (grant === 'refresh_token') return this.refreshGrant(body)
    throw new AuthError(400, 'validation_failed', `unsupported_grant_type: ${grant ?? ''}`)
  }

  private async passwordGrant(req: ApiRequest, body: Body): Promise<ApiResponse> {
    if (typeof body.email !== 'string' || typeof body.password !== 'string') {
      throw new AuthError(400, 'validation_failed', 'missing email or phone')
    }
    const found = await this.byEmail(body.email.trim())
    const hash = found?.user.encrypted_password
    // NOTE: compare against a dummy hash for unknown users so timing does not tell which emails exist.
    const ok = await bcrypt.compare(body.password, hash || '$2b$10$C6UzMDM.H6dfI/f/IKxGhuW3dFqDmqZ5dGL1Lz0hqvGu0Cq5ZrbEe')
    if (!found || !hash || !ok) throw new AuthError(400, 'invalid_credentials', 'Invalid login credentials')
    const user = found.user
    if (!user.email_confirmed_at) throw new AuthError(400, 'email_not_confirmed', 'Email not confirmed')
    if (user.banned_until && new Date(user.banned_until) > new Date()) throw new AuthError(400, 'user_banned', 'User is banned')
    return json(200, await this.issueSession(req, user, 'password'))
  }

  /**
   * Rotates the refresh token. A token already rotated may be reused within the reuse interval (it
   * answers with the current child); after that, its reuse revokes the whole session (reuse detection).
   */
  private async refreshGrant(body: Body): Promise<ApiResponse> {
    const token = body.refresh_token
    if (typeof token !== 'string' || token === '') throw new AuthError(400, 'validation_failed', 'Refresh Token is required')
    const outcome = await this.ctx.db.transaction(async (tx) => {
      const { rows } = await tx.query<{ t: unknown }>(
        `select to_jsonb(r) || jsonb_build_object('age', extract(epoch from now() - r.updated_at)) as t
         from auth.refresh_tokens r where r.token = $1 for update`,
        [token],
      )
      if (!rows[0]) return { error: new AuthError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found') }
      const current = parseJson<{ id: number; token: string; user_id: string; revoked: boolean; session_id: string; age: number }>(rows[0].t)
      const session = await tx.query<{ s: unknown }>('select to_jsonb(s) as s from auth.sessions s where id = $1 for update', [current.session_id])
      if (!session.rows[0]) return { error: new AuthError(400, 'session_not_found', 'Invalid Refresh Token: Session Not Found') }
      let next: string
      if (current.revoked) {
        const child = await tx.query<{ token: string }>(
          'select token from auth.refresh_tokens where parent = $1 and revoked = false and session_id = $2 order by id desc limit 1',
          [current.token, current.session_id],
        )
        const withinInterval = current.age <= this.ctx.settings.refreshTokenReuseInterval
        if (!withinInterval || !child.rows[0] || !this.ctx.settings.refreshTokenRotation) {
          await tx.query('update auth.refresh_tokens set revoked = true, updated_at = now() where session_id = $1 and revoked = false', [current.session_id])
          return { error: new AuthError(400, 'refresh_token_already_used', 'Invalid Refresh Token: Already Used') }
        }
        next = child.rows[0].token
      } else if (this.ctx.settings.refreshTokenRotation) {
        next = randomBytes(16).toString('base64url')
        await tx.query(
          `with old as (update auth.refresh_tokens set revoked = true, updated_at = now() where id = $1)
           insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, parent, session_id)
           values ('00000000-0000-0000-0000-000000000000', $2, $3, false, now(), now(), $4, $5)`,
          [current.id, next, current.user_id, current.token, current.session_id],
        )
      } else {
        next = current.token
      }
      await tx.query('update auth.sessions set refreshed_at = now(), updated_at = now() where id = $1', [current.session_id])
      const found = await this.findUser('u.id = $1', [current.user_id], tx)
      const amr = await tx.query<{ method: string; at: string }>(
        'select authentication_method as method, extract(epoch from created_at)::bigint::text as at from auth.mfa_amr_claims where session_id = $1 order by created_at',
        [current.session_id],
      )
      return { found, next, sessionId: current.session_id, amr: amr.rows.map((r) => ({ method: r.method, timestamp: Number(r.at) })) }
    })
    if ('error' in outcome) throw outcome.error
    if (!outcome.found) throw new AuthError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found')
    return json(200, await this.tokenResponse(outcome.found.user, outcome.found.identities, outcome.sessionId, outcome.next, outcome.amr, 'token_refresh'))
  }

  private async updateUser(req: ApiRequest, body: Body): Promise<ApiResponse> {
    const claims = await this.requireUserClaims(req)
    const found = await this.findUser('u.id = $1', [claims.sub])
    if (!found) throw new AuthError(403, 'user_not_found', 'User from sub claim in JWT does not exist')
    const user = found.user
    if (body.password !== undefined) {
      const password = this.checkPassword(body.password)
      if (user.encrypted_password && (await bcrypt.compare(password, user.encrypted_password))) {
        throw new AuthError(422, 'same_password', 'New password should be different from the old password.')
      }
      await this.ctx.db.query('update auth.users set encrypted_password = $2, updated_at = now() where id = $1', [user.id, await bcrypt.hash(password, 10)])
    }
    if (body.data !== undefined) {
      await this.ctx.db.query('update auth.users set raw_user_meta_data = $2::jsonb, updated_at = now() where id = $1', [
        user.id, JSON.stringify(mergeMetadata(user.raw_user_meta_data, body.data)),
      ])
    }
    if (typeof body.email === 'string' && body.email.trim().toLowerCase() !== (user.email ?? '')) {
      const email = this.checkEmail(body.email)
      if (await this.byEmail(email)) throw new AuthError(422, 'email_exists', 'A user with this email address has already been registered')
      await this.ctx.db.query('update auth.users set email_change = $2, updated_at = now() where id = $1', [user.id, email])
      const updated = (await this.findUser('u.id = $1', [user.id]))!.user
      await this.sendLink(req, updated, 'email_change', this.redirectAllowed(redirectOf(req, body)))
    }
    const fresh = (await this.findUser('u.id = $1', [user.id]))!
    return json(200, userJson(fresh.user, fresh.identities))
  }

  private async logout(req: ApiRequest): Promise<ApiResponse> {
    const claims = await this.requireUserClaims(req)
    const scope = req.url.searchParams.get('scope') ?? 'global'
    if (scope === 'local') await this.ctx.db.query('delete from auth.sessions where id = $1', [claims.session_id ?? null])
    else if (scope === 'others') await this.ctx.db.query('delete from auth.sessions where user_id = $1 and id is distinct from $2', [claims.sub, claims.session_id ?? null])
    else await this.ctx.db.query('delete from auth.sessions where user_id = $1', [claims.sub])
    return { status: 204, headers: { 'X-Supabase-Api-Version': apiVersion } }
  }

  /** Stores a fresh one-time token for `kind` (respecting max_frequency) and emails the link. */
  private async sendLink(req: ApiRequest, user: UserRow, kind: EmailKind, redirectTo: string, send = true): Promise<{ otp: string; hash: string; link: string }> {
    const column = kind === 'recovery' || kind === 'magiclink' ? 'recovery' : kind === 'email_change' ? 'email_change' : 'confirmation'
    const sentAt = column === 'recovery' ? user.recovery_sent_at : column === 'email_change' ? user.email_change_sent_at : user.confirmation_sent_at
    const wait = this.ctx.settings.maxFrequency
    if (send && sentAt && (Date.now() - new Date(sentAt).getTime()) / 1000 < wait) {
      throw new AuthError(429, 'over_email_send_rate_limit', `For security purposes, you can only request this after ${Math.ceil(wait)} seconds.`)
    }
    const otp = newOtp(this.ctx.settings.otpLength)
    const target = kind === 'email_change' ? user.email_change ?? '' : user.email ?? ''
    const hash = tokenHash(target, otp)
    const tokenColumn = column === 'email_change' ? 'email_change_token_new' : `${column}_token`
    await this.ctx.db.query(`update auth.users set ${tokenColumn} = $2, ${column}_sent_at = now() where id = $1`, [user.id, hash])
    const link = `${this.ctx.publicUrl()}/auth/v1/verify?token=${hash}&type=${kind}&redirect_to=${encodeURIComponent(redirectTo)}`
    if (send) {
      const mail = emailFor(kind, { link, otp, email: target, siteUrl: this.ctx.settings.siteUrl })
      this.ctx.mailbox.deliver({ from: this.ctx.settings.mailFrom, to: [target], ...mail })
    }
    return { otp, hash, link }
  }

  private redirectAllowed(url: unknown): string {
    const s = this.ctx.settings
    if (typeof url !== 'string' || url === '') return s.siteUrl
    const allowed = [s.siteUrl, ...s.additionalRedirectUrls].some((base) => matchesRedirect(url, base))
    return allowed ? url : s.siteUrl
  }

  private async otp(req: ApiRequest, body: Body): Promise<ApiResponse> {
    if (body.phone !== undefined) throw new AuthError(400, 'phone_provider_disabled', 'Unsupported phone provider')
    const email = this.checkEmail(body.email)
    const createUser = body.create_user !== false
    let found = await this.byEmail(email)
    if (!found) {
      if (!createUser || !this.ctx.settings.enableSignup) throw new AuthError(422, 'otp_disabled', 'Signups not allowed for otp')
      await this.createUser(this.ctx.db, { email, confirmed: false, userMetadata: body.data })
      found = await this.byEmail(email)
    }
    const redirect = this.redirectAllowed(req.url.searchParams.get('redirect_to') ?? (body.options as Body | undefined)?.email_redirect_to)
    await this.sendLink(req, found!.user, found!.user.email_confirmed_at ? 'magiclink' : 'signup', redirect)
    return json(200, {})
  }

  private async recover(req: ApiRequest, body: Body): Promise<ApiResponse> {
    const email = this.checkEmail(body.email)
    const found = await this.byEmail(email)
    if (found) await this.sendLink(req, found.user, 'recovery', this.redirectAllowed(req.url.searchParams.get('redirect_to')))
    return json(200, {})
  }

  private async resend(req: ApiRequest, body: Body): Promise<ApiResponse> {
    const email = this.checkEmail(body.email)
    const type = body.type
    const found = type === 'email_change' ? await this.findUser('lower(u.email_change) = lower($1)', [email]) : await this.byEmail(email)
    const redirect = this.redirectAllowed(req.url.searchParams.get('redirect_to'))
    if (type === 'signup') {
      if (found && !found.user.email_confirmed_at) await this.sendLink(req, found.user, 'signup', redirect)
    } else if (type === 'email_change') {
      if (found) await this.sendLink(req, found.user, 'email_change', redirect)
    } else {
      throw new AuthError(400, 'validation_failed', 'Missing one of these types: signup, email_change')
    }
    return json(200, {})
  }

  /** Checks a one-time token: { type, email, token } or { type, token_hash }; returns the user it confirms. */
  private async consumeToken(type: string, email: string | null, token: string | null, hash: string | null): Promise<{ user: UserRow; method: string }> {
    const expiry = this.ctx.settings.otpExpiry
    const invalid = new AuthError(403, 'otp_expired', 'Token has expired or is invalid')
    const types: Record<string, { where: string; method: string }> = {
      signup: { where: 'u.confirmation_token = $1 and u.confirmation_sent_at > now() - make_interval(secs => $2)', method: 'otp' },
      invite: { where: 'u.confirmation_token = $1 and u.confirmation_sent_at > now() - make_interval(secs => $2)', method: 'invite' },
      magiclink: { where: 'u.recovery_token = $1 and u.recovery_sent_at > now() - make_interval(secs => $2)', method: 'otp' },
      recovery: { where: 'u.recovery_token = $1 and u.recovery_sent_at > now() - make_interval(secs => $2)', method: 'recovery' },
      email_change: { where: 'u.email_change_token_new = $1 and u.email_change_sent_at > now() - make_interval(secs => $2)', method: 'email_change' },
    }
    const candidates = type === 'email' ? ['signup', 'magiclink'] : [type]
    if (!candidates.every((t) => types[t])) throw new AuthError(400, 'validation_failed', `Verify requires a verification type`)
    for (const candidate of candidates) {
      let tokenHashValue = hash
      if (!tokenHashValue) {
        if (!email || !token) throw new AuthError(400, 'validation_failed', 'Verify requires either a token or a token hash')
        const target = candidate === 'email_change'
          ? (await this.findUser('lower(u.email) = lower($1) or lower(u.email_change) = lower($1)', [email]))?.user.email_change ?? email
          : email
        tokenHashValue = tokenHash(target.toLowerCase(), token)
      }
      const found = await this.findUser(`${types[candidate]!.where} and u.deleted_at is null`, [tokenHashValue, expiry])
      if (!found) continue
      const user = found.user
      if (candidate === 'email_change') {
        await this.ctx.db.query(
          `with u as (update auth.users set email = lower(email_change), email_change = '', email_change_token_new = '', updated_at = now() where id = $1 returning id, email)
           update auth.identities i set identity_data = i.identity_data || jsonb_build_object('email', u.email), updated_at = now() from u where i.user_id = u.id and i.provider = 'email'`,
          [user.id],
        )
      } else {
        const column = candidate === 'magiclink' || candidate === 'recovery' ? 'recovery_token' : 'confirmation_token'
        await this.ctx.db.query(
          `with u as (update auth.users set ${column} = '', email_confirmed_at = coalesce(email_confirmed_at, now()), updated_at = now() where id = $1 returning id)
           update auth.identities i set identity_data = i.identity_data || '{"email_verified": true}'::jsonb from u where i.user_id = u.id and i.provider = 'email'`,
          [user.id],
        )
      }
      return { user: (await this.findUser('u.id = $1', [user.id]))!.user, method: types[candidate]!.method }
    }
    throw invalid
  }

  private async verifyPost(req: ApiRequest, body: Body): Promise<ApiResponse> {
    const type = typeof body.type === 'string' ? body.type : ''
    const { user, method } = await this.consumeToken(
      type,
      typeof body.email === 'string' ? body.email.trim().toLowerCase() : null,
      typeof body.token === 'string' ? body.token.trim() : null,
      typeof body.token_hash === 'string' ? body.token_hash : null,
    )
    return json(200, await this.issueSession(req, user, method))
  }

  /** The link in the emails: verifies, then redirects with the session in the URL fragment (implicit flow). */
  private async verifyGet(req: ApiRequest): Promise<ApiResponse> {
    const q = req.url.searchParams
    const type = q.get('type') ?? ''
    const redirect = this.redirectAllowed(q.get('redirect_to'))
    try {
      const { user, method } = await this.consumeToken(type, null, null, q.get('token') ?? '')
      const session = await this.issueSession(req, user, method)
      const fragment = new URLSearchParams({
        access_token: String(session.access_token),
        expires_at: String(session.expires_at),
        expires_in: String(session.expires_in),
        refresh_token: String(session.refresh_token),
        token_type: 'bearer',
        type,
      })
      return { status: 303, headers: { Location: `${redirect}#${fragment}` }, body: '' }
    } catch (error) {
      if (!(error instanceof AuthError)) throw error
      const fragment = new URLSearchParams({ error: 'access_denied', error_code: error.errorCode, error_description: error.message })
      return { status: 303, headers: { Location: `${redirect}#${fragment}` }, body: '' }
    }
  }

  private async invite(req: ApiRequest, body: Body): Promise<ApiResponse> {
    await this.requireAdmin(req)
    const email = this.checkEmail(body.email)
    let found = await this.byEmail(email)
    if (found?.user.email_confirmed_at) throw new AuthError(422, 'email_exists', 'A user with this email address has already been registered')
    if (!found) {
      await this.createUser(this.ctx.db, { email, confirmed: false, invited: true, userMetadata: body.data })
      found = await this.byEmail(email)
    } else {
      await this.ctx.db.query('update auth.users set invited_at = now(), raw_user_meta_data = $2::jsonb where id = $1', [
        found.user.id, JSON.stringify(mergeMetadata(found.user.raw_user_meta_data, body.data)),
      ])
    }
    await this.sendLink(req, found!.user, 'invite', this.redirectAllowed(req.url.searchParams.get('redirect_to') ?? body.redirect_to))
    const fresh = (await this.findUser('u.id = $1', [found!.user.id]))!
    return json(200, userJson(fresh.user, fresh.identities))
  }

  private async generateLink(req: ApiRequest, body: Body): Promise<ApiResponse> {
    await this.requireAdmin(req)
    const type = body.type
    const email = this.checkEmail(body.email)
    const redirect = this.redirectAllowed(body.redirect_to ?? req.url.searchParams.get('redirect_to'))
    let found = await this.byEmail(email)
    let kind: EmailKind
    if (type === 'signup') {
      if (found?.user.email_confirmed_at) throw new AuthError(422, 'email_exists', 'A user with this email address has already been registered')
      if (!found) {
        await this.createUser(this.ctx.db, { email, password: this.checkPassword(body.password), confirmed: false, userMetadata: body.data })
        found = await this.byEmail(email)
      }
      kind = 'signup'
    } else if (type === 'invite') {
      if (found?.user.email_confirmed_at) throw new AuthError(422, 'email_exists', 'A user with this email address has already been registered')
      if (!found) {
        await this.createUser(this.ctx.db, { email, confirmed: false, invited: true, userMetadata: body.data })
        found = await this.byEmail(email)
      }
      kind = 'invite'
    } else if (type === 'magiclink') {
      if (!found) {
        await this.createUser(this.ctx.db, { email, confirmed: false, userMetadata: body.data })
        found = await this.byEmail(email)
      }
      kind = found!.user.email_confirmed_at ? 'magiclink' : 'signup'
    } else if (type === 'recovery') {
      if (!found) throw new AuthError(404, 'user_not_found', 'User with this email not found')
      kind = 'recovery'
    } else if (type === 'email_change_new' || type === 'email_change_current') {
      if (!found) throw new AuthError(404, 'user_not_found', 'User with this email not found')
      const newEmail = this.checkEmail(body.new_email)
      if (await this.byEmail(newEmail)) throw new AuthError(422, 'email_exists', 'A user with this email address has already been registered')
      await this.ctx.db.query('update auth.users set email_change = $2 where id = $1', [found.user.id, newEmail])
      found = await this.byEmail(email)
      kind = 'email_change'
    } else {
      throw new AuthError(400, 'validation_failed', 'Invalid email action link type requested')
    }
    const link = await this.sendLink(req, found!.user, kind, redirect, false)
    const fresh = (await this.findUser('u.id = $1', [found!.user.id]))!
    return json(200, {
      ...userJson(fresh.user, fresh.identities),
      action_link: link.link,
      email_otp: link.otp,
      hashed_token: link.hash,
      verification_type: kind,
      redirect_to: redirect,
    })
  }

  private async listUsers(req: ApiRequest): Promise<ApiResponse> {
    await this.requireAdmin(req)
    const page = Math.max(1, Number(req.url.searchParams.get('page') ?? 1) || 1)
    const perPage = Math.min(1000, Math.max(1, Number(req.url.searchParams.get('per_page') ?? 50) || 50))
    const { rows } = await this.ctx.db.query<{ u: unknown; identities: unknown; total: string }>(
      `select ${userColumns}, count(*) over ()::text as total from auth.users u where u.deleted_at is null
       order by u.created_at desc, u.id limit $1 offset $2`,
      [perPage, (page - 1) * perPage],
    )
    let total = rows[0] ? Number(rows[0].total) : 0
    if (!rows[0] && page > 1) {
      total = Number((await this.ctx.db.query<{ n: string }>('select count(*)::text as n from auth.users where deleted_at is null')).rows[0]!.n)
    }
    const last = Math.max(1, Math.ceil(total / perPage))
    const links = [...(page < last ? [`</admin/users?page=${page + 1}&per_page=${perPage}>; rel="next"`] : []), `</admin/users?page=${last}&per_page=${perPage}>; rel="last"`]
    return json(200, {
      users: rows.map((r) => userJson(parseJson<UserRow>(r.u), parseJson<IdentityRow[]>(r.identities))),
      aud: 'authenticated',
    }, { 'X-Total-Count': String(total), Link: links.join(', ') })
  }

  private async adminCreateUser(req: ApiRequest, body: Body): Promise<ApiResponse> {
    await this.requireAdmin(req)
    const email = this.checkEmail(body.email)
    const password = body.password === undefined ? null : this.checkPassword(body.password)
    const user = await this.createUser(this.ctx.db, {
      email,
      password,
      confirmed: body.email_confirm === true,
      userMetadata: body.user_metadata ?? body.data,
      appMetadata: body.app_metadata,
      role: typeof body.role === 'string' ? body.role : undefined,
    })
    if (typeof body.ban_duration === 'string') await this.applyBan(user.id, body.ban_duration)
    return json(200, await this.userById(user.id))
  }

  private async applyBan(id: string, duration: string): Promise<void> {
    if (duration === 'none') {
      await this.ctx.db.query('update auth.users set banned_until = null where id = $1', [id])
      return
    }
    const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(duration)
    if (!match) throw new AuthError(400, 'validation_failed', 'invalid format for ban duration')
    const seconds = Number(match[1]) * ({ ms: 0.001, s: 1, m: 60, h: 3600 } as Record<string, number>)[match[2]!]!
    await this.ctx.db.query('update auth.users set banned_until = now() + make_interval(secs => $2) where id = $1', [id, seconds])
    await this.ctx.db.query('delete from auth.sessions where user_id = $1', [id])
  }

  private async adminUpdateUser(id: string, body: Body): Promise<ApiResponse> {
    const found = await this.findUser('u.id = $1', [id])
    if (!found) throw new AuthError(404, 'user_not_found', 'User not found')
    const user = found.user
    const sets: string[] = []
    const params: unknown[] = [id]
    const set = (column: string, value: unknown, cast = '') => {
      params.push(value)
      sets.push(`${column} = $${params.length}${cast}`)
    }
    if (body.email !== undefined) {
      const email = this.checkEmail(body.email)
      if (email !== user.email) {
        const other = await this.byEmail(email)
        if (other && other.user.id !== id) throw new AuthError(422, 'email_exists', 'A user with this email address has already been registered')
        set('email', email)
      }
    }
    if (body.password !== undefined) set('encrypted_password', await bcrypt.hash(this.checkPassword(body.password), 10))
    if (body.email_confirm === true && !user.email_confirmed_at) sets.push('email_confirmed_at = now()')
    if (body.user_metadata !== undefined) set('raw_user_meta_data', JSON.stringify(mergeMetadata(user.raw_user_meta_data, body.user_metadata)), '::jsonb')
    if (body.app_metadata !== undefined) set('raw_app_meta_data', JSON.stringify(mergeMetadata(user.raw_app_meta_data, body.app_metadata)), '::jsonb')
    if (typeof body.role === 'string') set('role', body.role)
    if (sets.length > 0) {
      try {
        await this.ctx.db.query(`update auth.users set ${sets.join(', ')}, updated_at = now() where id = $1`, params)
      } catch (error) {
        if (isUniqueViolation(error)) throw new AuthError(422, 'email_exists', 'A user with this email address has already been registered')
        throw error
      }
      if (body.email !== undefined) {
        await this.ctx.db.query(
          `update auth.identities i set identity_data = i.identity_data || jsonb_build_object('email', u.email) from auth.users u where u.id = i.user_id and u.id = $1 and i.provider = 'email'`,
          [id],
        )
      }
    }
    if (typeof body.ban_duration === 'string') await this.applyBan(id, body.ban_duration)
    return json(200, await this.userById(id))
  }

  private async adminDeleteUser(id: string): Promise<ApiResponse> {
    const user = await this.userById(id)
    await this.ctx.db.query('delete from auth.users where id = $1', [id])
    return json(200, user)
  }
}

function redirectOf(req: ApiRequest, body: Body): string {
  const options = body.options as Body | undefined
  const value = req.url.searchParams.get('redirect_to') ?? options?.email_redirect_to ?? body.redirect_to
  return typeof value === 'string' ? value : ''
}

/** Supabase Auth matches redirect URLs as globs; a prefix match on the configured URLs covers the local use. */
function matchesRedirect(url: string, base: string): boolean {
  if (base.includes('*')) {
    const pattern = new RegExp(`^${base.split('**').map((p) => p.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')).join('.*')}$`)
    return pattern.test(url)
  }
  try {
    const target = new URL(url)
    const allowed = new URL(base)
    return target.origin === allowed.origin && target.pathname.startsWith(allowed.pathname.replace(/\/$/, ''))
  } catch {
    return false
  }
}

function ipOf(peer: string): string | null {
  const ip = peer.replace(/^::ffff:/, '')
  return /^[0-9a-fA-F:.]+$/.test(ip) ? ip : null
}
