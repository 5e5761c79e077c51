import { existsSync, readFileSync } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root (server/..), against which relative paths in the environment resolve. */
export const projectRoot = fileURLToPath(new URL('..', import.meta.url))

/** A TOML value of the subset supabase/config.toml uses. */
export type TomlValue = string | number | boolean | TomlValue[] | TomlTable
/** A TOML table. */
export interface TomlTable {
  [key: string]: TomlValue
}

/**
 * Parses the TOML subset of a Supabase CLI config: tables (`[a.b]`, quoted parts allowed), `key = value`
 * with strings, numbers, booleans and (possibly multi-line) arrays, and `#` comments.
 */
export function parseToml(text: string): TomlTable {
  const root: TomlTable = {}
  let table = root
  let pos = 0
  const fail = (message: string): never => {
    const line = text.slice(0, pos).split('\n').length
    throw new Error(`config.toml line ${line}: ${message}`)
  }
  const skipSpace = (newlines: boolean) => {
    for (;;) {
      const c = text[pos]
      if (c === ' ' || c === '\t' || c === '\r' || (newlines && c === '\n')) pos++
      else if (c === '#') while (pos < text.length && text[pos] !== '\n') pos++
      else return
    }
  }
  const key = (): string => {
    skipSpace(false)
    if (text[pos] === '"') return stringValue()
    const match = /^[A-Za-z0-9_-]+/.exec(text.slice(pos))
    if (!match) fail('expected a key')
    pos += match![0].length
    return match![0]
  }
  const dottedKey = (): string[] => {
    const parts = [key()]
    skipSpace(false)
    while (text[pos] === '.') {
      pos++
      parts.push(key())
      skipSpace(false)
    }
    return parts
  }
  const stringValue = (): string => {
    const quote = text[pos]
    pos++
    let out = ''
    while (pos < text.length && text[pos] !== quote) {
      if (quote === '"' && text[pos] === '\\') {
        const next = text[pos + 1]
        const escapes: Record<string, string> = { n: '\n', t: '\t', '"': '"', '\\': '\\', r: '\r' }
        if (next === 'u') {
          out += String.fromCharCode(parseInt(text.slice(pos + 2, pos + 6), 16))
          pos += 6
          continue
        }
        out += escapes[next ?? ''] ?? fail(`bad escape \\${next}`)
        pos += 2
        continue
      }
      if (text[pos] === '\n') fail('unterminated string')
      out += text[pos]
      pos++
    }
    if (text[pos] !== quote) fail('unterminated string')
    pos++
    return out
  }
  const value = (): TomlValue => {
    skipSpace(false)
    const c = text[pos]
    if (c === '"' || c === "'") return stringValue()
    if (c === '[') {
      pos++
      const items: TomlValue[] = []
      for (;;) {
        skipSpace(true)
        if (text[pos] === ']') {
          pos++
          return items
        }
        items.push(value())
        skipSpace(true)
        if (text[pos] === ',') pos++
        else if (text[pos] !== ']') fail('expected , or ] in array')
      }
    }
    if (c === '{') {
      pos++
      const inline: TomlTable = {}
      for (;;) {
        skipSpace(false)
        if (text[pos] === '}') {
          pos++
          return inline
        }
        const k = key()
        skipSpace(false)
        if (text[pos] !== '=') fail('expected =')
        pos++
        inline[k] = value()
        skipSpace(false)
        if (text[pos] === ',') pos++
      }
    }
    const match = /^[^\s,\]}#]+/.exec(text.slice(pos))
    if (!match) fail('expected a value')
    pos += match![0].length
    const raw = match![0]
    if (raw === 'true') return true
    if (raw === 'false') return false
    const number = Number(raw.replaceAll('_', ''))
    if (Number.isNaN(number)) fail(`bad value ${raw}`)
    return number
  }
  const descend = (parts: string[]): TomlTable => {
    let at = root
    for (const part of parts) {
      const next = at[part]
      if (next === undefined) at[part] = {}
      else if (typeof next !== 'object' || Array.isArray(next)) fail(`${part} is not a table`)
      at = at[part] as TomlTable
    }
    return at
  }
  while (pos < text.length) {
    skipSpace(true)
    if (pos >= text.length) break
    if (text[pos] === '[') {
      pos++
      const parts = dottedKey()
      if (text[pos] !== ']') fail('expected ]')
      pos++
      table = descend(parts)
      continue
    }
    const parts = dottedKey()
    if (text[pos] !== '=') fail('expected =')
    pos++
    const target = parts.length > 1 ? descendFrom(table, parts.slice(0, -1)) : table
    target[parts[parts.length - 1]!] = value()
    skipSpace(false)
    if (pos < text.length && text[pos] !== '\n') fail('expected end of line')
  }
  return root

  function descendFrom(start: TomlTable, parts: string[]): TomlTable {
    let at = start
    for (const part of parts) {
      if (at[part] === undefined) at[part] = {}
      at = at[part] as TomlTable
    }
    return at
  }
}

