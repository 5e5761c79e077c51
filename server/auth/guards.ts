import type { ApiRequest } from '../http/types.ts'
import { type Claims, JwtError } from '../jwt.ts'
import { AuthError } from './errors.ts'
import type { AuthContext } from './context.ts'

function bearer(req: ApiRequest): string | null {
  const header = req.headers.authorization
  if (!header) return null
  const match = /^Bearer\s+(.*)$/i.exec(header)
  return match ? match[1]!.trim() : null
}

/** The verified claims and the live session of the bearer token; fails like Supabase Auth. */
export async function requireUserClaims(ctx: AuthContext, req: ApiRequest): Promise<Claims & { sub: string }> {
  const token = bearer(req)
  if (!token) throw new AuthError(401, 'no_authorization', 'This endpoint requires a valid Bearer token')
  let claims: Claims
  try {
    claims = await ctx.jwt.verify(token)
  } catch (error) {
    const detail = error instanceof JwtError && error.message === 'JWT expired' ? 'token is expired' : 'signature is invalid'
    throw new AuthError(403, 'bad_jwt', `invalid JWT: unable to parse or verify signature, ${detail}`)
  }
  if (typeof claims.sub !== 'string' || claims.sub === '') throw new AuthError(403, 'bad_jwt', 'invalid claim: missing sub claim')
  if (typeof claims.session_id === 'string') {
    const { rows } = await ctx.db.query<{ ok: number }>('select 1 as ok from auth.sessions where id = $1 and (not_after is null or not_after > now())', [claims.session_id])
    if (rows.length === 0) throw new AuthError(403, 'session_not_found', 'Session from session_id claim in JWT does not exist')
  }
  return claims as Claims & { sub: string }
}

/** Requires the service role as the bearer token; not_admin otherwise. */
export async function requireAdmin(ctx: AuthContext, req: ApiRequest): Promise<void> {
  const token = bearer(req)
  if (!token) throw new AuthError(401, 'no_authorization', 'This endpoint requires a valid Bearer token')
  if (!(await ctx.isServiceRole(token))) throw new AuthError(403, 'not_admin', 'User not allowed')
}
