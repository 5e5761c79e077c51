import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { applyDatabase, type ApplyResult, defaultPaths, type SqlPaths } from './db/apply.ts'
import { type Database, openPglite, openPostgres } from './db/database.ts'
import { AuthServer } from './auth/handler.ts'
import { type ConfigOverrides, loadConfig, localDefaults, type ServerConfig } from './config.ts'
import { FunctionHost } from './functions/host.ts'
import { serveStatic } from './http/static.ts'
import { type ApiRequest, type ApiResponse, jsonResponse } from './http/types.ts'
import { type Claims, JwtError, JwtKeys } from './jwt.ts'
import { handleMailbox, Mailbox, mailboxOff } from './mailbox.ts'
import { type Caller, handleRest } from './rest/handler.ts'
import { loadSchemaCache, type SchemaCache } from './rest/schema-cache.ts'

/** How to start a server: config overrides plus where the SQL lives. */
export interface StartOptions extends ConfigOverrides {
  /** Platform SQL, migrations and seed (defaults: server/sql, supabase/migrations, supabase/seed.sql). */
  sqlPaths?: SqlPaths
  /** Run seed.sql on a fresh database (default true). */
  seed?: boolean
  /** Read settings from the environment (default: process.env). */
  env?: Record<string, string | undefined>
}

/** A started server. */
export interface RunningServer {
  /** http://host:port */
  url: string
  port: number
  config: ServerConfig
  db: Database
  mailbox: Mailbox
  /** Milliseconds from start to ready, and what applyDatabase did. */
  startup: { ms: number; database: ApplyResult }
  /** Reloads the schema cache (as `NOTIFY pgrst, 'reload schema'` would). */
  reloadSchema(): Promise<void>
  close(): Promise<void>
}

/** Built bundles the stack serves: the demo vendor app at /demo/ (its accept.html also at /accept-invitation) and the panel's widget at /widget/. */
export const bundleDirs = {
  demo: fileURLToPath(new URL('../dist/demo/', import.meta.url)),
  widget: fileURLToPath(new URL('../dist/widget/', import.meta.url)),
}

