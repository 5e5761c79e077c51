import { errors, jwtVerify, SignJWT } from 'jose'

/** Claims of a verified token. */
export type Claims = Record<string, unknown> & { role?: string; sub?: string; exp?: number; session_id?: string }

/** Why a token was refused, in PostgREST's words (PGRST301 / PGRST303). */
export class JwtError extends Error {
  constructor(
    readonly code: 'PGRST301' | 'PGRST303',
    message: string,
  ) {
    super(message)
  }
}

/** Signs and verifies the project's HS256 tokens, caching verified ones until they expire. */
export class JwtKeys {
  private readonly key: Uint8Array
  private readonly verified = new Map<string, Claims>()

  constructor(secret: string) {
    this.key = new TextEncoder().encode(secret)
  }

  /** Signs `claims` (which must carry iat / exp already) with HS256. */
  sign(claims: Claims): Promise<string> {
    return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(this.key)
  }

  /** Verifies signature (HS256 only, so `alg: none` is refused) and time claims. */
  async verify(token: string): Promise<Claims> {
    const cached = this.verified.get(token)
    const now = Date.now() / 1000
    if (cached && (cached.exp === undefined || cached.exp > now)) return cached
    if (token === '') throw new JwtError('PGRST301', 'Empty JWT is sent in Authorization header')
    const parts = token.split('.').length
    if (parts !== 3) throw new JwtError('PGRST301', `Expected 3 parts in JWT; got ${parts}`)
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'] })
      if (this.verified.size > 5000) this.verified.clear()
      this.verified.set(token, payload as Claims)
      return payload as Claims
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new JwtError('PGRST303', 'JWT expired')
      if (error instanceof errors.JWTClaimValidationFailed) {
        throw new JwtError('PGRST303', error.claim === 'nbf' ? 'JWT not yet valid' : error.claim === 'iat' ? 'JWT issued at future' : 'Parsing claims failed')
      }
      if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
        throw new JwtError('PGRST301', 'Wrong or unsupported encoding algorithm')
      }
      if (error instanceof errors.JWSSignatureVerificationFailed) throw new JwtError('PGRST301', 'JWT cryptographic operation failed')
      throw new JwtError('PGRST301', "JWT couldn't be decoded")
    }
  }
}
