import type { Database, Statement } from '../db/database.ts'
import type { ApiRequest, ApiResponse } from '../http/types.ts'
import { columnNotFound, fromPgError, RestError } from './errors.ts'
import { type Condition, parseCondition, parseCount, parseOrder, parsePrefer, parseSelect, type Preferences, reservedParams, type SelectItem } from './query.ts'
import { qualified, type Relation, type Routine, type SchemaCache } from './schema-cache.ts'
import { ident, orderSql, Params, type Scope, selectListSql, whereSql } from './sql.ts'

/** Who calls, from the verified JWT. */
export interface Caller {
  role: string
  claims: Record<string, unknown>
}

/** What the REST handler needs from the server. */
export interface RestContext {
  db: Database
  schemaCache(): SchemaCache
  /** Reloads the cache (at most once a second); resolves to the fresh cache. */
  refreshSchemaCache(): Promise<SchemaCache>
  extraSearchPath: string[]
  maxRows: number | null
}

type Shape = 'array' | 'object' | 'none'

/** A statement that returns one row: total (text or null), n (int), body (text). */
interface Plan {
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

const objectMediaType = 'application/vnd.pgrst.object+json'

function negotiate(accept: string | undefined): { object: boolean; stripNulls: boolean } {
  if (!accept) return { object: false, stripNulls: false }
  for (const raw of accept.split(',')) {
    const [type = '', ...params] = raw.split(';').map((s) => s.trim().toLowerCase())
    const stripNulls = params.includes('nulls=stripped')
    if (type === objectMediaType) return { object: true, stripNulls }
    if (type === 'application/vnd.pgrst.array+json' || type === 'application/json' || type === '*/*' || type === 'application/*') {
      return { object: false, stripNulls }
    }
  }
  throw new RestError(406, 'PGRST107', `None of these media types are available: ${accept}`)
}

function bodyExpr(shape: Shape, object: boolean, stripNulls: boolean, source = 'pgrst_r'): string {
  if (shape === 'none') return `''`
  const wrap = (sql: string) => (stripNulls ? `json_strip_nulls(${sql})` : sql)
  return object || shape === 'object'
    ? `coalesce((${wrap(`json_agg(${source})`)}->0)::text, 'null')`
    : `coalesce(${wrap(`json_agg(${source})`)}, '[]')::text`
}

function parseJsonBody(req: ApiRequest): unknown {
  const text = req.body.toString('utf8')
  if (text.trim() === '') return null
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new RestError(400, 'PGRST102', 'Empty or invalid json', (error as Error).message)
  }
}

/** Filters from the query string, minus the parameters named in `skip`. */
function conditionsOf(url: URL, skip: Set<string> = new Set()): Condition[] {
  const conditions: Condition[] = []
  for (const [key, value] of url.searchParams) {
    if (reservedParams.has(key) && !['and', 'or', 'not.and', 'not.or'].includes(key)) continue
    if (skip.has(key) || key === 'apikey') continue
    conditions.push(parseCondition(key, value))
  }
  return conditions
}

