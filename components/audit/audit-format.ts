import type { AuditEvent, Json } from '../../stores/api/index.ts'
import { eventRow, nameOf, references, rowsOf } from '../../stores/audit.ts'

/** One field an audit event changed. */
export interface FieldChange {
  field: string
  /** The value before, compact; null when the row was created. */
  before: string | null
  /** The value after, compact; null when the row was deleted. */
  after: string | null
}

// NOTE: bookkeeping columns change on every write and say nothing the event's time does not.
const ignored = new Set(['updated_at', 'created_at', 'id', 'organization_id'])

/** A value as one short line: strings as they are, lists and objects as compact JSON, cut at `max`. */
export function compactValue(value: Json | undefined, max = 60): string {
  const text = value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value)
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

/**
 * The fields that differ between the row before and after: every field of an insert or a delete, only
 * the changed ones of an update (an update changing nothing but bookkeeping lists nothing).
 */
export function fieldChanges(before: Json | null, after: Json | null): FieldChange[] {
  const old = eventRow(before)
  const next = eventRow(after)
  const fields = [...new Set([...Object.keys(old ?? {}), ...Object.keys(next ?? {})])].filter((field) => !ignored.has(field))
  return fields
    .filter((field) => !old || !next || JSON.stringify(old[field]) !== JSON.stringify(next[field]))
    .map((field) => ({
      field,
      before: old ? compactValue(old[field]) : null,
      after: next ? compactValue(next[field]) : null,
    }))
}

/**
 * The audit actions the server records, for the filter and the messages (audit.actions.*): every
 * `rolecall_private.audit_as(...)` of the migrations. A write outside an RPC (the seed, the SQL editor)
 * records `<table>.<insert|update|delete>` instead (audit.direct.*).
 */
export const auditActions = [
  'organizations.create', 'organizations.update', 'organizations.set_admin_mode', 'organizations.set_unique_member_emails', 'organizations.close',
  'members.change_role', 'members.edit_permissions', 'members.edit_ip_allowlist', 'members.edit_resource_grants', 'members.promote_to_admin',
  'members.transfer_primary', 'members.deactivate', 'members.reactivate', 'members.remove', 'members.leave', 'members.set_notifications',
  'invitations.create', 'invitations.resend', 'invitations.revoke', 'invitations.accept', 'invitations.decline', 'invitations.expire',
  'roles.create', 'roles.update', 'roles.delete', 'roles.set_policies',
  'policies.create', 'policies.update', 'policies.delete', 'policies.set_permissions', 'policies.set_restrictions',
  'ops.add_owner', 'ops.transfer_ownership', 'ops.reactivate_member', 'ops.expire_invitations', 'ops.reopen_organization', 'ops.purge_organization',
] as const

/** The tables the audit trail follows (subject_type), each with a name in audit.subjects.*. */
export const auditedTables = [
  'organizations', 'members', 'roles', 'policies', 'policy_permissions', 'role_policies', 'member_overrides', 'resource_grants', 'invitations',
] as const

/** vue-i18n's `t`, as the formatters below take it (a parameter, so they stay pure). */
type Translate = (key: string, words?: Record<string, unknown>) => string

/** A table of the trail by its name in audit.subjects.*, or as recorded when it has none. */
export function tableName(table: string, t: Translate): string {
  return (auditedTables as readonly string[]).includes(table) ? t(`audit.subjects.${table}`) : table
}

/**
 * How an action reads (audit.actions.*); a direct write names its table ("User added directly"); an
 * action this code does not know shows as recorded.
 */
export function actionText(action: string, t: Translate): string {
  if ((auditActions as readonly string[]).includes(action)) return t(`audit.actions.${action}`)
  const direct = /^(\w+)\.(insert|update|delete)$/.exec(action)
  if (direct && (auditedTables as readonly string[]).includes(direct[1]!)) return t(`audit.direct.${direct[2]}`, { subject: tableName(direct[1]!, t) })
  return action
}

/**
 * Whom or what an event is about, by name: the row's own name, else the names of the rows it links
 * ("Analyst · Payouts (by resource)", "Uma User · Approve bills"), each falling back to its raw id
 * (shortened) when `name` cannot tell; null when the event carries no row at all.
 */
export function subjectName(event: Pick<AuditEvent, 'subject_type' | 'before' | 'after'>, name: (id: string) => string | undefined): string | null {
  const row = rowsOf(event)[0]
  if (!row) return null
  const own = nameOf(event.subject_type, row)
  if (own) return own
  const parts = Object.keys(references).flatMap((column) => {
    const id = row[column]
    return typeof id === 'string' ? [name(id) ?? (id.length > 12 ? id.slice(0, 8) : id)] : []
  })
  if (typeof row.resource_type === 'string') parts.push(`${row.resource_type} ${compactValue(row.resource_id, 12)}`)
  return parts.length ? parts.join(' · ') : null
}
