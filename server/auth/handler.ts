import type { ApiRequest, ApiResponse } from '../http/types.ts'
import { adminCreateUser, adminDeleteUser, adminUpdateUser, listUsers } from './admin-users.ts'
import { generateLink, invite } from './admin-links.ts'
import { type AuthContext, json, parseBody } from './context.ts'
import { currentUserJson, updateUser } from './current-user.ts'
import { AuthError, authErrorBody, fromRolecallRefusal } from './errors.ts'
import { requireAdmin } from './guards.ts'
import { recover, resend, sendOtp } from './otp.ts'
import { AuthRateLimiter } from './rate-limits.ts'
import { logout, tokenGrant } from './sessions.ts'
import { settingsJson } from './settings.ts'
import { signup } from './signup.ts'
import { userById } from './users.ts'
import { verifyGet, verifyPost } from './verify.ts'

// Kept importable from here: AuthContext is the type of AuthServer's constructor argument.
export type { AuthContext } from './context.ts'

/** The Supabase Auth (GoTrue) endpoints auth-js calls, under /auth/v1. */
export class AuthServer {
  private readonly ctx: AuthContext

  constructor(ctx: Omit<AuthContext, 'limits'>) {
    this.ctx = { ...ctx, limits: new AuthRateLimiter(ctx.settings.rateLimit) }
  }

  /** Answers one request; every failure becomes Supabase Auth's error JSON. */
  async handle(req: ApiRequest): Promise<ApiResponse> {
    try {
      return await this.route(req)
    } catch (error) {
      const authError = error instanceof AuthError ? error : fromRolecallRefusal(error) ?? this.unexpected(error)
      return json(authError.status, authErrorBody(authError, req.headers['x-supabase-api-version']))
    }
  }

  private unexpected(error: unknown): AuthError {
    console.error('auth:', error)
    return new AuthError(500, 'unexpected_failure', 'Unexpected failure, please check server logs for more information')
  }

  private async route(req: ApiRequest): Promise<ApiResponse> {
    const path = req.path.replace(/\/+$/, '') || '/'
    const m = req.method
    this.ctx.limits.checkRequest(m, path, req.peer)
    if (path === '/health' && m === 'GET') return json(200, { version: 'rolecall-local', name: 'GoTrue', description: 'GoTrue-compatible auth of the Rolecall local stack' })
    if (path === '/settings' && m === 'GET') return json(200, settingsJson(this.ctx))
    if (path === '/.well-known/jwks.json' && m === 'GET') return json(200, { keys: [] })
    if (path === '/signup' && m === 'POST') return signup(this.ctx, req, parseBody(req))
    if (path === '/token' && m === 'POST') return tokenGrant(this.ctx, req, parseBody(req))
    if (path === '/user' && m === 'GET') return json(200, await currentUserJson(this.ctx, req))
    if (path === '/user' && m === 'PUT') return updateUser(this.ctx, req, parseBody(req))
    if (path === '/logout' && m === 'POST') return logout(this.ctx, req)
    if ((path === '/otp' || path === '/magiclink') && m === 'POST') return sendOtp(this.ctx, req, parseBody(req))
    if (path === '/verify' && m === 'POST') return verifyPost(this.ctx, req, parseBody(req))
    if (path === '/verify' && m === 'GET') return verifyGet(this.ctx, req)
    if (path === '/recover' && m === 'POST') return recover(this.ctx, req, parseBody(req))
    if (path === '/resend' && m === 'POST') return resend(this.ctx, req, parseBody(req))
    if (path === '/invite' && m === 'POST') return invite(this.ctx, req, parseBody(req))
    if (path === '/admin/generate_link' && m === 'POST') return generateLink(this.ctx, req, parseBody(req))
    if (path === '/admin/users' && m === 'GET') return listUsers(this.ctx, req)
    if (path === '/admin/users' && m === 'POST') return adminCreateUser(this.ctx, req, parseBody(req))
    const adminUser = /^\/admin\/users\/([0-9a-fA-F-]{36})$/.exec(path)
    if (adminUser) {
      await requireAdmin(this.ctx, req)
      const id = adminUser[1]!.toLowerCase()
      if (m === 'GET') return json(200, await userById(this.ctx, id))
      if (m === 'PUT') return adminUpdateUser(this.ctx, id, parseBody(req))
      if (m === 'DELETE') return adminDeleteUser(this.ctx, id)
    }
    if (path.startsWith('/admin/users/')) {
      await requireAdmin(this.ctx, req)
      throw new AuthError(404, 'user_not_found', 'User not found')
    }
    if (path === '/authorize' || path === '/callback') throw new AuthError(400, 'validation_failed', 'Unsupported provider: OAuth providers are not available on the local server')
    throw new AuthError(404, 'not_found', 'Not found')
  }
}