function rangeOf(req: ApiRequest, maxRows: number | null): { offset: number; limit: number | null } {
  const limitParam = req.url.searchParams.get('limit')
  const offsetParam = req.url.searchParams.get('offset')
  let offset = offsetParam !== null ? parseCount('offset', offsetParam) : 0
  let limit = limitParam !== null ? parseCount('limit', limitParam) : null
  const range = req.headers.range
  if (range && (req.method === 'GET' || req.method === 'HEAD')) {
    const match = /^(?:items=)?\s*(\d+)-(\d*)$/.exec(range.trim())
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

function limitSql(offset: number, limit: number | null): string {
  return `${limit !== null ? ` limit ${limit}` : ''}${offset > 0 ? ` offset ${offset}` : ''}`
}

function tableNotFound(schema: string, name: string): RestError {
  return new RestError(404, 'PGRST205', `Could not find the table '${schema}.${name}' in the schema cache`)
}

/** Answers a /rest/v1 request as PostgREST would. */
export async function handleRest(ctx: RestContext, req: ApiRequest, caller: Caller): Promise<ApiResponse> {
  try {
    return await route(ctx, req, caller)
  } catch (error) {
    const restError = fromPgError(error, caller.role !== 'anon')
    return {
      status: restError.status,
      headers: { 'Content-Type': 'application/json; charset=utf-8', ...restError.headers },
      body: JSON.stringify(restError.body()),
    }
  }
}

async function route(ctx: RestContext, req: ApiRequest, caller: Caller): Promise<ApiResponse> {
  let cache = ctx.schemaCache()
  const readMethod = req.method === 'GET' || req.method === 'HEAD'
  const profile = readMethod ? req.headers['accept-profile'] : req.headers['content-profile']
  const schema = profile ?? cache.schemas[0]!
  if (!cache.schemas.includes(schema)) {
    throw new RestError(406, 'PGRST106', `Invalid schema: ${schema}`, null, `Only the following schemas are exposed: ${cache.schemas.join(', ')}`)
  }
  const segments = req.path.split('/').filter(Boolean).map(decodeURIComponent)
  const prefs = parsePrefer(req.headers.prefer)
  if (prefs.handling === 'strict' && prefs.invalid.length > 0) {
    throw new RestError(400, 'PGRST122', 'Invalid preferences given with handling=strict', `Invalid preferences: ${prefs.invalid.join(', ')}`)
  }
  const media = negotiate(req.headers.accept)
  let plan: Plan
  if (segments.length === 2 && segments[0] === 'rpc') {
    let routines = cache.routines.get(qualified(schema, segments[1]!))
    if (!routines) {
      cache = await ctx.refreshSchemaCache()
      routines = cache.routines.get(qualified(schema, segments[1]!))
    }
    plan = rpcPlan(req, schema, segments[1]!, routines ?? [], prefs, media, ctx.maxRows)
  } else if (segments.length === 1) {
    let relation = cache.relations.get(qualified(schema, segments[0]!))
    if (!relation) {
      cache = await ctx.refreshSchemaCache()
      relation = cache.relations.get(qualified(schema, segments[0]!))
    }
    if (!relation) throw tableNotFound(schema, segments[0]!)
    plan = relationPlan(req, relation, prefs, media, ctx.maxRows)
  } else if (segments.length === 0) {
    throw new RestError(404, 'PGRST126', 'Root endpoint metadata is disabled')
  } else {
    throw new RestError(404, 'PGRST125', 'Invalid path specified in request URL')
  }
  if (caller.role !== 'anon' && !cache.jwtRoles.has(caller.role)) {
    if (!cache.allRoles.has(caller.role)) {
      throw new RestError(401, '22023', `role "${caller.role}" does not exist`, null, null, { 'WWW-Authenticate': 'Bearer' })
    }
    throw new RestError(403, '42501', `permission denied to set role "${caller.role}"`)
  }
  return execute(ctx, req, caller, schema, plan, prefs, media)
}

function settingsSql(readOnly: boolean): string {
  return `select set_config('search_path', $1, true), set_config('role', $2, true), set_config('request.jwt.claims', $3, true),
    set_config('request.method', $4, true), set_config('request.path', $5, true), set_config('request.headers', $6, true),
    set_config('request.cookies', $7, true)${readOnly ? `, set_config('transaction_read_only', 'on', true)` : ''}`
}

function cookiesOf(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {}
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0) cookies[part.slice(0, eq).trim()] = part.slice(eq + 1).trim()
  }
  return cookies
}

/** Thrown inside the transaction to roll it back while still answering with `response`. */
class Rollback extends Error {
  constructor(readonly response: ApiResponse | RestError) {
    super('rollback')
  }
}

/** What a request sets before its statement (transaction-local, as PostgREST does). */
export interface RequestSettings {
  searchPath: string
  role: string
  claims: Record<string, unknown>
  method: string
  path: string
  headers: Record<string, string>
  readOnly: boolean
}

/**
 * Runs the request the way PostgREST does: one transaction that first sets the search path, the role,
 * `request.jwt.claims`, `request.method`, `request.path`, `request.headers` and `request.cookies`
 * (transaction-local), then runs one statement; `finish` sees its rows inside the transaction and may
 * throw to roll it back.
 */
export function runAsRequest<R, T>(db: Database, settings: RequestSettings, statement: Statement, finish: (rows: R[]) => T | Promise<T>): Promise<T> {
  return db.batch([settingsStatement(settings), statement], finish)
}

/** The statement that applies `settings` (the first of every request's transaction). */
export function settingsStatement(settings: RequestSettings): Statement {
  return {
    sql: settingsSql(settings.readOnly),
    params: [
      settings.searchPath,
      settings.role,
      JSON.stringify(settings.claims),
      settings.method,
      settings.path,
      JSON.stringify(settings.headers),
      JSON.stringify(cookiesOf(settings.headers.cookie)),
    ],
  }
}

