import type { User } from '@supabase/supabase-js'
import type { RolecallClient } from './clients.ts'
import { invitationMail, type Language } from './emails.ts'
import { sendMail } from './mail.ts'

/** The link in the email; the token travels in the fragment so no server or referrer logs it. */
export function acceptLink(token: string, base = Deno.env.get('ROLECALL_INVITE_URL') ?? 'http://127.0.0.1:3000/accept-invitation'): string {
  return `${base}#token=${encodeURIComponent(token)}`
}

/** A display name for the inviter: their name if they gave one, else their email. */
export function displayName(user: User): string {
  const name = user.user_metadata?.full_name ?? user.user_metadata?.name
  return typeof name === 'string' && name.trim() !== '' ? name.trim() : user.email ?? ''
}

/** Sends the invitation email for a row of rolecall.invitation_list; false when the mail was not accepted. */
export async function sendInvitation(
  service: RolecallClient,
  invitationId: string,
  token: string,
  inviter: User,
  language?: Language,
): Promise<boolean> {
  const { data, error } = await service.from('invitation_list').select('email, organization_name, role_name, expires_at, language').eq('id', invitationId).single()
  if (error || !data) return false
  try {
    await sendMail(invitationMail({
      to: data.email,
      organization: data.organization_name,
      inviter: displayName(inviter),
      role: data.role_name,
      expiresAt: new Date(data.expires_at),
      link: acceptLink(token),
    }, language ?? data.language))
    return true
  } catch (mailError) {
    console.error('invitation email', mailError)
    return false
  }
}
