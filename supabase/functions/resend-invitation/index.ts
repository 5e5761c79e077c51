import { requireUser, serviceClient } from '../_shared/clients.ts'
import { clientIp } from '../_shared/client-ip.ts'
import { fromPostgrest, json, readJson, requireString, serve } from '../_shared/http.ts'
import { sendInvitation } from '../_shared/invitation-mail.ts'
import { newToken, tokenHash } from '../_shared/token.ts'

/**
 * POST { invitation_id, language? }: a new link replaces the old one (which stops working at once),
 * the expiry restarts and the email goes out again.
 */
Deno.serve(serve(['POST'], async (req) => {
  const user = await requireUser(req)
  const body = await readJson(req)
  const invitationId = requireString(body, 'invitation_id')
  const service = serviceClient()
  const token = newToken()
  const { data, error } = await service.rpc('resend_invitation', {
    p_actor: user.id,
    p_invitation: invitationId,
    p_token_hash: await tokenHash(token),
    p_client_ip: clientIp(req),
  })
  if (error) throw fromPostgrest(error)
  const language = body.language === 'uk' || body.language === 'en' ? body.language : undefined
  const emailSent = await sendInvitation(service, data.id, token, user, language)
  return json({ invitation_id: data.id, expires_at: data.expires_at, send_count: data.send_count, email_sent: emailSent })
}))
