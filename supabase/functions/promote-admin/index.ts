import { bearerToken, clientAs, requireUser, serviceClient } from '../_shared/clients.ts'
import { fromPostgrest, json, readJson, requireString, serve } from '../_shared/http.ts'
import { notifyAdmins } from '../_shared/notify.ts'
import { actAs, organizationName } from '../_shared/team-action.ts'

/**
 * Single-admin mode (Paycove): promoting a member to Admin demotes the current Admin.
 * POST { member_id }                → { preview }: what would change, for the confirmation modal.
 * POST { member_id, confirm: true } → { member }: done, in one transaction; admins are told.
 */
Deno.serve(serve(['POST'], async (req) => {
  const user = await requireUser(req)
  const body = await readJson(req)
  const memberId = requireString(body, 'member_id')
  if (body.confirm !== true) {
    const { data, error } = await clientAs(bearerToken(req)).rpc('preview_promote_to_admin', { p_member: memberId })
    if (error) throw fromPostgrest(error)
    return json({ preview: data })
  }
  const member = await actAs(req, user, 'promote_to_admin_as', { p_member: memberId })
  await notifyAdmins(serviceClient(), member.organization_id, {
    kind: 'admin_promoted',
    organization: await organizationName(member.organization_id),
    from: user.email ?? '',
    to: member.email,
  })
  return json({ member })
}))
