import { decodeJwt, SignJWT } from 'jose'
import { signInStores, type Stack } from '../support/stack.ts'

// NOTE: the Supabase CLI's public local default (server/config.ts `localDefaults`), copied: that module
// resolves paths with `new URL(…, import.meta.url)` at load, which happy-dom's URL refuses.
const localJwtSecret = new TextEncoder().encode('super-secret-jwt-token-with-at-least-32-characters-long')

/** The same access token, as if its sign-in happened an hour ago (no longer "recent" for transfer-admin). */
async function staleToken(accessToken: string): Promise<string> {
  const claims = decodeJwt(accessToken)
  const hourAgo = Math.floor(Date.now() / 1000) - 3600
  return new SignJWT({ ...claims, amr: [{ method: 'password', timestamp: hourAgo }] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(localJwtSecret)
}

/** A fetch that sends edge-function calls with a stale sign-in time, so the server asks for the password again. */
const staleFunctionsFetch: typeof fetch = async (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
  const headers = new Headers(init?.headers)
  const bearer = headers.get('Authorization')?.replace(/^Bearer /, '')
  if (url.includes('/functions/v1/') && bearer && decodeJwt(bearer).amr) headers.set('Authorization', `Bearer ${await staleToken(bearer)}`)
  return fetch(input, { ...init, headers })
}

/**
 * Like ../support/stack.ts `signInStores`, but the session's sign-in looks an hour old to the edge functions
 * (the database reads stay as they are).
 */
export function signedInLongAgo(stack: Stack, email: string, org: string): Promise<void> {
  return signInStores(stack, email, org, staleFunctionsFetch)
}
