import type { User } from '@supabase/supabase-js'
import { serviceClient } from './clients.ts'
import { clientIp } from './client-ip.ts'
import { fromPostgrest } from './http.ts'

/** A member row as the SQL functions return it. */
export interface MemberRow {
  id: string
  organization_id: string
  user_id: string
  role_id: string
  email: string
  is_primary: boolean
  status: 'active' | 'deactivated'
}

/**
 * Calls a service-only `<name>_as` RPC, which runs the user-facing SQL function as the verified
 * caller from the caller's address, so the IP allowlist and the audit trail see the real client
 * rather than this function.
 */
export async function actAs(req: Request, user: User, fn: string, args: Record<string, unknown>): Promise<MemberRow> {
  const { data, error } = await serviceClient().rpc(fn, { p_actor: user.id, p_client_ip: clientIp(req), ...args })
  if (error) throw fromPostgrest(error)
  return data as MemberRow
}

/** The organization's name, for notification emails. */
export async function organizationName(organizationId: string): Promise<string> {
  const { data } = await serviceClient().from('organizations').select('name').eq('id', organizationId).single()
  return data?.name ?? ''
}
