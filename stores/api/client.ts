import type { SupabaseClient } from '@supabase/supabase-js'
import { auditApi } from './audit.ts'
import type { Database } from './database.types.ts'
import { invitationsApi } from './invitations.ts'
import { membersApi } from './members.ts'
import { organizationsApi } from './organizations.ts'
import { rolecallSchema } from './request.ts'
import { resourcesApi } from './resources.ts'
import { rolesApi } from './roles.ts'

/** A supabase-js client typed with Rolecall's schema. */
export type RolecallClient = SupabaseClient<Database, 'rolecall'>

/**
 * The typed API over a supabase-js client: ours, or the host's (whatever its default schema; every
 * read and RPC names `rolecall`), so the host's sign-in is reused.
 */
export function createApi(client: AnyClient) {
  // NOTE: the host's client is typed with the host's own Database (or none); Rolecall's calls are typed here.
  const typed = client as unknown as RolecallClient
  const context = { db: rolecallSchema(typed), functions: typed.functions }
  return {
    /** The underlying client (Auth lives here). */
    client: typed,
    organizations: organizationsApi(context),
    members: membersApi(context),
    roles: rolesApi(context),
    invitations: invitationsApi(context),
    audit: auditApi(context),
    resources: resourcesApi(client as SupabaseClient),
  }
}

/** A client the API accepts: Rolecall's own, or a host's typed with the host's schema (or untyped). */
export type AnyClient = SupabaseClient | RolecallClient

/** The typed API the stores use. */
export type RolecallApi = ReturnType<typeof createApi>
