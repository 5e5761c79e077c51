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

/** Sends one email through the configured transport; throws when it was not accepted. */
export async function sendMail(mail: Mail, transport: MailTransport = mailTransportFromEnv()): Promise<void> {
  if (transport.kind === 'smtp') {
    const { createTransport } = await import('nodemailer')
    await createTransport(transport.url).sendMail({ from: transport.from, ...mail })
    return
  }
  const response = await fetch(transport.url, {
    method: 'POST',
    headers: { Authorization: `Bearer ${transport.key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ from: transport.from, to: [mail.to], subject: mail.subject, text: mail.text, html: mail.html }),
  })
  if (!response.ok) throw new Error(`Mail was not accepted: ${response.status} ${await response.text()}`)
}
