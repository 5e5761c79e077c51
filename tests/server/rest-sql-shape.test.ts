import fc from 'fast-check'
import { loadModule, parseSync } from 'libpg-query'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ApiRequest } from '../../server/http/types.ts'
import { RestError } from '../../server/rest/errors.ts'
import { mutationPlan } from '../../server/rest/mutations.ts'
import { type Plan, relationTarget } from '../../server/rest/plan.ts'
import { parsePrefer } from '../../server/rest/query.ts'
import { readPlan } from '../../server/rest/read.ts'
import { rpcPlan } from '../../server/rest/rpc.ts'
import type { Column, Relation, Routine } from '../../server/rest/schema-cache.ts'

// Property test of the REST layer's SQL (issue 8, hole 1): hostile select, order, filters, or= trees,
// casts, JSON paths, columns, on_conflict, Prefer and rpc arguments go through the real planners, and
// every statement they build must parse (the Postgres parser, libpg-query) into one of the shapes the
// builder makes: one statement over the target relation, no set operations, no subquery or function
// the builder does not write itself, every column from the schema cache, every value a parameter.

const columns = (names: [string, string][]): Map<string, Column> => new Map(names.map(([name, type]) => [name, { name, type }]))
const items: Relation = {
  schema: 'public',
  name: 'items',
  kind: 'table',
  columns: columns([['id', 'integer'], ['name', 'text'], ['price', 'numeric'], ['category', 'text'], ['details', 'jsonb'], ['created', 'date']]),
  primaryKey: ['id'],
}
const routine = (name: string, params: Routine['params'], shape: Partial<Routine> = {}): Routine => ({
  schema: 'public', name, params, callable: true, returnsSet: false, returnsRows: false, returnsVoid: false, columns: new Map(), volatility: 'v', ...shape,
})
const routines: Record<string, Routine> = {
  add_numbers: routine('add_numbers', [{ name: 'a', type: 'integer', optional: false }, { name: 'b', type: 'integer', optional: true }]),
  tag_count: routine('tag_count', [{ name: 'p_tags', type: 'text[]', optional: false }]),
  my_items: routine('my_items', [{ name: 'min_price', type: 'numeric', optional: true }], { returnsSet: true, returnsRows: true, columns: items.columns }),
}

/** Names a column reference may use besides the relation's columns: rpc parameters and the builder's aliases. */
const builderNames = new Set(['a', 'b', 'p_tags', 'min_price', 'pgrst_t', 'pgrst_r', 'pgrst_source', 'pgrst_body', 'pgrst_args', 'pgrst_call', 'pgrst_scalar', 'pgrst_one', 'excluded', 'total', 'n', 'body'])
const allowedNodes = new Set([
  'SelectStmt', 'InsertStmt', 'UpdateStmt', 'DeleteStmt', 'ResTarget', 'TypeCast', 'ParamRef', 'FuncCall', 'ColumnRef', 'A_Star',
  'String', 'Integer', 'A_Const', 'A_Expr', 'BoolExpr', 'NullTest', 'BooleanTest', 'CoalesceExpr', 'SubLink', 'RangeSubselect',
  'RangeVar', 'RangeFunction', 'WithClause', 'CommonTableExpr', 'SortBy', 'List', 'ColumnDef', 'NamedArgExpr', 'IndexElem',
])
const builderFunctions = new Set([
  'count', 'pg_catalog.count', 'json_agg', 'json_strip_nulls', 'to_json', 'json_populate_recordset', 'json_populate_record', 'json_to_record',
  'to_tsquery', 'plainto_tsquery', 'phraseto_tsquery', 'websearch_to_tsquery', 'public.add_numbers', 'public.tag_count', 'public.my_items',
])
const builderOperators = new Set(['=', '<>', '>', '>=', '<', '<=', '~~', '~~*', '~', '~*', '@>', '<@', '&&', '<<', '>>', '&<', '&>', '-|-', '@@', '->', '->>'])
/** The only string constants the builder writes: empty bodies and JSON defaults. */
const builderStrings = new Set(['', 'null', '[]', '1'])
const builderTables = new Set(['public.items', 'pgrst_source', 'pgrst_args', 'pgrst_r'])

const strings = (list: unknown): string[] => ((list ?? []) as { String?: { sval?: string }; A_Star?: object }[]).map((n) => (n.A_Star ? '*' : n.String?.sval ?? '?'))

