import { createHash, randomInt } from 'node:crypto'
import type { ApiRequest } from '../http/types.ts'
import { AuthError } from './errors.ts'
import { emailFor, type EmailKind } from './emails.ts'
import type { AuthContext, Body } from './context.ts'
import type { UserRow } from './user-json.ts'

/** Supabase Auth's OTP hash: hex SHA-224 of email + code. */
export function tokenHash(email: string, otp: string): string {
  return createHash('sha224').update(email + otp).digest('hex')
}

function newOtp(length: number): string {
  let out = ''
  for (let i = 0; i < length; i++) out += String(randomInt(10))
  return out
}

/**
 * Stores a fresh one-time token for `kind` and emails the link, respecting max_frequency per user
 * and, while confirmations are on, `email_sent` per hour (Supabase Auth skips that limit under
 * autoconfirm: internal/api/mail.go).
 */
export async function sendLink(ctx: AuthContext, req: ApiRequest, user: UserRow, kind: EmailKind, redirectTo: string, send = true): Promise<{ otp: string; hash: string; link: string }> {
  const column = kind === 'recovery' || kind === 'magiclink' ? 'recovery' : kind === 'email_change' ? 'email_change' : 'confirmation'
  const sentAt = column === 'recovery' ? user.recovery_sent_at : column === 'email_change' ? user.email_change_sent_at : user.confirmation_sent_at
  const wait = ctx.settings.maxFrequency
  if (send && sentAt && (Date.now() - new Date(sentAt).getTime()) / 1000 < wait) {
    throw new AuthError(429, 'over_email_send_rate_limit', `For security purposes, you can only request this after ${Math.ceil(wait)} seconds.`)
  }
  if (send && ctx.settings.enableConfirmations) ctx.limits.checkEmail()
  const otp = newOtp(ctx.settings.otpLength)
  const target = kind === 'email_change' ? user.email_change ?? '' : user.email ?? ''
  const hash = tokenHash(target, otp)
  const tokenColumn = column === 'email_change' ? 'email_change_token_new' : `${column}_token`
  await ctx.db.query(`update auth.users set ${tokenColumn} = $2, ${column}_sent_at = now() where id = $1`, [user.id, hash])
  const link = `${ctx.publicUrl()}/auth/v1/verify?token=${hash}&type=${kind}&redirect_to=${encodeURIComponent(redirectTo)}`
  if (send) {
    const mail = emailFor(kind, { link, otp, email: target, siteUrl: ctx.settings.siteUrl })
    ctx.mailbox.deliver({ from: ctx.settings.mailFrom, to: [target], ...mail })
  }
  return { otp, hash, link }
}

/**
 * The redirect URL when it is allowed (site URL or an additional redirect URL), else the site URL.
 * A URL with control characters is never allowed: Go's url.Parse refuses them, so Supabase Auth falls
 * back to the site URL, and here they would end up in the Location header.
 */
export function redirectAllowed(ctx: AuthContext, url: unknown): string {
  const s = ctx.settings
  // eslint-disable-next-line no-control-regex
  if (typeof url !== 'string' || url === '' || /[\u0000-\u001f\u007f]/.test(url)) return s.siteUrl
  const allowed = [s.siteUrl, ...s.additionalRedirectUrls].some((base) => matchesRedirect(url, base))
  return allowed ? url : s.siteUrl
}

/** The redirect a client asked for: query, `options.email_redirect_to` or `redirect_to`. */
export function redirectOf(req: ApiRequest, body: Body): string {
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
