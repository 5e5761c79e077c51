import type { ApiRequest, ApiResponse } from '../http/types.ts'
import { AuthError } from './errors.ts'
import type { EmailKind } from './emails.ts'
import { type AuthContext, type Body, json } from './context.ts'
import { requireAdmin } from './guards.ts'
import { redirectAllowed, sendLink } from './links.ts'
import { userJson } from './user-json.ts'
import { checkPassword } from './passwords.ts'
import { byEmail, checkEmail, createUser, findUser, mergeMetadata } from './users.ts'

/** POST /invite: creates or re-invites an unconfirmed user and emails the invite link. */
export async function invite(ctx: AuthContext, req: ApiRequest, body: Body): Promise<ApiResponse> {
  await requireAdmin(ctx, req)
  const email = checkEmail(body.email)
  let found = await byEmail(ctx, email)
  if (found?.user.email_confirmed_at) throw new AuthError(422, 'email_exists', 'A user with this email address has already been registered')
  if (!found) {
    await createUser(ctx, ctx.db, { email, confirmed: false, invited: true, userMetadata: body.data })
    found = await byEmail(ctx, email)
  } else {
    await ctx.db.query('update auth.users set invited_at = now(), raw_user_meta_data = $2::jsonb where id = $1', [
      found.user.id, JSON.stringify(mergeMetadata(found.user.raw_user_meta_data, body.data)),
    ])
  }
  await sendLink(ctx, req, found!.user, 'invite', redirectAllowed(ctx, req.url.searchParams.get('redirect_to') ?? body.redirect_to))
  const fresh = (await findUser(ctx, 'u.id = $1', [found!.user.id]))!
  return json(200, userJson(fresh.user, fresh.identities))
}

/** POST /admin/generate_link: makes the link (and OTP) without sending it. */
export async function generateLink(ctx: AuthContext, req: ApiRequest, body: Body): Promise<ApiResponse> {
  await requireAdmin(ctx, req)
  const type = body.type
  const email = checkEmail(body.email)
  const redirect = redirectAllowed(ctx, body.redirect_to ?? req.url.searchParams.get('redirect_to'))
  let found = await byEmail(ctx, email)
  let kind: EmailKind
  if (type === 'signup') {
    if (found?.user.email_confirmed_at) throw new AuthError(422, 'email_exists', 'A user with this email address has already been registered')
    if (!found) {
      await createUser(ctx, ctx.db, { email, password: checkPassword(ctx, body.password), confirmed: false, userMetadata: body.data })
      found = await byEmail(ctx, email)
    }
    kind = 'signup'
  } else if (type === 'invite') {
    if (found?.user.email_confirmed_at) throw new AuthError(422, 'email_exists', 'A user with this email address has already been registered')
    if (!found) {
      await createUser(ctx, ctx.db, { email, confirmed: false, invited: true, userMetadata: body.data })
      found = await byEmail(ctx, email)
    }
    kind = 'invite'
  } else if (type === 'magiclink') {
    if (!found) {
      await createUser(ctx, ctx.db, { email, confirmed: false, userMetadata: body.data })
      found = await byEmail(ctx, email)
    }
    kind = found!.user.email_confirmed_at ? 'magiclink' : 'signup'
  } else if (type === 'recovery') {
    if (!found) throw new AuthError(404, 'user_not_found', 'User with this email not found')
    kind = 'recovery'
  } else if (type === 'email_change_new' || type === 'email_change_current') {
    if (!found) throw new AuthError(404, 'user_not_found', 'User with this email not found')
    const newEmail = checkEmail(body.new_email)
    if (await byEmail(ctx, newEmail)) throw new AuthError(422, 'email_exists', 'A user with this email address has already been registered')
    await ctx.db.query('update auth.users set email_change = $2 where id = $1', [found.user.id, newEmail])
    found = await byEmail(ctx, email)
    kind = 'email_change'
  } else {
    throw new AuthError(400, 'validation_failed', 'Invalid email action link type requested')
  }
  const link = await sendLink(ctx, req, found!.user, kind, redirect, false)
  const fresh = (await findUser(ctx, 'u.id = $1', [found!.user.id]))!
  return json(200, {
    ...userJson(fresh.user, fresh.identities),
    action_link: link.link,
    email_otp: link.otp,
    hashed_token: link.hash,
    verification_type: kind,
    redirect_to: redirect,
  })
}
