import { randomUUID } from 'node:crypto'
import type { SqlRunner } from '../db/apply.ts'
import type { PgError } from '../db/database.ts'
import { AuthError } from './errors.ts'
import type { AuthContext } from './context.ts'
import { hashPassword } from './passwords.ts'
import { type IdentityRow, parseJson, userColumns, userJson, type UserRow } from './user-json.ts'

// NOTE: the format Supabase Auth accepts (badoux/checkmail's ValidateFormat, HTML's valid e-mail address):
// no quotes, brackets, parentheses, colons or spaces, so `<script>@x.io` or `=hyperlink("…")@x.io` never get in.
const emailPattern = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/

/** Merges metadata the way Supabase Auth does: top-level keys replace, null deletes. */
export function mergeMetadata(current: Record<string, unknown> | null, update: unknown): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...(current ?? {}) }
  if (update && typeof update === 'object' && !Array.isArray(update)) {
    for (const [key, value] of Object.entries(update)) {
      if (value === null) delete merged[key]
      else merged[key] = value
    }
  }
  return merged
}

/** Whether a database error is a unique violation (23505). */
export function isUniqueViolation(error: unknown): boolean {
  return (error as PgError)?.code === '23505'
}

/** The first user matching `where`, with identities; null when none. */
export async function findUser(ctx: AuthContext, where: string, params: unknown[], db: SqlRunner = ctx.db): Promise<{ user: UserRow; identities: IdentityRow[] } | null> {
  const { rows } = await db.query<{ u: unknown; identities: unknown }>(`select ${userColumns} from auth.users u where ${where} limit 1`, params)
  const row = rows[0]
  return row ? { user: parseJson<UserRow>(row.u), identities: parseJson<IdentityRow[]>(row.identities) } : null
}

/** The live (not deleted) user with this email, case-insensitive. */
export function byEmail(ctx: AuthContext, email: string, db?: SqlRunner) {
  return findUser(ctx, 'lower(u.email) = lower($1) and u.deleted_at is null', [email], db)
}

/** The user's JSON by id; user_not_found when missing. */
export async function userById(ctx: AuthContext, id: string): Promise<Record<string, unknown>> {
  const found = await findUser(ctx, 'u.id = $1', [id])
  if (!found) throw new AuthError(404, 'user_not_found', 'User not found')
  return userJson(found.user, found.identities)
}

/** Inserts a user and its email identity; email_exists on a duplicate. */
export async function createUser(
  ctx: AuthContext,
  db: SqlRunner,
  fields: { email: string; password?: string | null; confirmed: boolean; invited?: boolean; userMetadata?: unknown; appMetadata?: unknown; role?: string },
): Promise<UserRow> {
  const id = randomUUID()
  const hash = fields.password ? await hashPassword(fields.password) : null
  const appMetadata = mergeMetadata({ provider: 'email', providers: ['email'] }, fields.appMetadata)
  try {
    await db.query(
      `with new_user as (
         insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, invited_at,
           raw_app_meta_data, raw_user_meta_data, created_at, updated_at, is_super_admin, is_anonymous)
         values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', $2, lower($3), $4,
           case when $5::boolean then now() end, case when $6::boolean then now() end, $7::jsonb, $8::jsonb, now(), now(), false, false)
         returning id, email)
       insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
       select id::text, id, jsonb_build_object('sub', id::text, 'email', email, 'email_verified', $5::boolean, 'phone_verified', false), 'email', now(), now(), now()
       from new_user`,
      [id, fields.role ?? 'authenticated', fields.email, hash, fields.confirmed, fields.invited ?? false, JSON.stringify(appMetadata), JSON.stringify(mergeMetadata({}, fields.userMetadata))],
    )
  } catch (error) {
    if (isUniqueViolation(error)) throw new AuthError(422, 'email_exists', 'A user with this email address has already been registered')
    throw error
  }
  const found = await findUser(ctx, 'u.id = $1', [id], db)
  return found!.user
}

/** Validates an email address as Supabase Auth's validateEmail does (internal/api/mail.go) and lower-cases it. */
export function checkEmail(email: unknown): string {
  if (typeof email !== 'string' || email.trim() === '') throw new AuthError(400, 'validation_failed', 'An email address is required')
  const trimmed = email.trim()
  if (trimmed.length > 255) throw new AuthError(400, 'validation_failed', 'An email address is too long')
  if (!emailPattern.test(trimmed)) throw new AuthError(400, 'validation_failed', 'Unable to validate email address: invalid format')
  return trimmed.toLowerCase()
}
