import type { ApiRequest } from '../http/types.ts'
import { RestError } from './errors.ts'
import type { Media } from './media.ts'
import { bodyExpr, conditionsOf, limitSql, parseJsonBody, type Plan, rangeOf, type Shape } from './plan.ts'
import { parseOrder, parseSelect, type Preferences, reservedParams } from './query.ts'
import type { Routine } from './schema-cache.ts'
import { ident } from './ident.ts'
import { orderSql, Params, type Scope, selectListSql, whereSql } from './sql.ts'

function chooseRoutine(schema: string, name: string, routines: Routine[], keys: string[]): Routine {
  const matches = routines.filter(
    (r) => r.callable && keys.every((k) => r.params.some((p) => p.name === k)) && r.params.every((p) => p.optional || keys.includes(p.name)),
  )
  if (matches.length === 1) return matches[0]!
  if (matches.length > 1) {
    // NOTE: prefer the overload that uses every given argument and the fewest defaults, like Postgres would.
    const best = [...matches].sort((a, b) => a.params.length - b.params.length)
    if (best[0]!.params.length !== best[1]!.params.length) return best[0]!
    throw new RestError(300, 'PGRST203', `Could not choose the best candidate function between: ${matches.map((r) => `${schema}.${name}(${r.params.map((p) => `${p.name} => ${p.type}`).join(', ')})`).join(', ')}`, null,
      'Try renaming the parameters or the function itself in the database so function overloading can be resolved')
  }
  const list = keys.join(', ')
  throw new RestError(
    404,
    'PGRST202',
    `Could not find the function ${schema}.${name}${keys.length ? `(${list})` : ' without parameters'} in the schema cache`,
    `Searched for the function ${schema}.${name}${keys.length ? ` with parameter${keys.length > 1 ? 's' : ''} ${list}` : ' without parameters'}, but no matches were found in the schema cache.`,
  )
}

/** The statement for /rpc/<name>: picks the overload from the arguments (body for POST, query for GET). */
export function rpcPlan(req: ApiRequest, schema: string, name: string, routines: Routine[], prefs: Preferences, media: Media, maxRows: number | null): Plan {
  let args: Record<string, unknown>
  if (req.method === 'POST') {
    const body = parseJsonBody(req) ?? {}
    if (typeof body !== 'object' || Array.isArray(body)) {
      throw new RestError(400, 'PGRST102', 'Empty or invalid json', 'Send the arguments as one JSON object')
    }
    args = body as Record<string, unknown>
  } else if (req.method === 'GET' || req.method === 'HEAD') {
    const names = new Set(routines.flatMap((r) => r.params.map((p) => p.name)))
    args = {}
    for (const [key, value] of req.url.searchParams) if (names.has(key) && !reservedParams.has(key)) args[key] = value
  } else {
    throw new RestError(405, 'PGRST101', `Cannot use the ${req.method} method on RPC`)
  }
  const routine = chooseRoutine(schema, name, routines, Object.keys(args))
  const readOnly = req.method !== 'POST'
  const params = new Params()
  const fn = `${ident(schema)}.${ident(name)}`
  const given = routine.params.filter((p) => p.name in args)
  // NOTE: scalar arguments go as typed parameters (`p := $1::uuid`); anything else (arrays, objects for
  // non-JSON types) goes through json_to_record, which converts JSON to Postgres types as PostgREST does.
  const simple = given.every((p) => {
    const value = args[p.name]
    if (/^jsonb?$/.test(p.type)) return true
    return (value === null || ['string', 'number', 'boolean'].includes(typeof value)) && !p.type.endsWith('[]')
  })
  let argsCte = ''
  let call: string
  if (simple) {
    call = `${fn}(${given.map((p) => {
      const value = args[p.name]
      const text = value === null ? null : /^jsonb?$/.test(p.type) ? JSON.stringify(value) : String(value)
      return `${ident(p.name)} := ${params.add(text)}::${p.type}`
    }).join(', ')})`
  } else {
    argsCte = `pgrst_args as (select * from json_to_record(${params.add(JSON.stringify(args))}::json) as pgrst_a(${given.map((p) => `${ident(p.name)} ${p.type}`).join(', ')})), `
    call = `${fn}(${given.map((p) => `${ident(p.name)} := (select ${ident(p.name)} from pgrst_args)`).join(', ')})`
  }
  const counted = Boolean(prefs.count)
  if (routine.returnsVoid) {
    return {
      sql: `with ${argsCte}pgrst_source as (select ${call} as pgrst_scalar) select null::text as total, pg_catalog.count(pgrst_source)::int as n, '' as body from pgrst_source`,
      params: params.values, shape: 'none', mutation: false, offset: 0, status: 204, readOnly, counted, void: true,
    }
  }
  if (!routine.returnsRows && !routine.returnsSet && req.method !== 'HEAD') {
    return {
      sql: `with ${argsCte}pgrst_r as (select ${call} as pgrst_scalar)
        select ${counted ? `'1'` : 'null::text'} as total, 1 as n, coalesce(to_json(pgrst_r.pgrst_scalar)::text, 'null') as body from pgrst_r`,
      params: params.values, shape: 'object', mutation: false, offset: 0, status: 200, readOnly, counted,
    }
  }
  if (!routine.returnsRows) {
    const shape: Shape = req.method === 'HEAD' ? 'none' : routine.returnsSet ? 'array' : 'object'
    const body = shape === 'none' ? `''` : shape === 'array' ? `coalesce(json_agg(pgrst_r.pgrst_scalar), '[]')::text` : `coalesce((json_agg(pgrst_r.pgrst_scalar)->0)::text, 'null')`
    return {
      sql: `with ${argsCte}pgrst_r as (select ${call} as pgrst_scalar)
        select ${counted ? 'count(*)::text' : 'null::text'} as total, pg_catalog.count(pgrst_r)::int as n, ${body} as body from pgrst_r`,
      params: params.values, shape, mutation: false, offset: 0, status: 200, readOnly, counted,
    }
  }
  const skip = new Set(Object.keys(args))
  const scope: Scope = { relation: name, columns: routine.columns, alias: 'pgrst_t' }
  const select = parseSelect(req.url.searchParams.get('select') ?? '*')
  const list = selectListSql(select, scope, params)
  const where = whereSql(req.method === 'POST' ? conditionsOf(req.url) : conditionsOf(req.url, skip), scope, params)
  const order = orderSql(req.url.searchParams.has('order') ? parseOrder(req.url.searchParams.get('order')!) : [], scope, params)
  const { offset, limit } = routine.returnsSet ? rangeOf(req, maxRows) : { offset: 0, limit: null }
  const shape: Shape = req.method === 'HEAD' ? 'none' : routine.returnsSet ? 'array' : 'object'
  return {
    sql: `with ${argsCte}pgrst_source as (select pgrst_call.* from ${call} pgrst_call)
      select ${counted ? `(select count(*) from pgrst_source as pgrst_t${where})::text` : 'null::text'} as total, pg_catalog.count(pgrst_r)::int as n,
        ${bodyExpr(shape, media.object, media.stripNulls)} as body
      from (select ${list} from pgrst_source as pgrst_t${where}${order}${limitSql(offset, limit, params)}) pgrst_r`,
    params: params.values, shape, mutation: false, offset, status: 200, readOnly, counted,
  }
}
