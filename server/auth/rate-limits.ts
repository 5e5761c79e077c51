import type { AuthRateLimits } from '../config.ts'
import { AuthError } from './errors.ts'

// NOTE: Supabase Auth's per-address limiters (internal/api/apilimiter) are token buckets refilled at
// <limit> per 5 minutes with bursts of 30, whatever the limit; this keeps that shape.
const burst = 30
const fiveMinutes = 300
// Buckets idle long enough to be full again hold no information; they are dropped past this many.
const maxTrackedAddresses = 10_000

/** A token bucket per client address. */
class AddressLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>()
  private readonly perSecond: number

  constructor(perFiveMinutes: number, private readonly now: () => number = Date.now) {
    this.perSecond = perFiveMinutes / fiveMinutes
  }

  /** Takes one request from the address's bucket; false when it is empty. */
  take(address: string): boolean {
    const now = this.now() / 1000
    const bucket = this.buckets.get(address) ?? { tokens: burst, at: now }
    bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.at) * this.perSecond)
    bucket.at = now
    const allowed = bucket.tokens >= 1
    if (allowed) bucket.tokens -= 1
    if (!this.buckets.has(address) && this.buckets.size >= maxTrackedAddresses) this.forgetFull(now)
    this.buckets.set(address, bucket)
    return allowed
  }

  private forgetFull(now: number): void {
    for (const [address, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * this.perSecond >= burst) this.buckets.delete(address)
    }
  }
}

/** At most `limit` events per window for the whole server, counted in fixed windows (Supabase's IntervalLimiter). */
class IntervalLimiter {
  private windowStart: number
  private count = 0

  constructor(private readonly limit: number, private readonly windowMs: number, private readonly now: () => number = Date.now) {
    this.windowStart = now()
  }

  /** Counts one event; false when the window's allowance is used up. */
  take(): boolean {
    const now = this.now()
    const elapsed = Math.floor((now - this.windowStart) / this.windowMs)
    if (elapsed > 0) {
      this.windowStart += elapsed * this.windowMs
      this.count = 0
    }
    if (this.count >= this.limit) return false
    this.count += 1
    return true
  }
}

/** Which `[auth.rate_limit]` key guards a request, as Supabase Auth's router assigns them (internal/api/api.go). */
type LimitedRoute = 'token' | 'verify' | 'signup' | 'recover' | 'resend' | 'magiclink' | 'otp' | 'user'

function routeOf(method: string, path: string): LimitedRoute | null {
  if (path === '/token' && method === 'POST') return 'token'
  if (path === '/verify' && (method === 'GET' || method === 'POST')) return 'verify'
  if (path === '/user' && method === 'PUT') return 'user'
  if (method !== 'POST') return null
  const name = path.slice(1)
  return name === 'signup' || name === 'recover' || name === 'resend' || name === 'magiclink' || name === 'otp' ? name : null
}

/** The Auth server's rate limits: per client address for requests, per hour for the stack's emails. */
export class AuthRateLimiter {
  private readonly requests: Record<LimitedRoute, AddressLimiter>
  private readonly emails: IntervalLimiter

  constructor(limits: AuthRateLimits, now: () => number = Date.now) {
    // One bucket per endpoint, as Supabase keeps one limiter per route even where they share a setting.
    const otpClass = () => new AddressLimiter(limits.signInSignUps, now)
    this.requests = {
      token: new AddressLimiter(limits.tokenRefresh, now),
      verify: new AddressLimiter(limits.tokenVerifications, now),
      signup: otpClass(), recover: otpClass(), resend: otpClass(), magiclink: otpClass(), otp: otpClass(), user: otpClass(),
    }
    this.emails = new IntervalLimiter(limits.emailSent, 3600_000, now)
  }

  /** Counts a request from `address`; 429 over_request_rate_limit when its endpoint's bucket is empty. */
  checkRequest(method: string, path: string, address: string): void {
    const route = routeOf(method, path)
    if (route && !this.requests[route].take(address)) throw new AuthError(429, 'over_request_rate_limit', 'Request rate limit reached')
  }

  /** Counts an email about to be sent; 429 over_email_send_rate_limit past `email_sent` this hour. */
  checkEmail(): void {
    if (!this.emails.take()) throw new AuthError(429, 'over_email_send_rate_limit', 'email rate limit exceeded')
  }
}
