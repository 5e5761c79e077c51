import type { ApiRequest, ApiResponse } from '../http/types.ts'
import { AuthError } from './errors.ts'
import { type AuthContext, type Body, json } from './context.ts'
import { redirectAllowed, sendLink } from './links.ts'
import { byEmail, checkEmail, createUser, findUser } from './users.ts'

/** POST /otp and /magiclink: emails a magic link (or a signup confirmation to a new user). */
export async function sendOtp(ctx: AuthContext, req: ApiRequest, body: Body): Promise<ApiResponse> {
  if (body.phone !== undefined) throw new AuthError(400, 'phone_provider_disabled', 'Unsupported phone provider')
  const email = checkEmail(body.email)
  const allowCreate = body.create_user !== false
  let found = await byEmail(ctx, email)
  if (!found) {
    if (!allowCreate || !ctx.settings.enableSignup) throw new AuthError(422, 'otp_disabled', 'Signups not allowed for otp')
    await createUser(ctx, ctx.db, { email, confirmed: false, userMetadata: body.data })
    found = await byEmail(ctx, email)
  }
  const redirect = redirectAllowed(ctx, req.url.searchParams.get('redirect_to') ?? (body.options as Body | undefined)?.email_redirect_to)
  await sendLink(ctx, req, found!.user, found!.user.email_confirmed_at ? 'magiclink' : 'signup', redirect)
  return json(200, {})
}

/** POST /recover: emails a recovery link when the user exists (silent otherwise). */
export async function recover(ctx: AuthContext, req: ApiRequest, body: Body): Promise<ApiResponse> {
  const email = checkEmail(body.email)
  const found = await byEmail(ctx, email)
  if (found) await sendLink(ctx, req, found.user, 'recovery', redirectAllowed(ctx, req.url.searchParams.get('redirect_to')))
  return json(200, {})
}

/** POST /resend: resends a signup confirmation or an email change link. */
export async function resend(ctx: AuthContext, req: ApiRequest, body: Body): Promise<ApiResponse> {
  const email = checkEmail(body.email)
  const type = body.type
  const found = type === 'email_change' ? await findUser(ctx, 'lower(u.email_change) = lower($1)', [email]) : await byEmail(ctx, email)
  const redirect = redirectAllowed(ctx, req.url.searchParams.get('redirect_to'))
  if (type === 'signup') {
    if (found && !found.user.email_confirmed_at) await sendLink(ctx, req, found.user, 'signup', redirect)
  } else if (type === 'email_change') {
    if (found) await sendLink(ctx, req, found.user, 'email_change', redirect)
  } else {
    throw new AuthError(400, 'validation_failed', 'Missing one of these types: signup, email_change')
  }
  return json(200, {})
}
