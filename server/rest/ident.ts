/**
 * Quotes a name as an SQL identifier: the one way a table, column, alias, schema, argument or type
 * name reaches SQL. Names usually come from the schema cache; aliases and casts come from the client,
 * and quoting is what keeps them names. A NUL ends the name, as Postgres would refuse it anyway.
 */
export function ident(name: string): string {
  const cut = name.indexOf('\0')
  return `"${(cut === -1 ? name : name.slice(0, cut)).replaceAll('"', '""')}"`
}
