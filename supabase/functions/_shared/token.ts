import { encodeBase64Url } from './base64url.ts'

/** A fresh invitation token: 256 random bits, URL-safe. Only its hash is ever stored. */
export function newToken(): string {
  return encodeBase64Url(crypto.getRandomValues(new Uint8Array(32)))
}

/** The token's SHA-256 in PostgREST's bytea text form (`\x` + hex), as the SQL functions take it. */
export async function tokenHash(token: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token)))
  return '\\x' + Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')
}
