/** CORS headers as Supabase's own examples send them, so the widget can call from any host page. */
export const corsHeaders: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'authorization, x-client-info, apikey, content-type',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
}

/** An error a function answers with: a stable machine `code`, a human message, an HTTP status. */
export class FunctionError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message)
  }
}

/** A JSON response with CORS headers. */
export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...corsHeaders, 'Content-Type': 'application/json' } })
}

// HTTP status for each Rolecall SQLSTATE (README "Error codes"); anything else is a 400 like PostgREST's default.
const statusBySqlState: Record<string, number> = {
  RC101: 401,
  RC102: 403, RC103: 403, RC104: 403, RC105: 403, RC106: 403, RC107: 403, RC108: 403,
  RC109: 409, RC201: 409, RC203: 409, RC204: 409, RC205: 409, RC206: 409, RC309: 409,
  RC306: 404,
  RC401: 404, RC402: 410, RC403: 410, RC404: 409, RC405: 409, RC406: 409, RC407: 403, RC409: 429, RC410: 403, RC411: 409,
  '42501': 403,
}

/** Turns a PostgREST error ({code, message, details, hint}) from supabase-js into a FunctionError. */
export function fromPostgrest(error: { code?: string; message: string; details?: string | null; hint?: string | null }): FunctionError {
  const code = error.code ?? 'unknown'
  return new FunctionError(code, error.message, statusBySqlState[code] ?? 400, error.details ?? undefined)
}

/** Parses a JSON object body or fails with `invalid_body`. */
export async function readJson(req: Request): Promise<Record<string, unknown>> {
  try {
    const body = await req.json()
    if (body && typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>
  } catch {
    // falls through to the error below
  }
  throw new FunctionError('invalid_body', 'The request body must be a JSON object', 400)
}

/** A required string field of a body, or `invalid_body` naming it. */
export function requireString(body: Record<string, unknown>, field: string): string {
  const value = body[field]
  if (typeof value !== 'string' || value.trim() === '') {
    throw new FunctionError('invalid_body', `"${field}" is required`, 400, { field })
  }
  return value.trim()
}

/** Wraps a handler: CORS preflight, allowed methods, and every error as `{ code, message, details }` JSON. */
export function serve(methods: string[], handler: (req: Request) => Promise<Response>): (req: Request) => Promise<Response> {
  return async (req) => {
    if (req.method === 'OPTIONS') return new Response('ok', { headers: corsHeaders })
    if (!methods.includes(req.method)) {
      return json({ code: 'method_not_allowed', message: `Use ${methods.join(' or ')}` }, 405)
    }
    try {
      return await handler(req)
    } catch (error) {
      if (error instanceof FunctionError) {
        return json({ code: error.code, message: error.message, details: error.details ?? null }, error.status)
      }
      console.error(error)
      return json({ code: 'internal', message: 'Something went wrong on our side' }, 500)
    }
  }
}