const exposedHeaders = 'Content-Encoding, Content-Location, Content-Range, Content-Type, Content-Profile, Date, Location, Preference-Applied, Range-Unit, X-Total-Count, Link, X-Supabase-Api-Version'

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > limit) {
      resolve(null)
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        resolve(null)
        req.removeAllListeners('data')
        req.resume()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function peerOf(req: IncomingMessage): string {
  return (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '')
}

function bearerOf(headers: Record<string, string>): string | null {
  const match = /^Bearer\s+(.*)$/i.exec(headers.authorization ?? '')
  return match ? match[1]!.trim() : null
}

/**
 * Starts the local Supabase-compatible stack: opens the database (PGlite in the data folder, or
 * DATABASE_URL), applies platform SQL, migrations and seed, loads the schema cache and serves
 * /rest/v1, /auth/v1, /functions/v1 and /mailbox on one port.
 */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const started = performance.now()
  const { sqlPaths, seed, env, ...overrides } = options
  const config = loadConfig(overrides, env ?? process.env)
  const db = config.databaseUrl ? await openPostgres(config.databaseUrl) : await openPglite(config.dataDir)
  let database: ApplyResult
  try {
    database = await applyDatabase(db, { paths: sqlPaths ?? defaultPaths, seed: seed ?? true })
  } catch (error) {
    await db.close()
    throw error
  }
  let cache: SchemaCache = await loadSchemaCache(db, config.schemas)
  let reloading: Promise<SchemaCache> | null = null
  const refreshSchemaCache = async (): Promise<SchemaCache> => {
    if (Date.now() - cache.loadedAt < 1000) return cache
    reloading ??= loadSchemaCache(db, config.schemas).then((fresh) => {
      cache = fresh
      return fresh
    }).finally(() => {
      reloading = null
    })
    return reloading
  }

  const jwt = new JwtKeys(config.jwtSecret)
  const mailbox = new Mailbox()
  let publicUrl = config.publicUrl ?? ''
  /** The opaque publishable / secret keys stand for the anon / service-role JWTs, as the gateway maps them. */
  const mapKey = (key: string): string => (key === localDefaults.publishableKey ? config.anonKey : key === localDefaults.secretKey ? config.serviceRoleKey : key)
  const validApiKeys = new Set([config.anonKey, config.serviceRoleKey])
  const isServiceRole = async (token: string): Promise<boolean> => {
    try {
      return (await jwt.verify(mapKey(token))).role === 'service_role'
    } catch {
      return false
    }
  }
  const auth = new AuthServer({ db, jwt, mailbox, settings: config.auth, publicUrl: () => publicUrl, isServiceRole })
  const functions = new FunctionHost({
    dir: config.functionsDir,
    env: () => ({
      SUPABASE_URL: publicUrl,
      SUPABASE_ANON_KEY: config.anonKey,
      SUPABASE_SERVICE_ROLE_KEY: config.serviceRoleKey,
      SUPABASE_PUBLISHABLE_KEY: localDefaults.publishableKey,
      SUPABASE_SECRET_KEY: localDefaults.secretKey,
      ...(config.databaseUrl ? { SUPABASE_DB_URL: config.databaseUrl } : {}),
      ROLECALL_MAILBOX_URL: `${publicUrl}/mailbox/api/messages`,
      // NOTE: invitation links land on the stack's own accept page unless the environment names another.
      ROLECALL_INVITE_URL: (env ?? process.env).ROLECALL_INVITE_URL ?? `${publicUrl}/accept-invitation`,
    }),
    verifyJwt: (name) => config.functions[name]?.verifyJwt ?? true,
    isValidJwt: async (token) => {
      try {
        await jwt.verify(mapKey(token))
        return true
      } catch {
        return false
      }
    },
    log: config.log,
  })

  const restCaller = async (headers: Record<string, string>): Promise<Caller | ApiResponse> => {
    const apikey = headers.apikey
    const token = mapKey(bearerOf(headers) ?? (apikey ? apikey : ''))
    let claims: Claims
    try {
      claims = await jwt.verify(token)
    } catch (error) {
      const e = error instanceof JwtError ? error : new JwtError('PGRST301', "JWT couldn't be decoded")
      return jsonResponse(401, { code: e.code, message: e.message, details: null, hint: null }, {
        'WWW-Authenticate': `Bearer error="invalid_token", error_description="${e.message}"`,
      })
    }
    return { role: typeof claims.role === 'string' && claims.role !== '' ? claims.role : 'anon', claims }
  }

  const gatewayCheck = (req: ApiRequest): ApiResponse | null => {
    const apikey = req.headers.apikey ?? req.url.searchParams.get('apikey') ?? undefined
    if (!apikey) return jsonResponse(401, { message: 'No API key found in request', hint: 'No `apikey` request header or url param was found.' })
    if (!validApiKeys.has(mapKey(apikey))) return jsonResponse(401, { message: 'Invalid API key', hint: 'Double check your Supabase `anon` or `service_role` API key.' })
    if (!req.headers.apikey) req.headers.apikey = apikey
    return null
  }

  const dispatch = async (req: ApiRequest, prefix: string): Promise<ApiResponse> => {
    if (prefix === 'rest') {
      const blocked = gatewayCheck(req)
      if (blocked) return blocked
      const caller = await restCaller(req.headers)
      if ('status' in caller) return caller as ApiResponse
      return handleRest(
        { db, schemaCache: () => cache, refreshSchemaCache, extraSearchPath: config.extraSearchPath, maxRows: config.maxRows, statementTimeout: config.statementTimeout },
        req,
        caller as Caller,
      )
    }
    if (prefix === 'auth') {
      const open = req.method === 'GET' && ['/verify', '/callback', '/authorize', '/health', '/settings'].includes(req.path.replace(/\/$/, ''))
      if (!open) {
        const blocked = gatewayCheck(req)
        if (blocked) return blocked
      }
      const bearer = bearerOf(req.headers)
      if (bearer) req.headers.authorization = `Bearer ${mapKey(bearer)}`
      return auth.handle(req)
    }
    if (prefix === 'functions') return functions.handle(req, publicUrl)
    if (prefix === 'mailbox') return config.mailbox ? handleMailbox(mailbox, req, isServiceRole) : mailboxOff(config.host)
    if (prefix === 'accept-invitation') {
      // The demo build's second page; the link's `#token=` never reaches the server.
      if (req.path !== '' && req.path !== '/') return jsonResponse(404, { message: 'no Route matched with those values' })
      return serveStatic(bundleDirs.demo, '/accept.html', req.method, 'Not built: run `npm run build:demo`')
    }
    if (prefix === 'demo' || prefix === 'widget') {
      // NOTE: relative asset URLs only resolve below the folder, so `/demo` must become `/demo/`.
      if (req.path === '') return { status: 308, headers: { Location: `/${prefix}/` }, body: '' }
      return serveStatic(bundleDirs[prefix], req.path, req.method, `Not built: run \`npm run build:${prefix}\``)
    }
    return jsonResponse(404, { message: 'no Route matched with those values' })
  }

  const onRequest = async (incoming: IncomingMessage, out: ServerResponse): Promise<void> => {
    let response: ApiResponse
    let prefix = ''
    try {
      const url = new URL(incoming.url ?? '/', 'http://local')
      const match = /^\/(?:(rest|auth|functions)\/v1|(mailbox|demo|widget|accept-invitation))(\/.*)?$/.exec(url.pathname)
      prefix = match ? (match[1] ?? match[2]!) : ''
      const headers: Record<string, string> = {}
      for (const [key, value] of Object.entries(incoming.headers)) {
        if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(', ') : value
      }
      const peer = peerOf(incoming)
      // NOTE: this server plays the trusted proxy (Supabase's gateway): the client's address is the TCP
      // peer, and whatever X-Forwarded-For the client sent is replaced, so nobody can forge their IP.
      headers['x-forwarded-for'] = peer
      headers['x-real-ip'] = peer
      if (incoming.method === 'OPTIONS' && prefix !== 'functions') {
        response = {
          status: 200,
          headers: {
            'Access-Control-Allow-Methods': 'GET, HEAD, PUT, PATCH, POST, DELETE, OPTIONS',
            'Access-Control-Allow-Headers': headers['access-control-request-headers'] ?? 'authorization, x-client-info, apikey, content-type, prefer, range, accept-profile, content-profile, x-supabase-api-version',
            'Access-Control-Max-Age': '86400',
          },
          body: '',
        }
      } else {
        const body = await readBody(incoming, config.maxBodyBytes)
        if (body === null) {
          response = jsonResponse(413, { message: 'Request Entity Too Large' }, { Connection: 'close' })
        } else if (!prefix) {
          response = url.pathname === '/'
            ? jsonResponse(200, { name: 'Rolecall local stack', rest: '/rest/v1', auth: '/auth/v1', functions: '/functions/v1/<name>', mailbox: '/mailbox', demo: '/demo/' })
            : jsonResponse(404, { message: 'no Route matched with those values' })
        } else {
          const path = match?.[3] ?? ''
          response = await dispatch({ method: incoming.method ?? 'GET', path, url, headers, body, peer }, prefix)
        }
      }
    } catch (error) {
      if (config.log) console.error('request failed:', error)
      response = jsonResponse(500, { message: 'Internal server error' })
    }
    if (prefix === 'rest' || prefix === 'auth' || (prefix === 'functions' && !('access-control-allow-origin' in lowerKeys(response.headers)))) {
      response.headers['Access-Control-Allow-Origin'] ??= '*'
      response.headers['Access-Control-Expose-Headers'] ??= exposedHeaders
    }
    if (!out.headersSent) {
      out.writeHead(response.status, response.headers)
      out.end(incoming.method === 'HEAD' ? undefined : response.body)
    }
  }

  const server: Server = createServer((req, res) => {
    onRequest(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500)
      res.end()
    })
  })
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
    else socket.destroy()
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(config.port, config.host, () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`
  publicUrl = config.publicUrl ?? url

  return {
    url,
    port,
    config,
    db,
    mailbox,
    startup: { ms: performance.now() - started, database },
    reloadSchema: async () => {
      cache = await loadSchemaCache(db, config.schemas)
    },
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      await db.close()
    },
  }
}

function lowerKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]))
}
