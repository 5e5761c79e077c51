import { existsSync, readFileSync } from 'node:fs'
import { BlockList, isIP } from 'node:net'
import { isAbsolute, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseToml, type TomlTable, type TomlValue } from 'smol-toml'

/** The repository root (server/..), against which relative paths in the environment resolve. */
export const projectRoot = fileURLToPath(new URL('..', import.meta.url))

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
  rateLimit: AuthRateLimits
}

/**
 * `[auth.rate_limit]` of config.toml, with the Supabase CLI's keys and defaults. The stack has no
 * phone or anonymous sign-ins, so `sms_sent` and `anonymous_users` have nothing to limit.
 */
export interface AuthRateLimits {
  /** Auth emails per hour for the whole stack (`email_sent`), while email confirmations are on. */
  emailSent: number
  /** `/token` requests (password sign-ins and refreshes) per 5 minutes per client address (`token_refresh`). */
  tokenRefresh: number
  /** Sign-ups, OTP / magic link / recovery / resend requests and user updates per 5 minutes per address (`sign_in_sign_ups`). */
  signInSignUps: number
  /** `/verify` requests per 5 minutes per client address (`token_verifications`). */
  tokenVerifications: number
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
  /** `statement_timeout` of every REST request (`8s` like Supabase's authenticated role); null leaves the database's own. */
  statementTimeout: string | null
  functionsDir: string
  /** Per-function `verify_jwt` from `[functions.<name>]`. */
  functions: Record<string, { verifyJwt: boolean }>
  auth: AuthSettings
  /**
   * Whether /mailbox answers: on when the server is bound to loopback (only this machine reaches it),
   * or when ROLECALL_MAILBOX turns it on (or off) explicitly.
   */
  mailbox: boolean
  /** Print request errors and function logs. */
  log: boolean
}

/** What callers (tests, start options) may override: any setting, and any Auth setting on its own. */
export type ConfigOverrides = Partial<Omit<ServerConfig, 'auth'>> & { auth?: Partial<AuthSettings> }

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
  return value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) ? value : {}
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

const loopback = new BlockList()
loopback.addSubnet('127.0.0.0', 8, 'ipv4')
loopback.addAddress('::1', 'ipv6')

/** Whether a listen address is reachable only from this machine (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  const address = host.replace(/^\[(.*)\]$/, '$1')
  if (address.toLowerCase() === 'localhost') return true
  const family = isIP(address)
  return family !== 0 && loopback.check(address, family === 4 ? 'ipv4' : 'ipv6')
}

/** ROLECALL_MAILBOX: `1` / `on` / `true` or `0` / `off` / `false`; unset (or anything else) follows the host. */
function mailboxSwitch(value: string | undefined, host: string): boolean {
  const wanted = value?.trim().toLowerCase()
  if (wanted === '1' || wanted === 'on' || wanted === 'true') return true
  if (wanted === '0' || wanted === 'off' || wanted === 'false') return false
  return isLoopbackHost(host)
}

/** A Postgres duration for statement_timeout (`8s`, `500ms`, `2min`, `8000`); `0` means none. */
function statementTimeoutOf(value: string): string | null {
  const text = value.trim()
  // NOTE: checked here because the value is applied to every request: a typo would fail them all.
  if (!/^\d+(?:us|ms|s|min|h|d)?$/.test(text)) throw new Error(`ROLECALL_STATEMENT_TIMEOUT: "${value}" is not a duration like 8s or 500ms`)
  return /^0+[a-z]*$/.test(text) ? null : text
}

function resolvePath(path: string): string {
  return isAbsolute(path) ? path : resolve(projectRoot, path)
}

/**
 * The configuration from supabase/config.toml and the environment (see README "Local stack"), with
 * `overrides` on top (tests).
 */
export function loadConfig(
  overrides: ConfigOverrides = {},
  env: Record<string, string | undefined> = process.env,
  configPath = resolve(projectRoot, 'supabase/config.toml'),
): ServerConfig {
  const toml = existsSync(configPath) ? parseToml(readFileSync(configPath, 'utf8')) : {}
  const api = table(toml.api)
  const auth = table(toml.auth)
  const email = table(auth.email)
  const hook = table(table(auth.hook).custom_access_token)
  const rateLimit = table(auth.rate_limit)
  const functions: ServerConfig['functions'] = {}
  for (const [name, settings] of Object.entries(table(toml.functions))) {
    functions[name] = { verifyJwt: asBool(table(settings).verify_jwt, true) }
  }
  const port = env.ROLECALL_PORT ?? env.PORT
  // NOTE: the host decides the mailbox's default, so a host passed by the caller counts too.
  const host = overrides.host ?? env.ROLECALL_HOST ?? '127.0.0.1'
  const config: ServerConfig = {
    host,
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
    statementTimeout: statementTimeoutOf(env.ROLECALL_STATEMENT_TIMEOUT ?? '8s'),
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
      rateLimit: {
        emailSent: asNumber(rateLimit.email_sent, 2),
        tokenRefresh: asNumber(rateLimit.token_refresh, 150),
        signInSignUps: asNumber(rateLimit.sign_in_sign_ups, 30),
        tokenVerifications: asNumber(rateLimit.token_verifications, 30),
      },
    },
    mailbox: mailboxSwitch(env.ROLECALL_MAILBOX, host),
    log: env.ROLECALL_LOG !== '0',
  }
  return { ...config, ...overrides, auth: { ...config.auth, ...overrides.auth } }
}