/** The defaults the Supabase CLI uses for a local stack (`supabase status`). */
export const localDefaults = {
  jwtSecret: 'super-secret-jwt-token-with-at-least-32-characters-long',
  anonKey:
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0',
  serviceRoleKey:
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImV4cCI6MTk4MzgxMjk5Nn0.EGIM96RAZx35lJzdJsyH-qQwv8Hdp7fsn3W0YpN81IU',
  /** The opaque keys newer CLIs print next to the JWT ones; the gateway maps them to anon / service_role. */
  publishableKey: 'sb_publishable_ACJWlzQHlZjBrEguHvfOxg_3BJgxAaH',
  secretKey: 'sb_secret_N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz',
}

/** Settings of the auth server, from `[auth]` of config.toml. */
export interface AuthSettings {
  siteUrl: string
  additionalRedirectUrls: string[]
  jwtExpiry: number
  refreshTokenRotation: boolean
  refreshTokenReuseInterval: number
  enableSignup: boolean
  enableConfirmations: boolean
  otpLength: number
  otpExpiry: number
  /** Seconds between two emails of the same kind to one user. */
  maxFrequency: number
  minimumPasswordLength: number
  /** `pg-functions://postgres/<schema>/<function>` of the Custom Access Token Hook, when enabled. */
  customAccessTokenHook: string | null
  mailFrom: string
}

/** Everything the server needs to know, from config.toml, the environment and the caller. */
export interface ServerConfig {
  host: string
  /** 0 picks a free port. */
  port: number
  /** The URL clients use (links in emails, `iss`); defaults to http://<host>:<port>. */
  publicUrl: string | null
  /** A Postgres connection string; when null, PGlite is used. */
  databaseUrl: string | null
  /** PGlite's data folder; null keeps the database in memory. */
  dataDir: string | null
  jwtSecret: string
  anonKey: string
  serviceRoleKey: string
  /** Schemas exposed through /rest/v1, the first being the default. */
  schemas: string[]
  extraSearchPath: string[]
  maxRows: number | null
  maxBodyBytes: number
  functionsDir: string
  /** Per-function `verify_jwt` from `[functions.<name>]`. */
  functions: Record<string, { verifyJwt: boolean }>
  auth: AuthSettings
  /** Print request errors and function logs. */
  log: boolean
}

function asString(value: TomlValue | undefined, fallback: string): string {
  return typeof value === 'string' ? value : fallback
}
function asNumber(value: TomlValue | undefined, fallback: number): number {
  return typeof value === 'number' ? value : fallback
}
function asBool(value: TomlValue | undefined, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback
}
function asStrings(value: TomlValue | undefined, fallback: string[]): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : fallback
}
function table(value: TomlValue | undefined): TomlTable {
  return value && typeof value === 'object' && !Array.isArray(value) ? value : {}
}

