import type { ApiRequest, ApiResponse } from '../http/types.ts'
import type { Caller, RestContext } from './context.ts'
import { fromPgError, RestError } from './errors.ts'
import { execute } from './execute.ts'
import { negotiate } from './media.ts'
import { mutationPlan } from './mutations.ts'
import { type Plan, relationTarget } from './plan.ts'
import { parsePrefer } from './query.ts'
import { readPlan } from './read.ts'
import { rpcPlan } from './rpc.ts'
import { qualified } from './schema-cache.ts'

// Kept importable from here: server/app.ts imports Caller and RestContext, bench/server.ts the request transaction.
export type { Caller, RestContext } from './context.ts'
export { type RequestSettings, runAsRequest, settingsStatement } from './transaction.ts'

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
    const target = relationTarget(req, relation)
    plan = readMethod ? readPlan(req, target, prefs, media, ctx.maxRows) : mutationPlan(req, target, prefs, media)
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
