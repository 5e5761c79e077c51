import { ident } from './ident.ts'

/** A `::type` of `select=`, resolved: never raw client text. */
export interface Cast {
  /** The type name, lower-cased as Postgres folds an unquoted name (`TEXT` → `text`). */
  name: string
  array: boolean
}

// NOTE: these names are grammar keywords (or keyword phrases) in Postgres, not catalog type names:
// `select 1::"integer"` fails where `select 1::integer` works. They are written from this table, never
// from the request; every other name is a single word and goes through ident().
const keywordTypes: ReadonlyMap<string, string> = new Map([
  ['int', 'integer'],
  ['integer', 'integer'],
  ['smallint', 'smallint'],
  ['bigint', 'bigint'],
  ['real', 'real'],
  ['float', 'double precision'],
  ['double precision', 'double precision'],
  ['boolean', 'boolean'],
  ['dec', 'numeric'],
  ['decimal', 'numeric'],
  ['char', 'character'],
  ['character', 'character'],
  ['character varying', 'character varying'],
  ['bit varying', 'bit varying'],
  ['time with time zone', 'time with time zone'],
  ['time without time zone', 'time without time zone'],
  ['timestamp with time zone', 'timestamp with time zone'],
  ['timestamp without time zone', 'timestamp without time zone'],
])

const castPattern = /^([A-Za-z_][A-Za-z0-9_$]*(?: [A-Za-z_][A-Za-z0-9_$]*)*)(\[\])?$/

/**
 * Reads the text after `::` in `select=`. PostgREST takes a type name (letters, digits, `_`, `$` and
 * spaces); here a name of several words must be one of Postgres' keyword phrases (`double precision`),
 * so no clause can ride along. Returns null when the text is not a type name.
 */
export function parseCast(text: string): Cast | null {
  const match = castPattern.exec(text)
  if (!match) return null
  const name = match[1]!.toLowerCase()
  if (name.includes(' ') && !keywordTypes.has(name)) return null
  return { name, array: match[2] !== undefined }
}

/** The SQL type of a cast: a keyword type from the fixed table, or the name quoted as an identifier. */
export function castSql(cast: Cast): string {
  return `${keywordTypes.get(cast.name) ?? ident(cast.name)}${cast.array ? '[]' : ''}`
}
