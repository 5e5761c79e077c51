import { randomBytes } from 'node:crypto'
import type { ApiRequest, ApiResponse } from '../http/types.ts'
import { AuthError, apiVersion } from './errors.ts'
import { type AuthContext, type Body, json } from './context.ts'
import { requireUserClaims } from './guards.ts'
import { issueSession, tokenResponse } from './tokens.ts'
import { passwordMatches } from './passwords.ts'
import { parseJson } from './user-json.ts'
import { byEmail, findUser } from './users.ts'

/** POST /token: dispatches on grant_type. */
export async function tokenGrant(ctx: AuthContext, req: ApiRequest, body: Body): Promise<ApiResponse> {
  const grant = req.url.searchParams.get('grant_type')
  if (grant === 'password') return passwordGrant(ctx, req, body)
  if (grant === 'refresh_token') return refreshGrant(ctx, body)
  throw new AuthError(400, 'validation_failed', `unsupported_grant_type: ${grant ?? ''}`)
}

/** grant_type=password: checks the credentials and opens a session. */
export async function passwordGrant(ctx: AuthContext, req: ApiRequest, body: Body): Promise<ApiResponse> {
  if (typeof body.email !== 'string' || typeof body.password !== 'string') {
    throw new AuthError(400, 'validation_failed', 'missing email or phone')
  }
  const found = await byEmail(ctx, body.email.trim())
  // NOTE: compared even for unknown users (against a dummy hash), so timing does not tell which emails exist.
  const matches = await passwordMatches(body.password, found?.user.encrypted_password)
  if (!found || !matches) throw new AuthError(400, 'invalid_credentials', 'Invalid login credentials')
  const user = found.user
  if (!user.email_confirmed_at) throw new AuthError(400, 'email_not_confirmed', 'Email not confirmed')
  if (user.banned_until && new Date(user.banned_until) > new Date()) throw new AuthError(400, 'user_banned', 'User is banned')
  return json(200, await issueSession(ctx, req, user, 'password'))
}

/**
 * Rotates the refresh token. A token already rotated may be reused within the reuse interval (it
 * answers with the current child); after that, its reuse revokes the whole session (reuse detection).
 */
export async function refreshGrant(ctx: AuthContext, body: Body): Promise<ApiResponse> {
  const token = body.refresh_token
  if (typeof token !== 'string' || token === '') throw new AuthError(400, 'validation_failed', 'Refresh Token is required')
  const outcome = await ctx.db.transaction(async (tx) => {
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
      const withinInterval = current.age <= ctx.settings.refreshTokenReuseInterval
      if (!withinInterval || !child.rows[0] || !ctx.settings.refreshTokenRotation) {
        await tx.query('update auth.refresh_tokens set revoked = true, updated_at = now() where session_id = $1 and revoked = false', [current.session_id])
        return { error: new AuthError(400, 'refresh_token_already_used', 'Invalid Refresh Token: Already Used') }
      }
      next = child.rows[0].token
    } else if (ctx.settings.refreshTokenRotation) {
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
    const found = await findUser(ctx, 'u.id = $1', [current.user_id], tx)
    const amr = await tx.query<{ method: string; at: string }>(
      'select authentication_method as method, extract(epoch from created_at)::bigint::text as at from auth.mfa_amr_claims where session_id = $1 order by created_at',
      [current.session_id],
    )
    return { found, next, sessionId: current.session_id, amr: amr.rows.map((r) => ({ method: r.method, timestamp: Number(r.at) })) }
  })
  if ('error' in outcome) throw outcome.error
  if (!outcome.found) throw new AuthError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found')
  return json(200, await tokenResponse(ctx, outcome.found.user, outcome.found.identities, outcome.sessionId, outcome.next, outcome.amr, 'token_refresh'))
}

/** POST /logout: ends this session, the others, or all (scope=local|others|global). */
export async function logout(ctx: AuthContext, req: ApiRequest): Promise<ApiResponse> {
  const claims = await requireUserClaims(ctx, req)
  const scope = req.url.searchParams.get('scope') ?? 'global'
  if (scope === 'local') await ctx.db.query('delete from auth.sessions where id = $1', [claims.session_id ?? null])
  else if (scope === 'others') await ctx.db.query('delete from auth.sessions where user_id = $1 and id is distinct from $2', [claims.sub, claims.session_id ?? null])
  else await ctx.db.query('delete from auth.sessions where user_id = $1', [claims.sub])
  return { status: 204, headers: { 'X-Supabase-Api-Version': apiVersion } }
}
