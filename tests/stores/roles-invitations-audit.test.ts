import { describe, expect, it } from 'vitest'
import { useAuditStore } from '../../stores/audit.ts'
import { useInvitationsStore } from '../../stores/invitations.ts'
import { useRolesStore } from '../../stores/roles.ts'
import { signedInStores, useStack } from './support.ts'

describe('roles, invitations and audit stores against the local stack', async () => {
  const server = await useStack()

  it('reads roles, policies, their links and the catalog', async () => {
    await signedInStores(server, 'admin@justpaid.demo')
    const roles = useRolesStore()
    await roles.load()
    expect(roles.roles.map((r) => r.name)).toEqual(expect.arrayContaining(['Admin', 'Accountant', 'User']))
    expect(roles.permissions.length).toBeGreaterThan(0)
    expect(roles.sections.length).toBeGreaterThan(0)
    const policyIds = new Set(roles.policies.map((p) => p.id))
    expect(roles.rolePolicies.every((link) => policyIds.has(link.policy_id))).toBe(true)
    expect(roles.policyPermissions.every((grant) => policyIds.has(grant.policy_id))).toBe(true)
  })

  it('invites through the edge function, lists the invitation, refuses a second one with RC406', async () => {
    await signedInStores(server, 'admin@justpaid.demo')
    const roles = useRolesStore()
    const invitations = useInvitationsStore()
    await roles.load()
    const email = `invitee-${Date.now()}@example.test`
    const sent = await invitations.invite({ email, role_id: roles.roles.find((r) => r.name === 'User')!.id })
    expect(sent).toMatchObject({ ok: true, email, email_sent: true })
    expect(invitations.invitations.find((i) => i.email === email)?.status).toBe('pending')
    const again = await invitations.invite({ email, role_id: roles.roles.find((r) => r.name === 'User')!.id }).catch((e: unknown) => e)
    expect(again).toMatchObject({ code: 'RC406', status: 409, messageKey: 'errors.RC406' })
    await invitations.revoke(sent.invitation_id)
    expect(invitations.invitations.find((i) => i.id === sent.invitation_id)?.status).toBe('revoked')
  })

  it('the audit trail is read with audit.view and is empty without it', async () => {
    const admin = await signedInStores(server, 'admin@justpaid.demo')
    expect(admin.organization.can('audit.view')).toBe(true)
    const audit = useAuditStore()
    audit.pageSize = 1
    await audit.load()
    expect(audit.total).toBeGreaterThan(0)
    expect(audit.events).toHaveLength(1)

    const user = await signedInStores(server, 'user@justpaid.demo')
    expect(user.organization.can('audit.view')).toBe(false)
    const hidden = useAuditStore()
    await hidden.load()
    expect([hidden.total, hidden.events]).toEqual([0, []])
  })
})
