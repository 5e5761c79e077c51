import type { ApiRequest, ApiResponse } from '../http/types.ts'
import { AuthError } from './errors.ts'
import { type AuthContext, type Body, json } from './context.ts'
import { redirectAllowed, tokenHash } from './links.ts'
import { issueSession } from './tokens.ts'
import type { UserRow } from './user-json.ts'
import { checkEmail, findUser } from './users.ts'

/** Checks a one-time token: { type, email, token } or { type, token_hash }; returns the user it confirms. */
export async function consumeToken(ctx: AuthContext, type: string, email: string | null, token: string | null, hash: string | null): Promise<{ user: UserRow; method: string }> {
  const expiry = ctx.settings.otpExpiry
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
        ? (await findUser(ctx, 'lower(u.email) = lower($1) or lower(u.email_change) = lower($1)', [email]))?.user.email_change ?? email
        : email
      tokenHashValue = tokenHash(target.toLowerCase(), token)
    }
    const found = await findUser(ctx, `${types[candidate]!.where} and u.deleted_at is null`, [tokenHashValue, expiry])
    if (!found) continue
    const user = found.user
    if (candidate === 'email_change') {
      await ctx.db.query(
        `with u as (update auth.users set email = lower(email_change), email_change = '', email_change_token_new = '', updated_at = now() where id = $1 returning id, email)
         update auth.identities i set identity_data = i.identity_data || jsonb_build_object('email', u.email), updated_at = now() from u where i.user_id = u.id and i.provider = 'email'`,
        [user.id],
      )
    } else {
      const column = candidate === 'magiclink' || candidate === 'recovery' ? 'recovery_token' : 'confirmation_token'
      await ctx.db.query(
        `with u as (update auth.users set ${column} = '', email_confirmed_at = coalesce(email_confirmed_at, now()), updated_at = now() where id = $1 returning id)
         update auth.identities i set identity_data = i.identity_data || '{"email_verified": true}'::jsonb from u where i.user_id = u.id and i.provider = 'email'`,
        [user.id],
      )
    }
    return { user: (await findUser(ctx, 'u.id = $1', [user.id]))!.user, method: types[candidate]!.method }
  }
  throw invalid
}

/** POST /verify: checks the token and answers with a session. */
export async function verifyPost(ctx: AuthContext, req: ApiRequest, body: Body): Promise<ApiResponse> {
  const type = typeof body.type === 'string' ? body.type : ''
  const { user, method } = await consumeToken(ctx, 
    type,
    typeof body.email === 'string' ? checkEmail(body.email) : null,
    typeof body.token === 'string' ? body.token.trim() : null,
    typeof body.token_hash === 'string' ? body.token_hash : null,
  )
  return json(200, await issueSession(ctx, req, user, method))
}

/** Percent-encodes what a header may not carry raw (anything but printable ASCII), as UTF-8. */
function headerSafe(url: string): string {
  return url.replace(/[^\x21-\x7e]/gu, (c) => [...Buffer.from(c, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''))
}

/** The link in the emails: verifies, then redirects with the session in the URL fragment (implicit flow). */
export async function verifyGet(ctx: AuthContext, req: ApiRequest): Promise<ApiResponse> {
  const q = req.url.searchParams
  const type = q.get('type') ?? ''
  const redirect = headerSafe(redirectAllowed(ctx, q.get('redirect_to')))
  try {
    const { user, method } = await consumeToken(ctx, type, null, null, q.get('token') ?? '')
    const session = await issueSession(ctx, req, user, method)
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
