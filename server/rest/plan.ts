import { jsonNestsDeeperThan } from '../http/json-depth.ts'
import type { ApiRequest } from '../http/types.ts'
import { RestError } from './errors.ts'
import { restLimits } from './limits.ts'
import { type Condition, parseCondition, parseCount, parseSelect, reservedParams, type SelectItem } from './query.ts'
import type { Relation } from './schema-cache.ts'
import { ident } from './ident.ts'
import { Params, type Scope } from './sql.ts'

/** How the body comes back: a JSON array, one object, or nothing. */
export type Shape = 'array' | 'object' | 'none'

/** A statement that returns one row: total (text or null), n (int), body (text). */
export interface Plan {
  sql: string
  params: unknown[]
  shape: Shape
  /** 'none' bodies mean HEAD, minimal returns or void functions. */
  mutation: boolean
  offset: number
  status: number
  readOnly: boolean
  counted: boolean
  void?: boolean
}

/** The SQL that aggregates the rows of `source` into the response body text. */
export function bodyExpr(shape: Shape, object: boolean, stripNulls: boolean, source = 'pgrst_r'): string {
  if (shape === 'none') return `''`
  const wrap = (sql: string) => (stripNulls ? `json_strip_nulls(${sql})` : sql)
  return object || shape === 'object'
    ? `coalesce((${wrap(`json_agg(${source})`)}->0)::text, 'null')`
    : `coalesce(${wrap(`json_agg(${source})`)}, '[]')::text`
}

/** The request body as JSON (null when empty); PGRST102 when it does not parse or nests too deep. */
export function parseJsonBody(req: ApiRequest): unknown {
  const text = req.body.toString('utf8')
  if (text.trim() === '') return null
  if (jsonNestsDeeperThan(text, restLimits.bodyJsonDepth)) {
    throw new RestError(400, 'PGRST102', 'Empty or invalid json', `Arrays and objects nest more than ${restLimits.bodyJsonDepth} deep`)
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new RestError(400, 'PGRST102', 'Empty or invalid json', (error as Error).message)
  }
}

/** Filters from the query string, minus the parameters named in `skip`. */
export function conditionsOf(url: URL, skip: Set<string> = new Set()): Condition[] {
  const conditions: Condition[] = []
  for (const [key, value] of url.searchParams) {
    if (reservedParams.has(key) && !['and', 'or', 'not.and', 'not.or'].includes(key)) continue
    if (skip.has(key) || key === 'apikey') continue
    conditions.push(parseCondition(key, value))
  }
  return conditions
}

/** Offset and limit from the query string and the Range header, capped by `maxRows`. */
export function rangeOf(req: ApiRequest, maxRows: number | null): { offset: number; limit: number | null } {
  const limitParam = req.url.searchParams.get('limit')
  const offsetParam = req.url.searchParams.get('offset')
  let offset = offsetParam !== null ? parseCount('offset', offsetParam) : 0
  let limit = limitParam !== null ? parseCount('limit', limitParam) : null
  const range = req.headers.range
  if (range && (req.method === 'GET' || req.method === 'HEAD')) {
    // NOTE: at most 15 digits, as for limit and offset: larger numbers are not exact in JavaScript.
    const match = /^(?:items=)?\s*(\d{1,15})-(\d{0,15})$/.exec(range.trim())
    if (match) {
      const lower = Number(match[1])
      const upper = match[2] === '' ? null : Number(match[2])
      if (upper !== null && upper < lower) {
        throw new RestError(416, 'PGRST103', 'Requested range not satisfiable', 'The lower boundary must be lower than or equal to the upper boundary in the Range header.')
      }
      offset = offsetParam !== null ? offset : lower
      if (upper !== null) limit = Math.min(limit ?? Infinity, upper - lower + 1)
    }
  }
  if (maxRows !== null) limit = Math.min(limit ?? maxRows, maxRows)
  return { offset, limit }
}

/** The LIMIT and OFFSET clauses (none when unbounded), their numbers as parameters like every value. */
export function limitSql(offset: number, limit: number | null, params: Params): string {
  return `${limit !== null ? ` limit ${params.add(limit)}::bigint` : ''}${offset > 0 ? ` offset ${params.add(offset)}::bigint` : ''}`
}

/** What reads and writes of one table share, parsed in the same order for every method. */
export interface RelationTarget {
  relation: Relation
  /** The qualified table name. */
  table: string
  select: SelectItem[]
  conditions: Condition[]
  scope: Scope
  params: Params
}

/**
 * Parses `select` and the filters before any method-specific work, so a bad select or filter is the
 * error reported whatever the method (as when reads and writes were planned in one function).
 */
export function relationTarget(req: ApiRequest, relation: Relation): RelationTarget {
  const params = new Params()
  const table = `${ident(relation.schema)}.${ident(relation.name)}`
  const selectParam = req.url.searchParams.get('select')
  const select: SelectItem[] = parseSelect(selectParam ?? '*')
  const conditions = conditionsOf(req.url)
  const scope: Scope = { relation: relation.name, columns: relation.columns, alias: 'pgrst_t' }
  return { relation, table, select, conditions, scope, params }
}
