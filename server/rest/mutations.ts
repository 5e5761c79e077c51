import type { ApiRequest } from '../http/types.ts'
import { columnNotFound, RestError } from './errors.ts'
import type { Media } from './media.ts'
import { bodyExpr, parseJsonBody, type Plan, type RelationTarget, type Shape } from './plan.ts'
import type { Preferences } from './query.ts'
import type { Relation } from './schema-cache.ts'
import { ident } from './ident.ts'
import { selectListSql, whereSql } from './sql.ts'

function checkColumns(relation: Relation, names: Iterable<string>): string[] {
  const list = [...names]
  for (const name of list) if (!relation.columns.has(name)) throw columnNotFound(relation.name, name)
  return list
}

function parseColumnsParam(value: string): string[] {
  return value.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1')).filter(Boolean)
}

/**
 * The statement for POST (insert, or upsert with `Prefer: resolution`), PATCH and DELETE on a table,
 * wrapped so it answers like a read of the affected rows; PUT and other methods are refused.
 */
export function mutationPlan(req: ApiRequest, target: RelationTarget, prefs: Preferences, media: Media): Plan {
  const { relation, table, select, conditions, scope, params } = target
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
