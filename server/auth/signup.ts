import type { ApiRequest, ApiResponse } from '../http/types.ts'
import { AuthError } from './errors.ts'
import { type AuthContext, type Body, json } from './context.ts'
import { redirectAllowed, redirectOf, sendLink } from './links.ts'
import { issueSession } from './tokens.ts'
import { userJson, type UserRow } from './user-json.ts'
import { checkPassword, hashPassword } from './passwords.ts'
import { byEmail, checkEmail, createUser, findUser, mergeMetadata } from './users.ts'

/** POST /signup: creates (or re-invites) the user; a session at once when confirmations are off, else a confirmation mail. */
export async function signup(ctx: AuthContext, req: ApiRequest, body: Body): Promise<ApiResponse> {
  if (!ctx.settings.enableSignup) throw new AuthError(422, 'signup_disabled', 'Signups not allowed for this instance')
  const email = checkEmail(body.email)
  const password = checkPassword(ctx, body.password)
  const confirmed = !ctx.settings.enableConfirmations
  const existing = await byEmail(ctx, email)
  if (existing?.user.email_confirmed_at) throw new AuthError(422, 'user_already_exists', 'User already registered')
  let user: UserRow
  if (existing) {
    // NOTE: an unconfirmed (or invited) user signing up again gets the new password and a new confirmation mail.
    await ctx.db.query('update auth.users set encrypted_password = $2, raw_user_meta_data = $3::jsonb, updated_at = now() where id = $1', [
      existing.user.id, await hashPassword(password), JSON.stringify(mergeMetadata(existing.user.raw_user_meta_data, body.data)),
    ])
    user = (await findUser(ctx, 'u.id = $1', [existing.user.id]))!.user
  } else {
    user = await createUser(ctx, ctx.db, { email, password, confirmed, userMetadata: body.data })
  }
  if (confirmed) return json(200, await issueSession(ctx, req, user, 'password'))
  await sendLink(ctx, req, user, 'signup', redirectAllowed(ctx, redirectOf(req, body)))
  const found = await findUser(ctx, 'u.id = $1', [user.id])
  return json(200, userJson(found!.user, found!.identities))
}
