/** The emails Auth sends, named like Supabase's templates. */
export type EmailKind = 'signup' | 'invite' | 'magiclink' | 'recovery' | 'email_change'

/** What a template may show. */
export interface EmailFacts {
  link: string
  otp: string
  email: string
  siteUrl: string
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

const templates: Record<EmailKind, { subject: string; heading: string; action: string }> = {
  signup: { subject: 'Confirm Your Signup', heading: 'Confirm your signup', action: 'Confirm your email' },
  invite: { subject: 'You have been invited', heading: 'You have been invited', action: 'Accept the invite' },
  magiclink: { subject: 'Your Magic Link', heading: 'Magic Link', action: 'Log In' },
  recovery: { subject: 'Reset Your Password', heading: 'Reset Password', action: 'Reset Password' },
  email_change: { subject: 'Confirm Email Change', heading: 'Confirm Change of Email', action: 'Change Email' },
}

/** Subject, plain text and HTML of an Auth email (the link and the one-time code both work). */
export function emailFor(kind: EmailKind, facts: EmailFacts): { subject: string; text: string; html: string } {
  const t = templates[kind]
  const text = `${t.heading}\n\nFollow this link: ${facts.link}\n\nOr enter this code: ${facts.otp}\n`
  const html = `<h2>${t.heading}</h2><p>Follow this link:</p><p><a href="${escapeHtml(facts.link)}">${t.action}</a></p>
<p>Or enter this code: <b>${facts.otp}</b></p>`
  return { subject: t.subject, text, html }
}
