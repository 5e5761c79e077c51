import { requireUser, serviceClient } from '../_shared/clients.ts'
import { requireRecentAuthentication } from '../_shared/auth.ts'
import { json, readJson, requireString, serve } from '../_shared/http.ts'
import { notifyAdmins } from '../_shared/notify.ts'
import { actAs, organizationName } from '../_shared/team-action.ts'

/**
 * POST { member_id, password? }: the primary admin hands primary status to another active member,
 * who becomes an admin if not one already. Needs the caller's password again, or a sign-in within
 * the last five minutes. The rules themselves (only the primary, target active, ...) are SQL's.
 */
Deno.serve(serve(['POST'], async (req) => {
  const user = await requireUser(req)
  const body = await readJson(req)
  const memberId = requireString(body, 'member_id')
  await requireRecentAuthentication(req, user, body.password)
  const member = await actAs(req, user, 'transfer_primary_as', { p_member: memberId })
  await notifyAdmins(serviceClient(), member.organization_id, {
    kind: 'primary_transferred',
    organization: await organizationName(member.organization_id),
    from: user.email ?? '',
    to: member.email,
  })
  return json({ member })
}))
