import type { SupabaseClient } from '@supabase/supabase-js'
import { run } from './request.ts'

/**
 * Where one resource type's rows live in the vendor's schema. Rolecall's registry
 * (`rolecall_private.resource_types`) is not exposed to the API, so the host names its tables here.
 */
export interface ResourceSource {
  /** The registered type, as `set_resource_grants` takes it (`project`, `budget`, `card`). */
  type: string
  /** The vendor's schema; it must be exposed to the API. */
  schema: string
  /** The table. */
  table: string
  /** The column shown as the row's name. */
  label: string
  /** The id column (default `id`). */
  idColumn?: string
  /** The organization column (default `organization_id`). */
  organizationColumn?: string
}

/** A resource row as the member card lists it. */
export interface ResourceOption {
  id: string
  label: string
}

/** A grant of one resource to a member (`rolecall.resource_grants`). */
export interface ResourceGrant {
  resource_type: string
  resource_id: string
}

/**
 * Reads of the vendor's resource tables through the same client, so the vendor's RLS decides what the
 * caller sees: a type the caller cannot read lists nothing.
 */
export function resourcesApi(client: SupabaseClient) {
  return {
    /** The organization's rows of a source that the caller may read, in label order. */
    list: async (source: ResourceSource, org: string): Promise<ResourceOption[]> => {
      const id = source.idColumn ?? 'id'
      const rows = await run(client.schema(source.schema).from(source.table)
        .select(`${id}, ${source.label}`).eq(source.organizationColumn ?? 'organization_id', org).order(source.label))
      return (rows as unknown as Record<string, unknown>[]).map((row) => ({ id: String(row[id]), label: String(row[source.label]) }))
    },
  }
}
