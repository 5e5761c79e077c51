import type { MyPermission } from '../../stores/api/index.ts'
import type { ReachableResources } from '../../stores/extension/org-details.ts'

/** A line of "What you can reach". */
export interface ResourceLine {
  id: string
  /** The message and its values; null: the row's own name (`values.name`) as it is. */
  message: string | null
  values: Record<string, string>
  /** A message added after a dash ("card details and fund requests only"), or null. */
  qualifier: string | null
  /** Given one by one (a resource grant), not through the role. */
  granted: boolean
}

// NOTE: Profit's Cardholder: "Viewing their card details and submitting fund requests" is all the role allows.
const cardholderKeys = new Set(['cards.view_own', 'fund_requests.submit'])

/**
 * The lines of one resource type: "All budgets" with `<type>s.view_all`; else each row: a card the user
 * holds as "Your card •4242" (with "card details and fund requests only" when that is all they may do),
 * a project "with all its documents" (Jusnote: a project grant opens its documents), a budget by name.
 */
export function resourceLines(reach: ReachableResources, permissions: readonly MyPermission[]): ResourceLine[] {
  if (reach.all) return [{ id: 'all', message: `popup.resources.all.${reach.type}`, values: {}, qualifier: null, granted: false }]
  const held = permissions.filter((p) => p.granted)
  const cardOnly = held.length > 0 && held.every((p) => cardholderKeys.has(p.key))
  return reach.rows.map((row) => {
    const line = { id: row.id, values: { name: row.label }, qualifier: null, granted: row.granted }
    if (reach.type === 'card') {
      // NOTE: a card that is no grant is visible through cards.view_own: the user's own.
      const own = !row.granted
      return { ...line, message: own ? 'popup.resources.ownCard' : 'popup.resources.card', values: { last4: row.label }, qualifier: own && cardOnly ? 'popup.resources.cardOnly' : null }
    }
    return { ...line, message: reach.type === 'project' ? 'popup.resources.project' : null }
  })
}
