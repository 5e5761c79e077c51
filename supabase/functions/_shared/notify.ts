import type { RolecallClient } from './clients.ts'
import { type Language, type TeamEvent, teamEventMail } from './emails.ts'
import { sendMail } from './mail.ts'

/**
 * Emails the organization's admins who have notifications on (Paycove: the Admin by default) about a
 * team change. The change itself is already committed, so a mail failure is logged, not raised.
 */
export async function notifyAdmins(service: RolecallClient, organizationId: string, event: TeamEvent): Promise<number> {
  const { data, error } = await service.rpc('notification_recipients', { p_org: organizationId })
  if (error) {
    console.error('notification recipients', error)
    return 0
  }
  const recipients = (data ?? []) as { email: string; language: Language }[]
  const sent = await Promise.allSettled(recipients.map((r) => sendMail(teamEventMail(r.email, event, r.language))))
  for (const result of sent) if (result.status === 'rejected') console.error('notification email', result.reason)
  return sent.filter((r) => r.status === 'fulfilled').length
}
