import { AsyncLocalStorage } from 'node:async_hooks'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ApiRequest, ApiResponse } from '../http/types.ts'
import { jsonResponse } from '../http/types.ts'

/** A handler as passed to `Deno.serve`. */
type Handler = (request: Request, info?: unknown) => Response | Promise<Response>

/** The environment a function sees through `Deno.env`, per server (several may run in one process). */
const envStorage = new AsyncLocalStorage<Record<string, string>>()
/** Handlers by module file: Node imports a module once per process, so its `Deno.serve` runs once. */
const handlers = new Map<string, Handler>()
let loading: { file: string; handler?: Handler } | null = null
let loadQueue: Promise<unknown> = Promise.resolve()

function envGet(name: string): string | undefined {
  return envStorage.getStore()?.[name] ?? process.env[name]
}

/**
 * Node 20 has no global WebSocket, and supabase-js 2.1xx refuses to create a client without one (for
 * realtime, which functions do not use here). A stand-in that fails only when a socket is opened.
 */
export function installWebSocketStandIn(): void {
  const g = globalThis as { WebSocket?: unknown }
  if (typeof g.WebSocket !== 'undefined') return
  g.WebSocket = class WebSocketUnavailable {
    static readonly CONNECTING = 0
    static readonly OPEN = 1
    static readonly CLOSING = 2
    static readonly CLOSED = 3
    constructor() {
      throw new Error('WebSocket is not available in this Node version (realtime is not served by the local stack)')
    }
  }
}

/** Installs the small `Deno` global the functions use: `Deno.env` and `Deno.serve`. */
function installDeno(): void {
  installWebSocketStandIn()
  const g = globalThis as { Deno?: unknown }
  if (g.Deno && (g.Deno as { __rolecall?: boolean }).__rolecall) return
  if (g.Deno) return
  g.Deno = {
    __rolecall: true,
    env: {
      get: envGet,
      has: (name: string) => envGet(name) !== undefined,
      set: (name: string, value: string) => {
        const store = envStorage.getStore()
        if (store) store[name] = value
        else process.env[name] = value
      },
      delete: (name: string) => {
        const store = envStorage.getStore()
        if (store) delete store[name]
      },
      toObject: () => ({ ...process.env, ...(envStorage.getStore() ?? {}) }),
    },
    serve: (...args: unknown[]) => {
      const handler = args.find((a): a is Handler => typeof a === 'function')
        ?? (args.find((a) => a && typeof a === 'object' && typeof (a as { handler?: unknown }).handler === 'function') as { handler: Handler } | undefined)?.handler
      if (!loading || !handler) throw new Error('Deno.serve was called outside of a function module being loaded')
      loading.handler = handler
      return { finished: new Promise(() => {}), shutdown: async () => {}, ref() {}, unref() {}, addr: { transport: 'tcp', hostname: '0.0.0.0', port: 0 } }
    },
  }
}

/** Reads `KEY=value` lines (supabase/functions/.env, as `supabase functions serve` does). */
export function parseDotEnv(text: string): Record<string, string> {
  const env: Record<string, string> = {}
  for (const line of text.split('\n')) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line)
    if (!match) continue
    let value = match[2]!
    if (/^(['"]).*\1$/.test(value)) value = value.slice(1, -1)
    env[match[1]!] = value
  }
  return env
}

/** What the function host needs from the server. */
export interface FunctionHostOptions {
  dir: string
  /** SUPABASE_URL and the keys, on top of supabase/functions/.env and process.env. */
  env: () => Record<string, string>
  verifyJwt: (name: string) => boolean
  /** Whether the bearer token is a JWT this project signed (any role). */
  isValidJwt: (token: string) => Promise<boolean>
  log: boolean
}

const corsHeaders = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'authorization, x-client-info, apikey, content-type',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
}

/**
 * Runs the edge functions of supabase/functions in this process: `<name>/index.ts` is imported once,
 * its `Deno.serve` handler captured, and each request under /functions/v1/<name> handed to it as a
 * fetch-API Request (path `/<name>/…`, as on Supabase) with `Deno.env` set for this server.
 */
export class FunctionHost {
  constructor(private readonly options: FunctionHostOptions) {
    installDeno()
  }

  private fileOf(name: string): string | null {
    if (!/^[a-z0-9][a-z0-9_-]*$/i.test(name) || name.startsWith('_')) return null
    const file = join(this.options.dir, name, 'index.ts')
    return existsSync(file) ? file : null
  }

  private environment(): Record<string, string> {
    const dotEnv = join(this.options.dir, '.env')
    const fromFile = existsSync(dotEnv) ? parseDotEnv(readFileSync(dotEnv, 'utf8')) : {}
    return { ...fromFile, ...this.options.env() }
  }

  private load(file: string, env: Record<string, string>): Promise<Handler> {
    const known = handlers.get(file)
    if (known) return Promise.resolve(known)
    const next = loadQueue.then(async () => {
      const again = handlers.get(file)
      if (again) return again
      loading = { file }
      try {
        await envStorage.run(env, () => import(pathToFileURL(file).href))
        if (!loading.handler) throw new Error(`${file} did not call Deno.serve`)
        handlers.set(file, loading.handler)
        return loading.handler
      } finally {
        loading = null
      }
    })
    loadQueue = next.catch(() => {})
    return next
  }

  /** Answers /functions/v1/<name>/… */
  async handle(req: ApiRequest, publicUrl: string): Promise<ApiResponse> {
    const [, name = '', ...rest] = req.path.split('/')
    const file = this.fileOf(name)
    if (!file) return jsonResponse(404, { code: 'NOT_FOUND', message: 'Requested function was not found' }, corsHeaders)
    if (req.method !== 'OPTIONS' && this.options.verifyJwt(name)) {
      const token = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim()
      if (!token) return jsonResponse(401, { msg: 'Error: Missing authorization header' }, corsHeaders)
      if (!(await this.options.isValidJwt(token))) return jsonResponse(401, { msg: 'Invalid JWT' }, corsHeaders)
    }
    const env = this.environment()
    let handler: Handler
    try {
      handler = await this.load(file, env)
    } catch (error) {
      if (this.options.log) console.error(`function ${name} failed to start:`, error)
      return jsonResponse(503, { code: 'BOOT_ERROR', message: 'Function failed to start (please check logs)' }, corsHeaders)
    }
    const url = new URL(`/${[name, ...rest].join('/')}${req.url.search}`, publicUrl)
    const headers = new Headers()
    for (const [key, value] of Object.entries(req.headers)) headers.set(key, value)
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD' && req.body.length > 0
    const request = new Request(url, { method: req.method, headers, body: hasBody ? new Uint8Array(req.body) : undefined })
    try {
      const response = await envStorage.run(env, () => handler(request, { remoteAddr: { transport: 'tcp', hostname: req.peer, port: 0 } }))
      const out: Record<string, string> = {}
      response.headers.forEach((value, key) => {
        out[key] = value
      })
      return { status: response.status, headers: out, body: new Uint8Array(await response.arrayBuffer()) }
    } catch (error) {
      if (this.options.log) console.error(`function ${name}:`, error)
      return jsonResponse(500, { code: 'WORKER_ERROR', message: 'Function exited due to an error (please check logs)' }, corsHeaders)
    }
  }
}
