import type { Mail } from './mail.ts'

/** Email languages: the organization's (or the inviter's) choice. */
export type Language = 'en' | 'uk'

/** What an invitation email says. */
export interface InvitationFacts {
  to: string
  organization: string
  inviter: string
  role: string
  expiresAt: Date
  link: string
}

/** What happened, for the admins' notification email. */
export type TeamEvent =
  | { kind: 'primary_transferred'; organization: string; from: string; to: string }
  | { kind: 'admin_promoted'; organization: string; from: string; to: string }
  | { kind: 'invitation_accepted'; organization: string; member: string; role: string }
  | { kind: 'member_removed'; organization: string; member: string; by: string }

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

function formatDate(date: Date, language: Language): string {
  return new Intl.DateTimeFormat(language === 'uk' ? 'uk-UA' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' })
    .format(date) + ' UTC'
}

function page(paragraphs: string[], action?: { label: string; href: string }): string {
  const body = paragraphs.map((p) => `<p style="margin:0 0 16px">${p}</p>`).join('')
  const button = action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(action.href)}" style="background:#2563eb;color:#fff;padding:12px 20px;border-radius:6px;text-decoration:none">${escapeHtml(action.label)}</a></p>`
    : ''
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#111;max-width:560px;margin:0 auto;padding:24px">${body}${button}</body></html>`
}

/** The invitation email, plain text and HTML. */
export function invitationMail(facts: InvitationFacts, language: Language): Mail {
  const expires = formatDate(facts.expiresAt, language)
  const t = language === 'uk'
    ? {
        subject: `${facts.inviter} запрошує вас до ${facts.organization}`,
        lines: [
          `${facts.inviter} запрошує вас приєднатися до «${facts.organization}» з роллю «${facts.role}».`,
          `Посилання дійсне до ${expires}. Якщо запрошення надішлють повторно, це посилання перестане діяти.`,
        ],
        action: 'Прийняти запрошення',
        ignore: 'Якщо ви не чекали цього листа, просто проігноруйте його.',
      }
    : {
        subject: `${facts.inviter} invited you to ${facts.organization}`,
        lines: [
          `${facts.inviter} invited you to join "${facts.organization}" as ${facts.role}.`,
          `The link works until ${expires}. If the invitation is sent again, this link stops working.`,
        ],
        action: 'Accept the invitation',
        ignore: 'If you did not expect this email, you can ignore it.',
      }
  return {
    to: facts.to,
    subject: t.subject,
    text: [...t.lines, `${t.action}: ${facts.link}`, t.ignore].join('\n\n'),
    html: page([...t.lines.map(escapeHtml), escapeHtml(t.ignore)], { label: t.action, href: facts.link }),
  }
}

function eventLines(event: TeamEvent, language: Language): { subject: string; line: string } {
  const o = event.organization
  if (language === 'uk') {
    switch (event.kind) {
      case 'primary_transferred':
        return { subject: `${o}: змінено основного адміністратора`, line: `${event.from} передав(ла) статус основного адміністратора користувачу ${event.to}.` }
      case 'admin_promoted':
        return { subject: `${o}: новий адміністратор`, line: `${event.from} призначив(ла) адміністратором ${event.to}; попередній адміністратор тепер має нижчу роль.` }
      case 'invitation_accepted':
        return { subject: `${o}: запрошення прийнято`, line: `${event.member} приєднався(лась) до команди з роллю «${event.role}».` }
      case 'member_removed':
        return { subject: `${o}: учасника видалено`, line: `${event.by} видалив(ла) ${event.member} з команди.` }
    }
  }
  switch (event.kind) {
    case 'primary_transferred':
      return { subject: `${o}: primary admin changed`, line: `${event.from} handed primary admin status to ${event.to}.` }
    case 'admin_promoted':
      return { subject: `${o}: new Admin`, line: `${event.from} made ${event.to} the Admin; the previous Admin now has the next role down.` }
    case 'invitation_accepted':
      return { subject: `${o}: invitation accepted`, line: `${event.member} joined the team as ${event.role}.` }
    case 'member_removed':
      return { subject: `${o}: member removed`, line: `${event.by} removed ${event.member} from the team.` }
  }
}

/** The notification email admins get after a team change. */
export function teamEventMail(to: string, event: TeamEvent, language: Language): Mail {
  const { subject, line } = eventLines(event, language)
  const footer = language === 'uk'
    ? 'Ви отримали цей лист, бо адмініструєте команду. Сповіщення можна вимкнути в налаштуваннях.'
    : 'You receive this because you administer the team. Notifications can be turned off in the settings.'
  return { to, subject, text: `${line}\n\n${footer}`, html: page([escapeHtml(line), escapeHtml(footer)]) }
}