/** Walks a libpg-query tree and returns what breaks the builder's shapes (empty when none). */
function shapeProblems(plan: Plan): string[] {
  const tree = parseSync(plan.sql) as { stmts: unknown[] }
  const problems: string[] = []
  if (tree.stmts.length !== 1) problems.push(`${tree.stmts.length} statements`)
  let subLinks = 0
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit)
    if (node === null || typeof node !== 'object') return
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (/^[A-Z]/.test(key)) check(key, value as Record<string, unknown>)
      visit(value)
    }
  }
  const check = (type: string, node: Record<string, unknown>): void => {
    if (!allowedNodes.has(type)) problems.push(`node ${type}`)
    if (type === 'SelectStmt' && ((node.op ?? 'SETOP_NONE') !== 'SETOP_NONE' || node.larg || node.rarg)) problems.push('set operation')
    if (['InsertStmt', 'UpdateStmt', 'DeleteStmt'].includes(type)) check('RangeVar', node.relation as Record<string, unknown>)
    if (type === 'RangeVar') {
      const name = [node.schemaname, node.relname].filter(Boolean).join('.')
      if (!builderTables.has(name)) problems.push(`table ${name}`)
    }
    if (type === 'FuncCall' && !builderFunctions.has(strings(node.funcname).join('.'))) problems.push(`function ${strings(node.funcname).join('.')}`)
    if (type === 'A_Expr' && !builderOperators.has(strings(node.name).join('.'))) problems.push(`operator ${strings(node.name).join('.')}`)
    if (type === 'IndexElem' && !items.columns.has(node.name as string)) problems.push(`conflict column ${String(node.name)}`)
    if (type === 'ColumnRef') {
      for (const name of strings(node.fields)) if (name !== '*' && !items.columns.has(name) && !builderNames.has(name)) problems.push(`column ${name}`)
    }
    if (type === 'A_Const' && node.sval && !builderStrings.has((node.sval as { sval?: string }).sval ?? '')) problems.push(`string constant ${JSON.stringify(node.sval)}`)
    if (type === 'TypeCast') {
      const names = strings((node.typeName as { names: unknown }).names)
      const rowType = names.join('.') === 'public.items'
      if (!rowType && (names.length > 2 || (names.length === 2 && names[0] !== 'pg_catalog') || !/^[a-z_][a-z0-9_$]*$/.test(names[names.length - 1]!))) problems.push(`type ${names.join('.')}`)
    }
    if (type === 'ParamRef' && (node.number as number) > plan.params.length) problems.push(`parameter $${String(node.number)} of ${plan.params.length}`)
    if (type === 'SubLink') subLinks++
    if (type === 'RangeSubselect' && !['pgrst_r', 'pgrst_body'].includes((node.alias as { aliasname: string }).aliasname)) problems.push('subquery in FROM')
  }
  visit(tree.stmts)
  const argSubLinks = (plan.sql.match(/ from pgrst_args\)/g) ?? []).length
  if (subLinks > (plan.counted ? 1 : 0) + argSubLinks) problems.push(`${subLinks} subqueries`)
  return problems
}

function request(method: string, path: string, query: [string, string][], headers: Record<string, string> = {}, body = ''): ApiRequest {
  const url = new URL(`http://local/rest/v1${path}`)
  for (const [key, value] of query) url.searchParams.append(key, value)
  return { method, path, url, headers, body: Buffer.from(body), peer: '127.0.0.1' }
}

const media = { object: false, stripNulls: false }
/** Plans a request on /items the way handler.ts does. */
function tablePlan(req: ApiRequest): Plan {
  const prefs = parsePrefer(req.headers.prefer)
  const target = relationTarget(req, items)
  return req.method === 'GET' ? readPlan(req, target, prefs, media, 100) : mutationPlan(req, target, prefs, media)
}
function callPlan(req: ApiRequest, name: string): Plan {
  return rpcPlan(req, 'public', name, [routines[name]!], parsePrefer(req.headers.prefer), media, 100)
}

const tally = { built: 0, refused: 0 }
/** Builds a plan: a refusal must be a 4xx RestError with a short message; a plan must have a builder shape. */
function planShape(build: () => Plan): void {
  let plan: Plan
  try {
    plan = build()
  } catch (error) {
    if (!(error instanceof RestError)) throw error
    expect(error.status).toBeLessThan(500)
    expect(error.message.length).toBeLessThan(1200)
    tally.refused++
    return
  }
  expect(shapeProblems(plan), plan.sql).toEqual([])
  tally.built++
}

