/** A section of a permission tree ("Bills", «Налаштування»). */
export interface PermissionSection {
  /** Stable key, e.g. `bills`. */
  key: string
  /** The heading in the user's language. */
  label: string
}

/** One checkbox of a permission tree: a catalog permission or a product checkbox. */
export interface PermissionItem {
  /** The permission or checkbox key, e.g. `bills.approve` or `bank_transactions`. */
  key: string
  /** The label in the user's language ("Approve Bills", «Звіти»). */
  label: string
  /** The {@link PermissionSection.key} it belongs to. */
  section: string
  /** Why it is as it is ("from your role", "granted by the Admin", "always on"). */
  source?: string
  /** Fixed: cannot be ticked or unticked here (always-on keys, keys held through the role). */
  locked?: boolean
}

/** A tri-state checkbox value, as reka-ui's Checkbox takes it. */
export type TriState = boolean | 'indeterminate'

/** The section checkbox: ticked when all its items are, mixed when some are. */
export function sectionState(items: readonly PermissionItem[], selected: readonly string[]): TriState {
  const ticked = items.filter((item) => selected.includes(item.key)).length
  if (ticked === 0) return false
  return ticked === items.length ? true : 'indeterminate'
}

/**
 * The selection after ticking (`on`) or unticking a whole section; locked items keep their state.
 * The order of `selected` is kept, new keys are appended.
 */
export function setSection(items: readonly PermissionItem[], selected: readonly string[], on: boolean): string[] {
  const changeable = new Set(items.filter((item) => !item.locked).map((item) => item.key))
  const kept = selected.filter((key) => !changeable.has(key))
  return on ? [...kept, ...[...changeable].filter((key) => !kept.includes(key))] : kept
}

/** The selection after ticking or unticking one key. */
export function setItem(selected: readonly string[], key: string, on: boolean): string[] {
  const without = selected.filter((other) => other !== key)
  return on ? [...without, key] : without
}
