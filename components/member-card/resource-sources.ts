import type { ResourceGrant, ResourceSource } from '../../stores/api/index.ts'

/**
 * The example schema's resource tables (supabase/migrations/*_example_vendor_tables.sql): Jusnote
 * projects, Profit budgets and cards. A host with its own tables passes its list to the member card.
 */
export const exampleResourceSources: readonly ResourceSource[] = [
  { type: 'project', schema: 'example', table: 'projects', label: 'name' },
  { type: 'budget', schema: 'example', table: 'budgets', label: 'name' },
  { type: 'card', schema: 'example', table: 'cards', label: 'last4' },
]

/**
 * The resource types the card offers: every configured source, then any type found only in the
 * member's grants (its rows cannot be listed, so only the granted ids show).
 */
export function resourceTypes(sources: readonly ResourceSource[], grants: readonly ResourceGrant[]): string[] {
  const types = sources.map((source) => source.type)
  for (const grant of grants) if (!types.includes(grant.resource_type)) types.push(grant.resource_type)
  return types
}