async function execute(ctx: RestContext, req: ApiRequest, caller: Caller, schema: string, plan: Plan, prefs: Preferences, media: { object: boolean }): Promise<ApiResponse> {
  const searchPath = [schema, ...ctx.extraSearchPath.filter((s) => s !== schema)].map(ident).join(', ')
  const finish = (rows: { total: string | null; n: number | string; body: string }[]): ApiResponse => {
    const row = rows[0] ?? { total: null, n: 0, body: '' }
    const n = Number(row.n)
    const total = row.total === null || row.total === undefined ? null : Number(row.total)
    if (media.object && n !== 1 && !plan.void) {
      throw new Rollback(new RestError(406, 'PGRST116', 'Cannot coerce the result to a single JSON object', `The result contains ${n} rows`))
    }
    if (prefs.handling === 'strict' && prefs.maxAffected !== null && plan.mutation && n > prefs.maxAffected) {
      throw new Rollback(new RestError(400, 'PGRST124', 'Query result exceeds max-affected preference constraint', `The query affects ${n} rows`))
    }
    const headers: Record<string, string> = {}
    let status = plan.status
    if (plan.mutation) {
      headers['Content-Range'] = `*/${total ?? (prefs.count ? n : '*')}`
    } else if (!plan.void) {
      const lower = plan.offset
      const upper = lower + n - 1
      if (total !== null && lower > total && !(lower === 0 && total === 0)) {
        throw new Rollback(new RestError(416, 'PGRST103', 'Requested range not satisfiable', `An offset of ${lower} was requested, but there are only ${total} rows.`))
      }
      headers['Content-Range'] = `${total !== 0 && lower <= upper ? `${lower}-${upper}` : '*'}/${total ?? '*'}`
      if (total !== null && 1 + upper - lower < total) status = 206
    }
    if (req.headers['accept-profile'] || req.headers['content-profile']) headers['Content-Profile'] = schema
    const applied = prefs.applied.filter((p) => !p.startsWith('handling') || prefs.handling === 'strict')
    if (applied.length > 0) headers['Preference-Applied'] = applied.join(', ')
    let response: ApiResponse
    if (plan.void) response = { status: 204, headers }
    else if (plan.shape === 'none') response = { status: plan.status === 201 ? 201 : plan.mutation ? 204 : status, headers }
    else {
      headers['Content-Type'] = `${media.object ? objectMediaType : 'application/json'}; charset=utf-8`
      response = { status, headers, body: req.method === 'HEAD' ? '' : row.body }
    }
    if (prefs.tx === 'rollback') throw new Rollback(response)
    return response
  }
  try {
    return await runAsRequest(
      ctx.db,
      {
        searchPath,
        role: caller.role,
        claims: caller.claims,
        method: req.method,
        path: req.path,
        headers: req.headers,
        readOnly: plan.readOnly,
      },
      { sql: plan.sql, params: plan.params },
      finish,
    )
  } catch (error) {
    if (error instanceof Rollback) {
      if (error.response instanceof RestError) throw error.response
      return error.response
    }
    throw error
  }
}

function scopeOf(relation: Relation, alias = 'pgrst_t'): Scope {
  return { relation: relation.name, columns: relation.columns, alias }
}

function checkColumns(relation: Relation, names: Iterable<string>): string[] {
  const list = [...names]
  for (const name of list) if (!relation.columns.has(name)) throw columnNotFound(relation.name, name)
  return list
}

function parseColumnsParam(value: string): string[] {
  return value.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1')).filter(Boolean)
}

