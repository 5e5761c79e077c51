/** One email, with a plain-text and an HTML body. */
export interface Mail {
  to: string
  subject: string
  text: string
  html: string
}

/** Where mail goes, from the environment (see README "Edge functions → Email"). */
export type MailTransport =
  | { kind: 'mailbox'; url: string; key: string; from: string }
  | { kind: 'http'; url: string; key: string; from: string }
  | { kind: 'smtp'; url: string; from: string }

/**
 * MAIL_TRANSPORT=smtp (SMTP_URL, e.g. smtps://user:pass@smtp.example.com:465 — hosted Supabase blocks
 * ports 25 and 587), http (MAIL_API_URL + MAIL_API_KEY: a Resend-compatible JSON API), or mailbox
 * (the local stack's mailbox; the default when nothing else is configured).
 */
export function mailTransportFromEnv(get: (name: string) => string | undefined = (n) => Deno.env.get(n)): MailTransport {
  const from = get('MAIL_FROM') ?? 'Rolecall <no-reply@rolecall.local>'
  const kind = get('MAIL_TRANSPORT') ?? (get('SMTP_URL') ? 'smtp' : get('MAIL_API_URL') ? 'http' : 'mailbox')
  if (kind === 'smtp') return { kind, url: required(get, 'SMTP_URL'), from }
  if (kind === 'http') return { kind, url: required(get, 'MAIL_API_URL'), key: required(get, 'MAIL_API_KEY'), from }
  if (kind === 'mailbox') {
    const base = required(get, 'SUPABASE_URL')
    return { kind, url: get('ROLECALL_MAILBOX_URL') ?? `${base}/mailbox/api/messages`, key: required(get, 'SUPABASE_SERVICE_ROLE_KEY'), from }
  }
  throw new Error(`MAIL_TRANSPORT must be smtp, http or mailbox, not "${kind}"`)
}

function required(get: (name: string) => string | undefined, name: string): string {
  const value = get(name)
  if (!value) throw new Error(`${name} is not set`)
  return value
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const controlCharacters = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g

/**
 * Text for one header line (subject, sender, recipient): every control character (CR, LF, tab, the
 * C1 range, U+2028/2029) becomes a space, so names typed by users (organizations, display names)
 * can neither add a header nor break the subject. The one place headers are cleaned: sendMail.
 */
export function headerText(value: string): string {
  return value.replace(controlCharacters, ' ').replace(/ {2,}/g, ' ').trim()
}

/** Sends one email through the configured transport; throws when it was not accepted. */
export async function sendMail(mail: Mail, transport: MailTransport = mailTransportFromEnv()): Promise<void> {
  const from = headerText(transport.from)
  const headers = { to: headerText(mail.to), subject: headerText(mail.subject) }
  if (transport.kind === 'smtp') {
    const { createTransport } = await import('nodemailer')
    await createTransport(transport.url).sendMail({ ...mail, from, ...headers })
    return
  }
  const response = await fetch(transport.url, {
    method: 'POST',
    headers: { Authorization: `Bearer ${transport.key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ from, to: [headers.to], subject: headers.subject, text: mail.text, html: mail.html }),
  })
  if (!response.ok) throw new Error(`Mail was not accepted: ${response.status} ${await response.text()}`)
}
