import { randomUUID } from 'node:crypto'
import type { ApiRequest, ApiResponse } from './http/types.ts'
import { jsonResponse } from './http/types.ts'

/** One email the stack sent. */
export interface MailMessage {
  id: string
  from: string
  to: string[]
  subject: string
  text: string
  html: string
  /** ISO time it was accepted. */
  date: string
}

/**
 * A value fit for an email header: control characters (CR and LF above all, which would start a new
 * header) become spaces, so a name or subject cannot add recipients or headers.
 */
function headerText(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim()
}

/** Keeps every email in memory (the newest 1,000), like the Inbucket of `supabase start`. */
export class Mailbox {
  private readonly messages: MailMessage[] = []

  constructor(private readonly limit = 1000) {}

  /** Stores a message (its header fields made header-safe) and returns it. */
  deliver(mail: Omit<MailMessage, 'id' | 'date'>): MailMessage {
    const message: MailMessage = {
      ...mail,
      from: headerText(mail.from),
      to: mail.to.map(headerText),
      subject: headerText(mail.subject),
      id: randomUUID(),
      date: new Date().toISOString(),
    }
    this.messages.push(message)
    if (this.messages.length > this.limit) this.messages.splice(0, this.messages.length - this.limit)
    return message
  }

  /** Messages, newest first, optionally only those to `to`. */
  list(to?: string | null): MailMessage[] {
    const wanted = to?.toLowerCase()
    return this.messages.filter((m) => !wanted || m.to.some((t) => t.toLowerCase() === wanted)).reverse()
  }

  get(id: string): MailMessage | undefined {
    return this.messages.find((m) => m.id === id)
  }

  clear(to?: string | null): void {
    const wanted = to?.toLowerCase()
    for (let i = this.messages.length - 1; i >= 0; i--) {
      if (!wanted || this.messages[i]!.to.some((t) => t.toLowerCase() === wanted)) this.messages.splice(i, 1)
    }
  }
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

function page(mailbox: Mailbox, to: string | null, selected: MailMessage | undefined): string {
  const list = mailbox.list(to)
  const rows = list
    .map((m) => `<li class="${m.id === selected?.id ? 'on' : ''}"><a href="/mailbox?${to ? `to=${encodeURIComponent(to)}&` : ''}id=${m.id}">
      <b>${escapeHtml(m.subject)}</b><br><small>${escapeHtml(m.to.join(', '))} · ${escapeHtml(m.date.replace('T', ' ').slice(0, 19))}</small></a></li>`)
    .join('')
  // NOTE: the message's HTML runs in a sandboxed iframe (no scripts, no same-origin), so an email cannot act on this page.
  const body = selected
    ? `<h2>${escapeHtml(selected.subject)}</h2><p><small>From ${escapeHtml(selected.from)} to ${escapeHtml(selected.to.join(', '))}</small></p>
       <iframe sandbox srcdoc="${escapeHtml(selected.html || `<pre>${escapeHtml(selected.text)}</pre>`)}"></iframe>
       <details><summary>Plain text</summary><pre>${escapeHtml(selected.text)}</pre></details>`
    : `<p>${list.length ? 'Pick a message.' : 'No messages yet.'}</p>`
  return `<!doctype html><html><head><meta charset="utf-8"><title>Mailbox · Rolecall local stack</title><style>
    body{font-family:system-ui,sans-serif;margin:0;display:flex;height:100vh}nav{width:340px;overflow:auto;border-right:1px solid #ddd}
    ul{list-style:none;margin:0;padding:0}li a{display:block;padding:10px 14px;color:inherit;text-decoration:none;border-bottom:1px solid #eee}
    li.on a,li a:hover{background:#eef4ff}main{flex:1;padding:16px 24px;overflow:auto}iframe{width:100%;height:60vh;border:1px solid #ddd}
    header{padding:10px 14px;border-bottom:1px solid #ddd}</style></head><body><nav><header><b>Mailbox</b> · ${list.length} message(s)
    ${to ? ` to ${escapeHtml(to)} · <a href="/mailbox">all</a>` : ''}</header><ul>${rows}</ul></nav><main>${body}</main></body></html>`
}

/**
 * The answer to every /mailbox request while the mailbox is off (see ServerConfig.mailbox): whoever
 * reads it could sign in as anyone through a recovery link, so it stays closed unless asked for.
 */
export function mailboxOff(host: string): ApiResponse {
  return jsonResponse(403, {
    message: `The mailbox is off: it is on by default only when the stack listens on loopback (this one: ${host}), and ` +
      'ROLECALL_MAILBOX=1 or 0 decides explicitly. Whoever can read it can sign in as anyone through a recovery link.',
  })
}

/**
 * `/mailbox` (HTML page), `GET /mailbox/api/messages[?to=]` (JSON, newest first),
 * `GET /mailbox/api/messages/<id>`, `DELETE /mailbox/api/messages[?to=]`, and
 * `POST /mailbox/api/messages` with the service-role key: `{ from, to, subject, text, html }`
 * (`to` a string or a list), so local code (edge functions) can send mail without SMTP.
 */
export function handleMailbox(mailbox: Mailbox, req: ApiRequest, isServiceRole: (token: string) => Promise<boolean>): Promise<ApiResponse> | ApiResponse {
  const to = req.url.searchParams.get('to')
  if (req.path === '' || req.path === '/') {
    if (req.method !== 'GET') return jsonResponse(405, { message: 'Method not allowed' })
    const id = req.url.searchParams.get('id')
    return { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: page(mailbox, to, id ? mailbox.get(id) : undefined) }
  }
  const match = /^\/api\/messages(?:\/([^/]+))?\/?$/.exec(req.path)
  if (!match) return jsonResponse(404, { message: 'Not found' })
  const id = match[1]
  if (req.method === 'GET') {
    if (!id) return jsonResponse(200, mailbox.list(to))
    const message = mailbox.get(id)
    return message ? jsonResponse(200, message) : jsonResponse(404, { message: 'Message not found' })
  }
  if (req.method === 'DELETE' && !id) {
    mailbox.clear(to)
    return { status: 204, headers: {} }
  }
  if (req.method === 'POST' && !id) return deliver(mailbox, req, isServiceRole)
  return jsonResponse(405, { message: 'Method not allowed' })
}

async function deliver(mailbox: Mailbox, req: ApiRequest, isServiceRole: (token: string) => Promise<boolean>): Promise<ApiResponse> {
  const token = (req.headers.authorization ?? '').replace(/^Bearer\s+/i, '')
  if (!(await isServiceRole(token))) return jsonResponse(401, { message: 'The service-role key is required to send mail' })
  let body: Record<string, unknown>
  try {
    body = JSON.parse(req.body.toString('utf8'))
  } catch {
    return jsonResponse(400, { message: 'The body must be JSON' })
  }
  const to = (Array.isArray(body.to) ? body.to : [body.to]).filter((t): t is string => typeof t === 'string' && t.includes('@'))
  if (to.length === 0 || typeof body.subject !== 'string') return jsonResponse(422, { message: '"to" and "subject" are required' })
  const message = mailbox.deliver({
    from: typeof body.from === 'string' ? body.from : 'no-reply@rolecall.local',
    to,
    subject: body.subject,
    text: typeof body.text === 'string' ? body.text : '',
    html: typeof body.html === 'string' ? body.html : '',
  })
  return jsonResponse(200, { id: message.id })
}
