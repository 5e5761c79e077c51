import { requireUser, serviceClient } from '../_shared/clients.ts'
import { json, readJson, requireString, serve } from '../_shared/http.ts'
import { notifyAdmins } from '../_shared/notify.ts'
import { actAs, organizationName } from '../_shared/team-action.ts'

/** POST { member_id }: removes a member (SQL decides who may), then tells the admins. */
Deno.serve(serve(['POST'], async (req) => {
  const user = await requireUser(req)
  const body = await readJson(req)
  const member = await actAs(req, user, 'remove_member_as', { p_member: requireString(body, 'member_id') })
  await notifyAdmins(serviceClient(), member.organization_id, {
    kind: 'member_removed',
    organization: await organizationName(member.organization_id),
    member: member.email,
    by: user.email ?? '',
  })
  return json({ member })
}))
