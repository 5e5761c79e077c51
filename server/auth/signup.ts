import { randomUUID } from 'node:crypto'
import type { ApiRequest, ApiResponse } from '../http/types.ts'
import { AuthError } from './errors.ts'
import { type AuthContext, type Body, json } from './context.ts'
import { redirectAllowed, redirectOf, sendLink } from './links.ts'
import { checkPassword } from './passwords.ts'
import { issueSession } from './tokens.ts'
import { userJson, type UserRow } from './user-json.ts'
import { byEmail, checkEmail, createUser, findUser, mergeMetadata } from './users.ts'

/**
 * POST /signup, as Supabase Auth's Signup (internal/api/signup.go): a new user gets a session at once
 * when confirmations are off, else a confirmation mail. An existing address is never taken over:
 * a confirmed one answers 422 user_already_exists (confirmations off) or a made-up user with no
 * session (on, so the answer does not tell who is registered); an unconfirmed one (invited, or an
 * earlier sign-up) keeps its password and only gets the confirmation mail again.
 */
export async function signup(ctx: AuthContext, req: ApiRequest, body: Body): Promise<ApiResponse> {
  if (!ctx.settings.enableSignup) throw new AuthError(422, 'signup_disabled', 'Signups not allowed for this instance')
  const password = checkPassword(ctx, body.password)
  const email = checkEmail(body.email)
  const autoconfirm = !ctx.settings.enableConfirmations
  const existing = await byEmail(ctx, email)
  if (existing?.user.email_confirmed_at) {
    if (autoconfirm) throw new AuthError(422, 'user_already_exists', 'User already registered')
    return json(200, userJson(madeUpUser(email, body.data), []))
  }
  if (!existing) {
    const user = await createUser(ctx, ctx.db, { email, password, confirmed: autoconfirm, userMetadata: body.data })
    if (autoconfirm) return json(200, await issueSession(ctx, req, user, 'password'))
    return confirmationSent(ctx, req, body, user)
  }
  // NOTE: Supabase Auth confirms an existing unconfirmed user here when autoconfirm is on, and hands out a
  // session to whoever typed the address; only the mailbox's owner may have one, so the mail goes out instead.
  return confirmationSent(ctx, req, body, existing.user)
}

/** Sends the signup confirmation and answers with the user (an invited user's metadata and identities hidden, as Supabase does). */
async function confirmationSent(ctx: AuthContext, req: ApiRequest, body: Body, user: UserRow): Promise<ApiResponse> {
  await sendLink(ctx, req, user, 'signup', redirectAllowed(ctx, redirectOf(req, body)))
  const found = (await findUser(ctx, 'u.id = $1', [user.id]))!
  if (found.user.invited_at) return json(200, userJson({ ...found.user, raw_user_meta_data: {} }, []))
  return json(200, userJson(found.user, found.identities))
}

/** What a fresh, unconfirmed sign-up looks like, with a new id: Supabase's sanitizeUser for repeated sign-ups. */
function madeUpUser(email: string, data: unknown): UserRow {
  const now = new Date().toISOString()
  return {
    id: randomUUID(), aud: 'authenticated', role: '', email, encrypted_password: null, email_confirmed_at: null, invited_at: null,
    confirmation_token: null, confirmation_sent_at: now, recovery_token: null, recovery_sent_at: null, email_change_token_new: null,
    email_change: null, email_change_sent_at: null, last_sign_in_at: null, raw_app_meta_data: { provider: 'email', providers: ['email'] },
    raw_user_meta_data: mergeMetadata({}, data), created_at: now, updated_at: now, phone: null, phone_confirmed_at: null,
    banned_until: null, deleted_at: null, is_anonymous: false,
  }
}
