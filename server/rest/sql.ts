import { castSql } from './cast.ts'
import { parseError, RestError, undefinedColumn } from './errors.ts'
import { ident } from './ident.ts'
import { restLimits } from './limits.ts'
import type { Condition, Field, OrderItem, SelectItem } from './query.ts'
import type { Column } from './schema-cache.ts'

/** Collects positional parameters while SQL is built. */
export class Params {
  readonly values: unknown[] = []
  /** Adds a value and returns its placeholder. */
  add(value: unknown): string {
    this.values.push(value)
    return `$${this.values.length}`
  }
}

/** The columns a query may refer to, and the name used in errors. */
export interface Scope {
  relation: string
  columns: Map<string, Column>
  /** The SQL alias of the row source. */
  alias: string
}

function fieldSql(field: Field, scope: Scope, params: Params): string {
  if (!scope.columns.has(field.column)) throw undefinedColumn(scope.relation, field.column)
  let sql = `${scope.alias}.${ident(field.column)}`
  for (const step of field.path) {
    const key = /^-?\d{1,9}$/.test(step.key) ? step.key : `${params.add(step.key)}::text`
    sql = `(${sql}${step.arrow}${key})`
  }
  return sql
}

/** The SELECT list for `select=`; embeds are rejected (not supported by this server). */
export function selectListSql(items: SelectItem[], scope: Scope, params: Params): string {
  const width = items.reduce((n, item) => n + (item.kind === 'star' ? scope.columns.size : 1), 0)
  if (width > restLimits.selectColumns) {
    throw new RestError(400, 'PGRST100', 'failed to parse select parameter (too many columns)', `It selects ${width} columns; at most ${restLimits.selectColumns} are allowed`)
  }
  const parts = items.map((item) => {
    if (item.kind === 'star') return `${scope.alias}.*`
    if (item.kind === 'embed') {
      throw new RestError(
        400,
        'PGRST200',
        `Could not find a relationship between '${scope.relation.split('.').pop()}' and '${item.name}' in the schema cache`,
        'Resource embedding is not supported by the local server (server/): select the related rows with a second query or a view.',
      )
    }
    let sql = fieldSql(item.field, scope, params)
    if (item.cast) sql = `${sql}::${castSql(item.cast)}`
    const last = item.field.path[item.field.path.length - 1]
    const name = item.alias ?? (last ? last.key : item.field.column)
    return `${sql} as ${ident(name)}`
  })
  return parts.join(', ')
}

const comparison: Record<string, string> = {
  eq: '=', neq: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=', like: 'like', ilike: 'ilike', match: '~', imatch: '~*',
  cs: '@>', cd: '<@', ov: '&&', sl: '<<', sr: '>>', nxr: '&<', nxl: '&>', adj: '-|-', isdistinct: 'is distinct from',
}
const textSearch: Record<string, string> = { fts: 'to_tsquery', plfts: 'plainto_tsquery', phfts: 'phraseto_tsquery', wfts: 'websearch_to_tsquery' }
const isKeywords: Record<string, string> = { null: 'null', not_null: 'not null', true: 'true', false: 'false', unknown: 'unknown' }

/** SQL text from one of the fixed tables above, never from the request: a miss is a parse error. */
function fixed(table: Record<string, string>, key: string): string {
  if (!Object.hasOwn(table, key)) throw parseError('filter', key, 'unknown operator')
  return table[key]!
}

function patternValue(op: string, value: string): string {
  return op === 'like' || op === 'ilike' ? value.replaceAll('*', '%') : value
}

/** A WHERE condition; every value is a parameter. */
export function conditionSql(condition: Condition, scope: Scope, params: Params): string {
  let sql: string
  if (condition.kind === 'logic') {
    sql = `(${condition.children.map((c) => conditionSql(c, scope, params)).join(` ${condition.op} `)})`
  } else {
    const field = fieldSql(condition.field, scope, params)
    const { op, value } = condition
    if (op === 'is') {
      sql = `${field} is ${fixed(isKeywords, String(value).toLowerCase())}`
    } else if (op === 'in') {
      const list = value as string[]
      sql = list.length === 0 ? 'false' : `${field} in (${list.map((v) => params.add(v)).join(', ')})`
    } else if (Object.hasOwn(textSearch, op)) {
      const query = condition.language
        ? `${fixed(textSearch, op)}(${params.add(condition.language)}::regconfig, ${params.add(value)})`
        : `${fixed(textSearch, op)}(${params.add(value)})`
      sql = `${field} @@ ${query}`
    } else if (condition.modifier) {
      const list = value as string[]
      const joiner = condition.modifier === 'any' ? ' or ' : ' and '
      sql = list.length === 0
        ? (condition.modifier === 'any' ? 'false' : 'true')
        : `(${list.map((v) => `${field} ${fixed(comparison, op)} ${params.add(patternValue(op, v))}`).join(joiner)})`
    } else {
      sql = `${field} ${fixed(comparison, op)} ${params.add(patternValue(op, value as string))}`
    }
  }
  return condition.negate ? `not (${sql})` : sql
}

/** `where …` for the conditions, or ''. */
export function whereSql(conditions: Condition[], scope: Scope, params: Params): string {
  return conditions.length === 0 ? '' : ` where ${conditions.map((c) => conditionSql(c, scope, params)).join(' and ')}`
}

/** `order by …` for the order items, or ''. */
export function orderSql(order: OrderItem[], scope: Scope, params: Params): string {
  if (order.length === 0) return ''
  const items = order.map((o) => `${fieldSql(o.field, scope, params)} ${o.desc ? 'desc' : 'asc'}${o.nulls ? ` nulls ${o.nulls}` : ''}`)
  return ` order by ${items.join(', ')}`
}
