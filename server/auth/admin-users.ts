import type { ApiRequest, ApiResponse } from '../http/types.ts'
import { AuthError } from './errors.ts'
import { type AuthContext, type Body, json } from './context.ts'
import { requireAdmin } from './guards.ts'
import { type IdentityRow, parseJson, userColumns, userJson, type UserRow } from './user-json.ts'
import { checkPassword, hashPassword } from './passwords.ts'
import { byEmail, checkEmail, createUser, findUser, isUniqueViolation, mergeMetadata, userById } from './users.ts'

/** GET /admin/users: paged, newest first, with X-Total-Count and Link headers. */
export async function listUsers(ctx: AuthContext, req: ApiRequest): Promise<ApiResponse> {
  await requireAdmin(ctx, req)
  const page = Math.max(1, Number(req.url.searchParams.get('page') ?? 1) || 1)
  const perPage = Math.min(1000, Math.max(1, Number(req.url.searchParams.get('per_page') ?? 50) || 50))
  const { rows } = await ctx.db.query<{ u: unknown; identities: unknown; total: string }>(
    `select ${userColumns}, count(*) over ()::text as total from auth.users u where u.deleted_at is null
     order by u.created_at desc, u.id limit $1 offset $2`,
    [perPage, (page - 1) * perPage],
  )
  let total = rows[0] ? Number(rows[0].total) : 0
  if (!rows[0] && page > 1) {
    total = Number((await ctx.db.query<{ n: string }>('select count(*)::text as n from auth.users where deleted_at is null')).rows[0]!.n)
  }
  const last = Math.max(1, Math.ceil(total / perPage))
  const links = [...(page < last ? [`</admin/users?page=${page + 1}&per_page=${perPage}>; rel="next"`] : []), `</admin/users?page=${last}&per_page=${perPage}>; rel="last"`]
  return json(200, {
    users: rows.map((r) => userJson(parseJson<UserRow>(r.u), parseJson<IdentityRow[]>(r.identities))),
    aud: 'authenticated',
  }, { 'X-Total-Count': String(total), Link: links.join(', ') })
}

/** POST /admin/users: creates a user as the service role. */
export async function adminCreateUser(ctx: AuthContext, req: ApiRequest, body: Body): Promise<ApiResponse> {
  await requireAdmin(ctx, req)
  const email = checkEmail(body.email)
  const password = body.password === undefined ? null : checkPassword(ctx, body.password)
  const user = await createUser(ctx, ctx.db, {
    email,
    password,
    confirmed: body.email_confirm === true,
    userMetadata: body.user_metadata ?? body.data,
    appMetadata: body.app_metadata,
    role: typeof body.role === 'string' ? body.role : undefined,
  })
  if (typeof body.ban_duration === 'string') await applyBan(ctx, user.id, body.ban_duration)
  return json(200, await userById(ctx, user.id))
}

/** Sets or clears banned_until from a Go-style duration; a ban ends the user's sessions. */
export async function applyBan(ctx: AuthContext, id: string, duration: string): Promise<void> {
  if (duration === 'none') {
    await ctx.db.query('update auth.users set banned_until = null where id = $1', [id])
    return
  }
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(duration)
  if (!match) throw new AuthError(400, 'validation_failed', 'invalid format for ban duration')
  const seconds = Number(match[1]) * ({ ms: 0.001, s: 1, m: 60, h: 3600 } as Record<string, number>)[match[2]!]!
  await ctx.db.query('update auth.users set banned_until = now() + make_interval(secs => $2) where id = $1', [id, seconds])
  await ctx.db.query('delete from auth.sessions where user_id = $1', [id])
}

/** PUT /admin/users/<id>. */
export async function adminUpdateUser(ctx: AuthContext, id: string, body: Body): Promise<ApiResponse> {
  const found = await findUser(ctx, 'u.id = $1', [id])
  if (!found) throw new AuthError(404, 'user_not_found', 'User not found')
  const user = found.user
  const sets: string[] = []
  const params: unknown[] = [id]
  const set = (column: string, value: unknown, cast = '') => {
    params.push(value)
    sets.push(`${column} = $${params.length}${cast}`)
  }
  if (body.email !== undefined) {
    const email = checkEmail(body.email)
    if (email !== user.email) {
      const other = await byEmail(ctx, email)
      if (other && other.user.id !== id) throw new AuthError(422, 'email_exists', 'A user with this email address has already been registered')
      set('email', email)
    }
  }
  if (body.password !== undefined) set('encrypted_password', await hashPassword(checkPassword(ctx, body.password)))
  if (body.email_confirm === true && !user.email_confirmed_at) sets.push('email_confirmed_at = now()')
  if (body.user_metadata !== undefined) set('raw_user_meta_data', JSON.stringify(mergeMetadata(user.raw_user_meta_data, body.user_metadata)), '::jsonb')
  if (body.app_metadata !== undefined) set('raw_app_meta_data', JSON.stringify(mergeMetadata(user.raw_app_meta_data, body.app_metadata)), '::jsonb')
  if (typeof body.role === 'string') set('role', body.role)
  if (sets.length > 0) {
    try {
      await ctx.db.query(`update auth.users set ${sets.join(', ')}, updated_at = now() where id = $1`, params)
    } catch (error) {
      if (isUniqueViolation(error)) throw new AuthError(422, 'email_exists', 'A user with this email address has already been registered')
      throw error
    }
    if (body.email !== undefined) {
      await ctx.db.query(
        `update auth.identities i set identity_data = i.identity_data || jsonb_build_object('email', u.email) from auth.users u where u.id = i.user_id and u.id = $1 and i.provider = 'email'`,
        [id],
      )
    }
  }
  if (typeof body.ban_duration === 'string') await applyBan(ctx, id, body.ban_duration)
  return json(200, await userById(ctx, id))
}

/** DELETE /admin/users/<id>: answers with the deleted user. */
export async function adminDeleteUser(ctx: AuthContext, id: string): Promise<ApiResponse> {
  const user = await userById(ctx, id)
  await ctx.db.query('delete from auth.users where id = $1', [id])
  return json(200, user)
}
