import { expect, it } from 'vitest'
import { expectDbError, useTestDatabase, user } from '../../support/db.ts'
import { createOrg } from '../../support/orgs.ts'

// Payments platform: "Only the 'Administrator' has the authority/ permission to change the user roles
// of any other existing user accounts." The template's "User management" policy invites, deactivates
// and edits allowlists, but changing roles stays with the Admin role.
const db = await useTestDatabase()
const org = await createOrg(db, 'payments_platform', { roles: ['admin'] })
const admin = org.primary

async function member(name: string, roleId: string) {
  const userId = await db.createUser(`${name}-${org.orgId.slice(0, 8)}@payments.test`, name)
  const [row] = await db.sql<{ id: string }>('insert into rolecall.members (organization_id, user_id, role_id) values ($1, $2, $3) returning id', [org.orgId, userId, roleId])
  return { userId, memberId: row!.id }
}

const [teamLead] = await db.rpc<{ id: string }>(user(admin.userId), 'create_role', { p_org: org.orgId, p_name: 'Team lead', p_rank: 50, p_policy_ids: [org.policies['User management']!] })
const [analyst] = await db.rpc<{ id: string }>(user(admin.userId), 'create_role', { p_org: org.orgId, p_name: 'Analyst', p_rank: 10, p_policy_ids: [org.policies['Read-only pages (by page)']!] })
const lead = await member('lead', teamLead!.id)
const target = await member('analyst', analyst!.id)

it('a non-Administrator with "User management" cannot change user roles (RC103), and nothing changes', async () => {
  await expectDbError(db.rpc(user(lead.userId), 'change_member_role', { p_member: target.memberId, p_role: teamLead!.id }), 'RC103')
  const [row] = await db.sql<{ role_id: string }>('select role_id from rolecall.members where id = $1', [target.memberId])
  expect(row!.role_id).toBe(analyst!.id)
})

it('"User management" still invites and deactivates users', async () => {
  const [off] = await db.rpc<{ status: string }>(user(lead.userId), 'deactivate_member', { p_member: target.memberId })
  expect(off!.status).toBe('deactivated')
  await db.rpc(user(lead.userId), 'reactivate_member', { p_member: target.memberId })
})

it('the Administrator changes user roles', async () => {
  const [moved] = await db.rpc<{ role_id: string }>(user(admin.userId), 'change_member_role', { p_member: target.memberId, p_role: teamLead!.id })
  expect(moved!.role_id).toBe(teamLead!.id)
})
