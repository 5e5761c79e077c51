import { randomBytes, randomUUID } from 'node:crypto'
import type { SqlRunner } from '../db/apply.ts'
import type { ApiRequest } from '../http/types.ts'
import type { Claims } from '../jwt.ts'
import { AuthError } from './errors.ts'
import type { AuthContext } from './context.ts'
import { type IdentityRow, parseJson, userJson, type UserRow } from './user-json.ts'

/** Creates a session with its first refresh token and returns the token response. */
export async function issueSession(ctx: AuthContext, req: ApiRequest, user: UserRow, method: string, db: SqlRunner = ctx.db): Promise<Record<string, unknown>> {
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
  return tokenResponse(ctx, fresh, parseJson<IdentityRow[]>(row.identities), sessionId, refreshToken, [{ method, timestamp: Number(row.amr_at) }], method)
}

/** Signs the access token (through the custom hook when configured) and builds the token response. */
export async function tokenResponse(
  ctx: AuthContext,
  user: UserRow,
  identities: IdentityRow[],
  sessionId: string,
  refreshToken: string,
  amr: { method: string; timestamp: number }[],
  authenticationMethod: string,
): Promise<Record<string, unknown>> {
  const now = Math.floor(Date.now() / 1000)
  const expiresIn = ctx.settings.jwtExpiry
  let claims: Claims = {
    aud: user.aud ?? 'authenticated',
    exp: now + expiresIn,
    iat: now,
    iss: `${ctx.publicUrl()}/auth/v1`,
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
  if (ctx.settings.customAccessTokenHook) claims = await runAccessTokenHook(ctx, user.id, claims, authenticationMethod)
  return {
    access_token: await ctx.jwt.sign(claims),
    token_type: 'bearer',
    expires_in: expiresIn,
    expires_at: now + expiresIn,
    refresh_token: refreshToken,
    user: userJson(user, identities),
  }
}

/** Supabase's Custom Access Token Hook: `pg-functions://postgres/<schema>/<function>` gets { user_id, claims, authentication_method }. */
export async function runAccessTokenHook(ctx: AuthContext, userId: string, claims: Claims, authenticationMethod: string): Promise<Claims> {
  const match = /^pg-functions:\/\/[^/]+\/([A-Za-z_][A-Za-z0-9_]*)\/([A-Za-z_][A-Za-z0-9_]*)$/.exec(ctx.settings.customAccessTokenHook ?? '')
  if (!match) throw new AuthError(500, 'hook_config_error', 'The custom access token hook URI must be pg-functions://postgres/<schema>/<function>')
  const { rows } = await ctx.db.query<{ result: unknown }>(`select "${match[1]}"."${match[2]}"($1::jsonb) as result`, [
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

function ipOf(peer: string): string | null {
  const ip = peer.replace(/^::ffff:/, '')
  return /^[0-9a-fA-F:.]+$/.test(ip) ? ip : null
}
