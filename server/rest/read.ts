import type { ApiRequest } from '../http/types.ts'
import type { Media } from './media.ts'
import { bodyExpr, limitSql, type Plan, rangeOf, type RelationTarget, type Shape } from './plan.ts'
import { parseOrder, type Preferences } from './query.ts'
import { orderSql, selectListSql, whereSql } from './sql.ts'

/** The statement for GET and HEAD on a table or view: filtered, ordered, ranged, optionally counted. */
export function readPlan(req: ApiRequest, target: RelationTarget, prefs: Preferences, media: Media, maxRows: number | null): Plan {
  const { table, select, conditions, scope, params } = target
  const countSql = (where: string) => (prefs.count ? `(select count(*) from ${table} as pgrst_t${where})::text` : 'null::text')
  const { offset, limit } = rangeOf(req, maxRows)
  const list = selectListSql(select, scope, params)
  const where = whereSql(conditions, scope, params)
  const order = orderSql(req.url.searchParams.has('order') ? parseOrder(req.url.searchParams.get('order')!) : [], scope, params)
  const shape: Shape = req.method === 'HEAD' ? 'none' : 'array'
  return {
    sql: `select ${countSql(where)} as total, pg_catalog.count(pgrst_r)::int as n, ${bodyExpr(shape, media.object, media.stripNulls)} as body
      from (select ${list} from ${table} as pgrst_t${where}${order}${limitSql(offset, limit, params)}) pgrst_r`,
    params: params.values,
    shape,
    mutation: false,
    offset,
    status: 200,
    readOnly: true,
    counted: Boolean(prefs.count),
  }
}
