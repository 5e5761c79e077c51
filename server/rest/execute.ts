import type { ApiRequest, ApiResponse } from '../http/types.ts'
import type { Caller, RestContext } from './context.ts'
import { RestError } from './errors.ts'
import { objectMediaType } from './media.ts'
import type { Plan } from './plan.ts'
import type { Preferences } from './query.ts'
import { ident } from './ident.ts'
import { runAsRequest } from './transaction.ts'

/** Thrown inside the transaction to roll it back while still answering with `response`. */
class Rollback extends Error {
  constructor(readonly response: ApiResponse | RestError) {
    super('rollback')
  }
}

/**
 * Runs `plan` in the request transaction and shapes the response (Content-Range, 206, single-object
 * coercion, Preference-Applied); a failed check or `Prefer: tx=rollback` rolls the transaction back.
 */
export async function execute(ctx: RestContext, req: ApiRequest, caller: Caller, schema: string, plan: Plan, prefs: Preferences, media: { object: boolean }): Promise<ApiResponse> {
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
        statementTimeout: ctx.statementTimeout,
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
