import type { ResourceSource } from '../../stores/api/index.ts'

const fields = ['type', 'schema', 'table', 'label'] as const

/**
 * The panel's `resourceSources`: the property as given, or the `resource-sources` attribute's JSON (an
 * attribute is always a string). An attribute that is not a JSON array of sources (`type`, `schema`,
 * `table`, `label` as strings) is reported on the console and leaves the member card's default.
 */
export function toResourceSources(value: readonly ResourceSource[] | string | undefined): readonly ResourceSource[] | undefined {
  if (typeof value !== 'string') return value
  let parsed: unknown
  try {
    parsed = JSON.parse(value)
  } catch {
    parsed = undefined
  }
  const valid = Array.isArray(parsed) && parsed.every((entry: Record<string, unknown>) =>
    typeof entry === 'object' && entry !== null && fields.every((field) => typeof entry[field] === 'string'))
  if (valid) return parsed as ResourceSource[]
  console.warn(`<rolecall-team-panel>: resource-sources needs a JSON array of { type, schema, table, label }, got ${value}`)
  return undefined
}
