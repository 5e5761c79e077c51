import type { ApiRequest, ApiResponse } from '../http/types.ts'
import { AuthError } from './errors.ts'
import { type AuthContext, type Body, json } from './context.ts'
import { requireUserClaims } from './guards.ts'
import { redirectAllowed, redirectOf, sendLink } from './links.ts'
import { userJson } from './user-json.ts'
import { checkPassword, hashPassword, passwordMatches } from './passwords.ts'
import { byEmail, checkEmail, findUser, mergeMetadata } from './users.ts'

/** GET /user: the user of the bearer token. */
export async function currentUserJson(ctx: AuthContext, req: ApiRequest): Promise<Record<string, unknown>> {
  const claims = await requireUserClaims(ctx, req)
  const found = await findUser(ctx, 'u.id = $1', [claims.sub])
  if (!found) throw new AuthError(403, 'user_not_found', 'User from sub claim in JWT does not exist')
  return userJson(found.user, found.identities)
}

/** PUT /user: password, metadata, or an email change confirmed by mail. */
export async function updateUser(ctx: AuthContext, req: ApiRequest, body: Body): Promise<ApiResponse> {
  const claims = await requireUserClaims(ctx, req)
  const found = await findUser(ctx, 'u.id = $1', [claims.sub])
  if (!found) throw new AuthError(403, 'user_not_found', 'User from sub claim in JWT does not exist')
  const user = found.user
  if (body.password !== undefined) {
    const password = checkPassword(ctx, body.password)
    if (user.encrypted_password && (await passwordMatches(password, user.encrypted_password))) {
      throw new AuthError(422, 'same_password', 'New password should be different from the old password.')
    }
    await ctx.db.query('update auth.users set encrypted_password = $2, updated_at = now() where id = $1', [user.id, await hashPassword(password)])
  }
  if (body.data !== undefined) {
    await ctx.db.query('update auth.users set raw_user_meta_data = $2::jsonb, updated_at = now() where id = $1', [
      user.id, JSON.stringify(mergeMetadata(user.raw_user_meta_data, body.data)),
    ])
  }
  if (typeof body.email === 'string' && body.email.trim().toLowerCase() !== (user.email ?? '')) {
    const email = checkEmail(body.email)
    if (await byEmail(ctx, email)) throw new AuthError(422, 'email_exists', 'A user with this email address has already been registered')
    await ctx.db.query('update auth.users set email_change = $2, updated_at = now() where id = $1', [user.id, email])
    const updated = (await findUser(ctx, 'u.id = $1', [user.id]))!.user
    await sendLink(ctx, req, updated, 'email_change', redirectAllowed(ctx, redirectOf(req, body)))
  }
  const fresh = (await findUser(ctx, 'u.id = $1', [user.id]))!
  return json(200, userJson(fresh.user, fresh.identities))
}
