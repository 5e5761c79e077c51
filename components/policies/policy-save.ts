import type { Policy, PolicyPermission } from '../../stores/api/index.ts'
import { policyKeys } from '../roles/role-catalog.ts'

/** A policy holds at most this many permissions, granted and restricted together (RC302). */
export const policyLimit = 100

/** What the policy editor asks to save. */
export interface PolicyDraft {
  name: string
  granted: string[]
  restricted: string[]
}

/** The roles store's policy actions {@link savePolicy} uses (a parameter, so the order is testable). */
export interface PolicyActions {
  policyPermissions: readonly PolicyPermission[]
  createPolicy: (name: string, keys: string[]) => Promise<Policy>
  updatePolicy: (policyId: string, changes: { p_name?: string }) => Promise<Policy>
  setPolicyPermissions: (policyId: string, keys: string[]) => Promise<unknown>
  setPolicyRestrictions: (policyId: string, keys: string[]) => Promise<unknown>
}

/**
 * Creates `draft`, or saves it over `policy`: name, granted keys, restricted keys.
 * NOTE: a key may not be granted and restricted at once (RC308), so restrictions that are dropped go
 * first, then the grants, and a key moving from granted to restricted is restricted last.
 */
export async function savePolicy(store: PolicyActions, policy: Policy | null, draft: PolicyDraft): Promise<Policy> {
  if (!policy) {
    const created = await store.createPolicy(draft.name, draft.granted)
    if (draft.restricted.length) await store.setPolicyRestrictions(created.id, draft.restricted)
    return created
  }
  const saved = draft.name === policy.name ? policy : await store.updatePolicy(policy.id, { p_name: draft.name })
  const before = policyKeys([policy.id], store.policyPermissions)
  const moving = draft.restricted.filter((key) => before.granted.includes(key))
  await store.setPolicyRestrictions(policy.id, draft.restricted.filter((key) => !moving.includes(key)))
  await store.setPolicyPermissions(policy.id, draft.granted)
  if (moving.length) await store.setPolicyRestrictions(policy.id, draft.restricted)
  return saved
}
