// PostgREST filter strings are built here and nowhere else.

/** The columns the members search looks in. */
export const memberSearchColumns = ['email', 'display_name'] as const

/**
 * A value of an `or=(…)` / `and=(…)` list, double-quoted so PostgREST's reserved characters (`,` `.` `:`
 * `(` `)` and spaces) are read as text; `"` and `\` are backslash-escaped inside the quotes.
 * https://postgrest.org/en/stable/references/api/tables_views.html#reserved-characters
 */
export function quoteFilterValue(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`
}

/** `*text*` for `ilike`, with LIKE's own wildcards (`%`, `_`) and its escape (`\`) taken literally. */
export function containsPattern(text: string): string {
  return `*${text.replace(/[%_\\]/g, '\\$&')}*`
}

/**
 * The `or` filter of a search over `columns` ("contains, any case"): for `supabase-js`'s `.or()`, so
 * `email.ilike."*a,b*",display_name.ilike."*a,b*"`.
 */
export function searchFilter(columns: readonly string[], text: string): string {
  const value = quoteFilterValue(containsPattern(text))
  return columns.map((column) => `${column}.ilike.${value}`).join(',')
}