function relationPlan(req: ApiRequest, relation: Relation, prefs: Preferences, media: { object: boolean; stripNulls: boolean }, maxRows: number | null): Plan {
  const params = new Params()
  const table = `${ident(relation.schema)}.${ident(relation.name)}`
  const selectParam = req.url.searchParams.get('select')
  const select: SelectItem[] = parseSelect(selectParam ?? '*')
  const conditions = conditionsOf(req.url)
  const scope = scopeOf(relation)
  const countSql = (where: string) => (prefs.count ? `(select count(*) from ${table} as pgrst_t${where})::text` : 'null::text')

  if (req.method === 'GET' || req.method === 'HEAD') {
    const { offset, limit } = rangeOf(req, maxRows)
    const list = selectListSql(select, scope, params)
    const where = whereSql(conditions, scope, params)
    const order = orderSql(req.url.searchParams.has('order') ? parseOrder(req.url.searchParams.get('order')!) : [], scope, params)
    const shape: Shape = req.method === 'HEAD' ? 'none' : 'array'
    return {
      sql: `select ${countSql(where)} as total, pg_catalog.count(pgrst_r)::int as n, ${bodyExpr(shape, media.object, media.stripNulls)} as body
        from (select ${list} from ${table} as pgrst_t${where}${order}${limitSql(offset, limit)}) pgrst_r`,
      params: params.values,
      shape,
      mutation: false,
      offset,
      status: 200,
      readOnly: true,
      counted: Boolean(prefs.count),
    }
  }

  const representation = prefs.return === 'representation'
  const shape: Shape = representation ? 'array' : 'none'
  const wrap = (mutationSql: string) => {
    const list = representation ? selectListSql(select, scope, params) : '1 as pgrst_one'
    return `with pgrst_source as (${mutationSql})
      select ${prefs.count ? '(select count(*) from pgrst_source)::text' : 'null::text'} as total, pg_catalog.count(pgrst_r)::int as n,
        ${bodyExpr(shape, media.object, media.stripNulls)} as body
      from (select ${list} from pgrst_source as pgrst_t) pgrst_r`
  }
  const returning = representation ? 'returning pgrst_t.*' : 'returning 1'

  if (req.method === 'POST') {
    const body = parseJsonBody(req)
    const rows = Array.isArray(body) ? body : [body]
    if (body === null || rows.some((r) => r === null || typeof r !== 'object' || Array.isArray(r))) {
      throw new RestError(400, 'PGRST102', 'Empty or invalid json', 'The body must be a JSON object or an array of objects')
    }
    const columnsParam = req.url.searchParams.get('columns')
    const keys = columnsParam !== null ? parseColumnsParam(columnsParam) : [...new Set(rows.flatMap((r) => Object.keys(r as object)))]
    const columns = checkColumns(relation, keys)
    let conflict = ''
    if (prefs.resolution) {
      const onConflict = req.url.searchParams.get('on_conflict')
      const targets = onConflict !== null ? checkColumns(relation, parseColumnsParam(onConflict)) : relation.primaryKey
      if (targets.length > 0) {
        const updates = columns.map((c) => `${ident(c)} = excluded.${ident(c)}`)
        conflict = prefs.resolution === 'ignore-duplicates' || updates.length === 0
          ? ` on conflict (${targets.map(ident).join(', ')}) do nothing`
          : ` on conflict (${targets.map(ident).join(', ')}) do update set ${updates.join(', ')}`
      }
    }
    let insert: string
    if (columns.length === 0) {
      if (rows.length !== 1) throw new RestError(400, 'PGRST102', 'Empty or invalid json', 'Objects without keys can only be inserted one at a time')
      insert = `insert into ${table} as pgrst_t default values${conflict} ${returning}`
    } else {
      const list = columns.map(ident).join(', ')
      const source = `json_populate_recordset(null::${table}, ${params.add(JSON.stringify(rows))}::json)`
      insert = `insert into ${table} as pgrst_t (${list}) select ${list} from ${source} pgrst_body${conflict} ${returning}`
    }
    return { sql: wrap(insert), params: params.values, shape, mutation: true, offset: 0, status: 201, readOnly: false, counted: Boolean(prefs.count) }
  }

  if (req.method === 'PATCH') {
    const body = parseJsonBody(req)
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw new RestError(400, 'PGRST102', 'Empty or invalid json', 'The body must be a JSON object')
    }
    const columns = checkColumns(relation, Object.keys(body))
    const where = whereSql(conditions, scope, params)
    const update = columns.length === 0
      ? `select pgrst_t.* from ${table} as pgrst_t where false`
      : `update ${table} as pgrst_t set ${columns.map((c) => `${ident(c)} = pgrst_body.${ident(c)}`).join(', ')}
         from (select * from json_populate_record(null::${table}, ${params.add(JSON.stringify(body))}::json)) pgrst_body${where} ${returning}`
    return { sql: wrap(update), params: params.values, shape, mutation: true, offset: 0, status: 200, readOnly: false, counted: Boolean(prefs.count) }
  }

  if (req.method === 'DELETE') {
    const where = whereSql(conditions, scope, params)
    return {
      sql: wrap(`delete from ${table} as pgrst_t${where} ${returning}`),
      params: params.values,
      shape,
      mutation: true,
      offset: 0,
      status: 200,
      readOnly: false,
      counted: Boolean(prefs.count),
    }
  }
  if (req.method === 'PUT') throw new RestError(400, 'PGRST127', 'Feature not implemented', 'PUT (single-row upsert) is not supported by the local server; use POST with Prefer: resolution=merge-duplicates')
  throw new RestError(405, 'PGRST117', `Unsupported HTTP method: ${req.method}`)
}

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

function rpcPlan(req: ApiRequest, schema: string, name: string, routines: Routine[], prefs: Preferences, media: { object: boolean; stripNulls: boolean }, maxRows: number | null): Plan {
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
      from (select ${list} from pgrst_source as pgrst_t${where}${order}${limitSql(offset, limit)}) pgrst_r`,
    params: params.values, shape, mutation: false, offset, status: 200, readOnly, counted,
  }
}