// Hostile pieces: SQL syntax, quotes, comments, statement ends, catalogs, PostgREST syntax, odd characters.
const hostile = fc.constantFrom(
  '', ' ', ',', ':', '::', '->', '->>', '.', '(', ')', '"', '""', "'", '\\', ';', '--', '/*', '*/', '$1', '$$', '*', '[]', '{', '}',
  'text', 'int', 'integer', 'double precision', 'character varying', 'timestamp with time zone', 'TEXT', 'foo$bar', 'text as x',
  ' as name from pg_settings pgrst_t where false union all select rolname from pg_roles union all select name',
  'union', 'select', ' from ', 'pg_roles', 'pg_sleep(10)', 'now()', ' or 1=1', 'not.', 'eq.', 'in.', 'is.', 'fts(english).',
  'or', 'and', 'null', 'not_null', 'desc', 'nullslast', 'id', 'name', 'price', 'details', 'created', '0', '-1', '99999999999',
  '\0', 'é', '\u202e', '\n', '%', '_',
)
const junk = fc.array(hostile, { maxLength: 8 }).map((parts) => parts.join(''))
const text = fc.oneof(junk, fc.string({ maxLength: 20 }))
/** Mostly well-formed, sometimes hostile: a request made only of junk is refused before any SQL is built. */
const mostly = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<T>) => fc.oneof({ weight: 9, arbitrary: good }, { weight: 1, arbitrary: bad })
const column = mostly(fc.constantFrom(...items.columns.keys()), text)
const jsonPath = fc.array(fc.tuple(fc.constantFrom('->', '->>'), fc.oneof(text, fc.constantFrom('a', '0', '-1'))), { maxLength: 2 })
  .map((steps) => steps.map(([arrow, key]) => `${arrow}${/^[\w-]+$/.test(key) ? key : `"${key.replaceAll('"', '')}"`}`).join(''))
const field = fc.tuple(column, jsonPath).map(([name, path]) => `${name}${path}`)
// NOTE: casts of plain words and spaces are what passed the old cast check (`text as x from pg_roles …`).
const words = fc.array(fc.constantFrom('text', 'int', 'double', 'precision', 'time', 'zone', 'with', 'as', 'x', 'from', 'pg_roles', 'where', 'false', 'union', 'all', 'select', 'rolname', 'name'), { minLength: 1, maxLength: 10 })
  .map((list) => list.join(' '))
const cast = fc.oneof({ weight: 3, arbitrary: fc.constantFrom('text', 'int', 'double precision', 'text[]', 'Numeric', 'foo$bar') }, { weight: 1, arbitrary: words }, { weight: 1, arbitrary: text })
const selectItem = fc.tuple(fc.option(text, { freq: 2 }), field, fc.option(cast, { freq: 2 }))
  .map(([alias, f, cast]) => `${alias === null ? '' : `${alias}:`}${f}${cast === null ? '' : `::${cast}`}`)
const select = mostly(fc.array(selectItem, { minLength: 1, maxLength: 3 }).map((list) => list.join(',')), text)
const order = mostly(fc.array(fc.tuple(field, fc.constantFrom('', '.asc', '.desc', '.desc.nullslast', '.nullsfirst'), fc.option(text, { freq: 10 })), { maxLength: 2 })
  .map((list) => list.map(([f, dir, extra]) => `${f}${dir}${extra ?? ''}`).join(',')), text)
const operator = mostly(fc.constantFrom('eq', 'neq', 'gt', 'like', 'ilike', 'match', 'is', 'in', 'cs', 'fts', 'fts(english)', 'plfts(simple)', 'eq(any)', 'like(all)', 'isdistinct'), text)
const value = fc.oneof(text, fc.constantFrom('null', 'true', 'not_null', '(1,2)', '("a,b",c)', '{a,b}', '{}', '()', '*x*'))
const filter = fc.tuple(fc.boolean(), operator, value).map(([not, op, v]) => `${not ? 'not.' : ''}${op}.${v}`)
const logicTree: fc.Arbitrary<string> = fc.letrec<{ tree: string }>((tie) => ({
  tree: fc.tuple(fc.constantFrom('or', 'and', 'not.or'), fc.array(fc.oneof({ depthSize: 'small', withCrossShrink: true },
    fc.tuple(field, filter).map(([f, flt]) => `${f}.${flt}`), tie('tree'), text), { minLength: 1, maxLength: 3 }))
    .map(([op, children]) => `${op}(${children.join(',')})`),
})).tree
const prefer = mostly(fc.constantFrom('', 'count=exact', 'return=representation', 'resolution=merge-duplicates', 'resolution=ignore-duplicates, return=representation, count=exact'), text)
const runs = { seed: 8_2026, numRuns: 400 }

describe('SQL built from hostile REST input keeps the builder shapes', () => {
  beforeAll(async () => {
    await loadModule()
  })

  it('refuses the cast injection of issue 8 as a parse error', () => {
    const exploit = 'name::text as name from pg_settings pgrst_t where false union all select rolname from pg_roles union all select name'
    expect(() => tablePlan(request('GET', '/items', [['select', exploit]]))).toThrowError(expect.objectContaining({ status: 400, code: 'PGRST100' }))
  })

  it('quotes every cast or writes it from the keyword table', () => {
    const plan = tablePlan(request('GET', '/items', [['select', 'a:id::int,b:price::double precision,c:name::TEXT,d:name::text[],e:id::foo$bar']]))
    expect(plan.sql).toContain('pgrst_t."id"::integer as "a", pgrst_t."price"::double precision as "b", pgrst_t."name"::"text" as "c", pgrst_t."name"::"text"[] as "d", pgrst_t."id"::"foo$bar" as "e"')
    expect(shapeProblems(plan)).toEqual([])
  })

  it('reads: select, order, filters and logic trees', () => {
    fc.assert(fc.property(select, order, fc.array(fc.tuple(column, filter), { maxLength: 3 }), fc.option(logicTree), prefer, fc.option(fc.nat()),
      (sel, ord, filters, tree, pref, limit) => {
        const query: [string, string][] = [['select', sel], ['order', ord], ...filters]
        if (tree !== null) query.push([tree.startsWith('not.') ? 'not.or' : tree.slice(0, tree.indexOf('(')), tree.slice(tree.indexOf('('))])
        if (limit !== null) query.push(['limit', String(limit)], ['offset', String(limit)])
        planShape(() => tablePlan(request('GET', '/items', query, { prefer: pref })))
      }), runs)
  })

  it('writes: insert and upsert columns, on_conflict, bodies; update and delete filters', () => {
    const body = fc.dictionary(column, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 })
    fc.assert(fc.property(fc.constantFrom('POST', 'PATCH', 'DELETE'), body, fc.option(mostly(fc.constantFrom('id,name', '"name",price'), text)), fc.option(mostly(fc.constantFrom('id', 'id,name'), text)), fc.array(fc.tuple(column, filter), { maxLength: 2 }), prefer, select,
      (method, rows, columnsParam, onConflict, filters, pref, sel) => {
        const query: [string, string][] = [['select', sel], ...filters]
        if (columnsParam !== null) query.push(['columns', columnsParam])
        if (onConflict !== null) query.push(['on_conflict', onConflict])
        planShape(() => tablePlan(request(method, '/items', query, { prefer: pref }, JSON.stringify(rows))))
      }), runs)
  })

  it('rpc: argument names and values, by POST and GET, with select and filters on set-returning functions', () => {
    const call = fc.constantFrom(...Object.keys(routines)).chain((name) => fc.tuple(fc.constant(name),
      fc.dictionary(mostly(fc.constantFrom(...routines[name]!.params.map((p) => p.name)), text), mostly(fc.oneof(fc.integer(), fc.array(fc.string())), fc.jsonValue({ maxDepth: 2 })), { maxKeys: 2 })))
    fc.assert(fc.property(call, fc.boolean(), select, order, prefer,
      ([name, args], get, sel, ord, pref) => {
        const query: [string, string][] = [['select', sel], ['order', ord]]
        if (get) for (const [key, v] of Object.entries(args)) query.push([key, typeof v === 'string' ? v : JSON.stringify(v)])
        planShape(() => callPlan(request(get ? 'GET' : 'POST', `/rpc/${name}`, query, { prefer: pref }, get ? '' : JSON.stringify(args)), name))
      }), runs)
  })

  it('plans most generated requests (a property that only meets refusals proves nothing)', () => {
    expect(tally.built).toBeGreaterThan(tally.refused / 4)
  })
})