/** "1s", "2m", "1h" or a number of seconds. */
export function parseDuration(value: TomlValue | undefined, fallback: number): number {
  if (typeof value === 'number') return value
  if (typeof value !== 'string') return fallback
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(value.trim())
  if (!match) return fallback
  const n = Number(match[1])
  return match[2] === 'ms' ? n / 1000 : match[2] === 'm' ? n * 60 : match[2] === 'h' ? n * 3600 : n
}

function resolvePath(path: string): string {
  return isAbsolute(path) ? path : resolve(projectRoot, path)
}

/**
 * The configuration from supabase/config.toml and the environment (see README "Local stack"), with
 * `overrides` on top (tests).
 */
export function loadConfig(
  overrides: Partial<ServerConfig> = {},
  env: Record<string, string | undefined> = process.env,
  configPath = resolve(projectRoot, 'supabase/config.toml'),
): ServerConfig {
  const toml = existsSync(configPath) ? parseToml(readFileSync(configPath, 'utf8')) : {}
  const api = table(toml.api)
  const auth = table(toml.auth)
  const email = table(auth.email)
  const hook = table(table(auth.hook).custom_access_token)
  const functions: ServerConfig['functions'] = {}
  for (const [name, settings] of Object.entries(table(toml.functions))) {
    functions[name] = { verifyJwt: asBool(table(settings).verify_jwt, true) }
  }
  const port = env.ROLECALL_PORT ?? env.PORT
  const config: ServerConfig = {
    host: env.ROLECALL_HOST ?? '127.0.0.1',
    port: port !== undefined && port !== '' ? Number(port) : asNumber(api.port, 54321),
    publicUrl: env.ROLECALL_PUBLIC_URL ?? null,
    databaseUrl: env.DATABASE_URL || null,
    dataDir: resolvePath(env.ROLECALL_DATA_DIR ?? '.data/pglite'),
    jwtSecret: env.JWT_SECRET ?? localDefaults.jwtSecret,
    anonKey: env.ANON_KEY ?? localDefaults.anonKey,
    serviceRoleKey: env.SERVICE_ROLE_KEY ?? localDefaults.serviceRoleKey,
    schemas: asStrings(api.schemas, ['public', 'graphql_public']),
    extraSearchPath: asStrings(api.extra_search_path, ['public', 'extensions']),
    maxRows: typeof api.max_rows === 'number' ? api.max_rows : null,
    maxBodyBytes: Number(env.ROLECALL_MAX_BODY_BYTES ?? 10 * 1024 * 1024),
    functionsDir: resolvePath(env.ROLECALL_FUNCTIONS_DIR ?? 'supabase/functions'),
    functions,
    auth: {
      siteUrl: asString(auth.site_url, 'http://127.0.0.1:3000'),
      additionalRedirectUrls: asStrings(auth.additional_redirect_urls, []),
      jwtExpiry: asNumber(auth.jwt_expiry, 3600),
      refreshTokenRotation: asBool(auth.enable_refresh_token_rotation, true),
      refreshTokenReuseInterval: asNumber(auth.refresh_token_reuse_interval, 10),
      enableSignup: asBool(auth.enable_signup, true) && asBool(email.enable_signup, true),
      enableConfirmations: asBool(email.enable_confirmations, false),
      otpLength: asNumber(email.otp_length, 6),
      otpExpiry: asNumber(email.otp_expiry, 3600),
      maxFrequency: parseDuration(email.max_frequency, 1),
      minimumPasswordLength: asNumber(auth.minimum_password_length, 6),
      customAccessTokenHook: asBool(hook.enabled, false) ? asString(hook.uri, '') || null : null,
      mailFrom: env.MAIL_FROM ?? 'Rolecall <no-reply@rolecall.local>',
    },
    log: env.ROLECALL_LOG !== '0',
  }
  return { ...config, ...overrides, auth: { ...config.auth, ...overrides.auth } }
}
