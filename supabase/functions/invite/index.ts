import { requireUser, serviceClient } from '../_shared/clients.ts'
import { clientIp } from '../_shared/client-ip.ts'
import { FunctionError, fromPostgrest, json, readJson, requireString, serve } from '../_shared/http.ts'
import { sendInvitation } from '../_shared/invitation-mail.ts'
import { newToken, tokenHash } from '../_shared/token.ts'
import { type InviteRow, rowsFromBody } from './csv.ts'

const maxRows = 200
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** What happened to one row of the request. */
type RowResult =
  | { email: string; ok: true; invitation_id: string; expires_at: string; email_sent: boolean }
  | { email: string; ok: false; code: string; message: string; status: number }

/**
 * POST { organization_id, email, role_id, grants?, denies?, ip_allowlist?, resource_grants?, language? }
 * (resource_grants: `{ project: [id, ...], budget: [...] }`, granted on accept) invites one
 * person (201, or the error's status); POST { organization_id, invitations: [...] } or
 * { organization_id, csv } invites many and answers 200 with one result per row.
 */
Deno.serve(serve(['POST'], async (req) => {
  const user = await requireUser(req)
  const body = await readJson(req)
  const organizationId = requireString(body, 'organization_id')
  const language = body.language === 'uk' || body.language === 'en' ? body.language : undefined
  let rows: InviteRow[]
  try {
    rows = rowsFromBody(body)
  } catch (error) {
    throw new FunctionError('invalid_csv', (error as Error).message, 400)
  }
  if (rows.length === 0 || rows.length > maxRows) {
    throw new FunctionError('invalid_body', `Send between 1 and ${maxRows} invitations`, 400)
  }
  const service = serviceClient()
  const roles = await rolesByName(service, organizationId)
  const results: RowResult[] = []
  for (const row of rows) {
    const roleId = uuid.test(row.role) ? row.role : roles.get(row.role.trim().toLowerCase())
    if (!roleId) {
      results.push({ email: row.email, ok: false, code: 'RC306', message: `Unknown role "${row.role}"`, status: 404 })
      continue
    }
    const token = newToken()
    const { data, error } = await service.rpc('create_invitation', {
      p_actor: user.id,
      p_org: organizationId,
      p_email: row.email,
      p_role: roleId,
      p_token_hash: await tokenHash(token),
      p_grants: row.grants,
      p_denies: row.denies,
      p_allowlist: row.ip_allowlist,
      p_client_ip: clientIp(req),
      p_resource_grants: row.resource_grants,
    })
    if (error) {
      const failure = fromPostgrest(error)
      results.push({ email: row.email, ok: false, code: failure.code, message: failure.message, status: failure.status })
      continue
    }
    const emailSent = await sendInvitation(service, data.id, token, user, language)
    results.push({ email: data.email, ok: true, invitation_id: data.id, expires_at: data.expires_at, email_sent: emailSent })
  }
  if (!Array.isArray(body.invitations) && typeof body.csv !== 'string') {
    const [only] = results as [RowResult]
    return only.ok ? json(only, 201) : json({ code: only.code, message: only.message, details: null }, only.status)
  }
  return json({ results })
}))

/** The organization's role ids by lower-cased name, for CSV rows that name their role. */
async function rolesByName(service: ReturnType<typeof serviceClient>, organizationId: string): Promise<Map<string, string>> {
  if (!uuid.test(organizationId)) throw new FunctionError('RC306', 'Organization not found', 404)
  const { data, error } = await service.from('roles').select('id, name').eq('organization_id', organizationId)
  if (error) throw fromPostgrest(error)
  return new Map((data ?? []).map((role: { id: string; name: string }) => [role.name.toLowerCase(), role.id]))
}
