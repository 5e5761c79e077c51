import type { Json } from '../../stores/api/index.ts'

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

function asRecord(value: Json | null): Record<string, Json | undefined> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : null
}

/**
 * The fields that differ between the row before and after: every field of an insert or a delete, only
 * the changed ones of an update (an update changing nothing but bookkeeping lists nothing).
 */
export function fieldChanges(before: Json | null, after: Json | null): FieldChange[] {
  const old = asRecord(before)
  const next = asRecord(after)
  const fields = [...new Set([...Object.keys(old ?? {}), ...Object.keys(next ?? {})])].filter((field) => !ignored.has(field))
  return fields
    .filter((field) => !old || !next || JSON.stringify(old[field]) !== JSON.stringify(next[field]))
    .map((field) => ({
      field,
      before: old ? compactValue(old[field]) : null,
      after: next ? compactValue(next[field]) : null,
    }))
}

/** The audit actions the server records (the RPCs' names), for the filter. */
export const auditActions = [
  'organizations.create', 'organizations.update', 'organizations.set_admin_mode', 'organizations.set_unique_member_emails', 'organizations.close',
  'members.change_role', 'members.edit_permissions', 'members.edit_ip_allowlist', 'members.edit_resource_grants', 'members.promote_to_admin',
  'members.transfer_primary', 'members.remove', 'members.leave', 'members.set_notifications',
  'invitations.create', 'invitations.resend', 'invitations.revoke', 'invitations.accept', 'invitations.decline', 'invitations.expire',
  'roles.create', 'roles.update', 'roles.delete', 'roles.set_policies', 'policies.create', 'policies.update', 'policies.delete',
  'ops.add_owner', 'ops.transfer_ownership', 'ops.reactivate_member', 'ops.expire_invitations', 'ops.reopen_organization',
] as const
