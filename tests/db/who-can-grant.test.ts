import { describe, expect, it } from 'vitest'
import type { WhoCanGrant } from '../../stores/api/index.ts'
import { justPaid, signedInStores, useStack } from '../stores/support.ts'
import { anon, beginRequest, expectDbError, only, user, useTestDatabase } from '../support/db.ts'
import { createOrg } from '../support/orgs.ts'

/**
 * "Why not?" (20261130120000_who_can_grant.sql): what would grant the caller a permission, and which
 * members could give it, as the guards of set_member_overrides and change_member_role decide.
 */
const db = await useTestDatabase()

async function whoCanGrant(userId: string, orgId: string, key: string, ip?: string): Promise<WhoCanGrant> {
  return only(await db.rpc<{ who_can_grant: WhoCanGrant }>(user(userId, ip ? { ip } : {}), 'who_can_grant', { p_org: orgId, p_key: key })).who_can_grant
}

/** Grantors as `email: can`, in the order returned. */
const grantorsOf = (answer: WhoCanGrant) => answer.grantors.map((g) => `${g.email}: ${g.can.join(',')}`)

describe('who_can_grant', () => {
  it('JustPaid: a User without Approve Bills sees the checkbox, the Admin role, and the admins who may tick it', async () => {
    const org = await createOrg(db, 'justpaid', { roles: ['admin', 'admin:2', 'accountant', 'user'] })
    const me = org.members.user!
    const answer = await whoCanGrant(me.userId, org.orgId, 'bills.approve')
    expect(answer).toMatchObject({ key: 'bills.approve', label_en: 'Approve bills', granted: false })
    expect(answer.ways.checkboxes).toEqual([{ key: 'approve_bills', label_en: 'Approve Bills', label_uk: 'Затвердження рахунків' }])
    expect(answer.ways.roles).toEqual([{ id: org.roles.admin, name: 'Admin' }])
    expect(answer.ways.policies).toEqual([])
    // the primary first; the Accountant may not edit members, so it is not listed
    expect(grantorsOf(answer)).toEqual([`${org.primary.email}: tick,change_role`, `${org.members['admin:2']!.email}: tick,change_role`])
    expect(answer.grantors[0]).toMatchObject({ member_id: org.primary.memberId, user_id: org.primary.userId, role_name: 'Admin', is_primary: true })

    // a deactivated admin can act on nobody: gone from the list
    await db.rpc(user(org.primary.userId), 'deactivate_member', { p_member: org.members['admin:2']!.memberId })
    expect(grantorsOf(await whoCanGrant(me.userId, org.orgId, 'bills.approve'))).toEqual([`${org.primary.email}: tick,change_role`])

    // once ticked, has_permission says yes, and so does the answer
    await db.rpc(user(org.primary.userId), 'set_member_overrides', { p_member: me.memberId, p_grants: ['approve_bills'], p_denies: [] })
    expect((await whoCanGrant(me.userId, org.orgId, 'bills.approve')).granted).toBe(true)
  })

  it('lists the policies that grant a key with their roles, and the actions that imply it', async () => {
    const org = await createOrg(db, 'justpaid', { roles: ['admin', 'user'] })
    const answer = await whoCanGrant(org.members.user!.userId, org.orgId, 'bank_transactions.view')
    expect(answer.granted).toBe(false)
    expect(answer.ways.roles.map((r) => r.name)).toEqual(['Admin', 'Accountant'])
    expect(answer.ways.policies).toEqual([{ id: org.policies.Accounting, name: 'Accounting', roles: ['Accountant'] }])
    expect(answer.ways.implied_by.map((k) => k.key)).toContain('bank_transactions.create')
    expect(answer.ways.implied_by[0]).toHaveProperty('label_uk')
  })

  it('Jusnote: a User without Reports asks either equal admin, in Ukrainian labels too', async () => {
    const org = await createOrg(db, 'jusnote', { roles: ['admin', 'admin:2', 'user'] })
    const answer = await whoCanGrant(org.members.user!.userId, org.orgId, 'reports.create')
    expect(answer).toMatchObject({ granted: false, label_uk: expect.stringMatching(/\S/) })
    expect(answer.ways.checkboxes).toEqual([{ key: 'reports', label_en: 'Reports', label_uk: 'Звіти' }])
    expect(answer.ways.roles.map((r) => r.name)).toEqual(['Адміністратор'])
    expect(grantorsOf(answer)).toEqual([`${org.primary.email}: tick,change_role`, `${org.members['admin:2']!.email}: tick,change_role`])
    // an admin holds every key already; nobody could give an admin more (no checkboxes, no higher role)
    const admin2 = await whoCanGrant(org.members['admin:2']!.userId, org.orgId, 'reports.create')
    expect([admin2.granted, admin2.grantors]).toEqual([true, []])
  })

  it('Profit: only members ranked above the caller who hold the key themselves, and never a full Owner role', async () => {
    const org = await createOrg(db, 'profit', { roles: ['owner', 'administrator', 'administrator:2', 'contributor'] })
    // names decide the order after the primary
    const rename = (userId: string, name: string) =>
      db.sql(`update auth.users set raw_user_meta_data = jsonb_build_object('full_name', $2::text) where id = $1`, [userId, name])
    await rename(org.members.administrator!.userId, 'Zoe Administrator')
    await rename(org.members['administrator:2']!.userId, 'bea administrator')
    // an Administrator holds Bill Pay: it may tick Approve for a Contributor, but assigns no role as high
    // as its own; the Owner may make them Administrator (the Owner role itself is full)
    const contributor = await whoCanGrant(org.members.contributor!.userId, org.orgId, 'bills.approve')
    expect(contributor.ways.roles.map((r) => r.name)).toEqual(['Owner', 'Administrator'])
    expect(grantorsOf(contributor)).toEqual([
      `${org.primary.email}: tick,change_role`,
      `${org.members['administrator:2']!.email}: tick`,
      `${org.members.administrator!.email}: tick`,
    ])
    // settings.manage: only the Owner holds it, and the Owner role is full (RC206), so only the tick
    const settings = await whoCanGrant(org.members.contributor!.userId, org.orgId, 'settings.manage')
    expect(settings.ways.roles.map((r) => r.name)).toEqual(['Owner'])
    expect(grantorsOf(settings)).toEqual([`${org.primary.email}: tick`])
    // an Administrator cannot act on another Administrator (same rank): only the Owner is listed
    const peer = await whoCanGrant(org.members['administrator:2']!.userId, org.orgId, 'settings.manage')
    expect(grantorsOf(peer)).toEqual([`${org.primary.email}: tick`])
  })

  it('Paycove: a standard user has no checkboxes, so the Admin can only change the role (never to Admin)', async () => {
    const org = await createOrg(db, 'paycove', { roles: ['admin', 'manager', 'standard'] })
    const answer = await whoCanGrant(org.members.standard!.userId, org.orgId, 'members.invite')
    expect(answer.ways.roles.map((r) => r.name)).toEqual(['Admin', 'Manager'])
    expect(answer.ways.policies).toEqual([{ id: org.policies['Team and templates'], name: 'Team and templates', roles: ['Manager'] }])
    expect(answer.ways.checkboxes).toEqual([])
    expect(grantorsOf(answer)).toEqual([`${org.primary.email}: change_role`])
  })

  it('payments platform: custom roles built from policies are listed with the policy that grants the key', async () => {
    const org = await createOrg(db, 'payments_platform', { roles: ['admin'] })
    const admin = user(org.primary.userId)
    const createRole = async (name: string, rank: number, policies: string[]) =>
      only(await db.rpc<{ id: string }>(admin, 'create_role', { p_org: org.orgId, p_name: name, p_rank: rank, p_policy_ids: policies.map((p) => org.policies[p]) })).id
    await createRole('Analyst', 20, ['Read-only pages (by page)'])
    const payoutsRole = await createRole('Payouts team', 30, ['Payouts (by resource)', 'Read-only pages (by page)'])
    const analystId = await db.createUser(undefined, 'Ana Lyst')
    const analystRole = only(await db.sql<{ id: string }>(`select id from rolecall.roles where organization_id = $1 and name = 'Analyst'`, [org.orgId])).id
    await db.sql('insert into rolecall.members (organization_id, user_id, role_id) values ($1, $2, $3)', [org.orgId, analystId, analystRole])

    const answer = await whoCanGrant(analystId, org.orgId, 'payouts.manage')
    expect(answer.granted).toBe(false)
    expect(answer.ways.roles).toEqual([{ id: org.roles.admin, name: 'Admin' }, { id: payoutsRole, name: 'Payouts team' }])
    expect(answer.ways.policies).toEqual([{ id: org.policies['Payouts (by resource)'], name: 'Payouts (by resource)', roles: ['Payouts team'] }])
    expect(grantorsOf(answer)).toEqual([`${org.primary.email}: change_role`])
    // what the Analyst holds already is granted, with the page's policy among the ways
    const view = await whoCanGrant(analystId, org.orgId, 'payouts.view')
    expect(view.granted).toBe(true)
    expect(view.ways.policies.map((p) => [p.name, p.roles])).toEqual([
      ['Payouts (by resource)', ['Payouts team']],
      ['Read-only pages (by page)', ['Payouts team', 'Analyst']],
    ])
  })

  it('refuses outsiders (RC102), callers without a user (RC101), anonymous requests, and unknown keys (RC301)', async () => {
    const org = await createOrg(db, 'justpaid', { roles: ['admin', 'user'] })
    await expectDbError(whoCanGrant(await db.createUser(), org.orgId, 'bills.approve'), 'RC102')
    await expectDbError(whoCanGrant(org.members.user!.userId, org.orgId, 'no.such_key'), 'RC301')
    await expectDbError(db.rpc(anon, 'who_can_grant', { p_org: org.orgId, p_key: 'bills.approve' }), '42501')
    const client = await db.pool.connect()
    try {
      await beginRequest(client, user(org.members.user!.userId))
      await client.query(`select set_config('request.jwt.claims', '{"role":"authenticated"}', true)`)
      await expectDbError(client.query(`select rolecall.who_can_grant($1, 'bills.approve')`, [org.orgId]), 'RC101')
    } finally {
      await client.query('rollback')
      client.release()
    }
  })

  it('outside their IP allowlist, a member learns no names either; inside it, they do', async () => {
    const org = await createOrg(db, 'justpaid', { roles: ['admin', 'user'] })
    await db.rpc(user(org.primary.userId), 'set_ip_allowlist', { p_member: org.members.user!.memberId, p_allowlist: ['203.0.113.0/24'] })
    expect((await whoCanGrant(org.members.user!.userId, org.orgId, 'bills.view', '198.51.100.1')).grantors).toEqual([])
    expect(grantorsOf(await whoCanGrant(org.members.user!.userId, org.orgId, 'bills.view', '203.0.113.9'))).toEqual([`${org.primary.email}: tick,change_role`])
  })

  it('a deactivated member still learns what would grant it, but no names: RLS hides the members from them', async () => {
    const org = await createOrg(db, 'justpaid', { roles: ['admin', 'user'] })
    const before = await whoCanGrant(org.members.user!.userId, org.orgId, 'bills.view')
    expect(grantorsOf(before)).toEqual([`${org.primary.email}: tick,change_role`])
    await db.rpc(user(org.primary.userId), 'deactivate_member', { p_member: org.members.user!.memberId })
    const answer = await whoCanGrant(org.members.user!.userId, org.orgId, 'bills.view')
    expect(answer.granted).toBe(false)
    expect(answer.ways.roles.length).toBeGreaterThan(0)
    expect(answer.grantors).toEqual([])
  })
})

describe('who_can_grant over HTTP (supabase-js against the local stack)', async () => {
  const server = await useStack()

  it('the demo JustPaid User asks who can let them view reports', async () => {
    const { session } = await signedInStores(server, 'user@justpaid.demo')
    const answer = await session.requireApi().organizations.whoCanGrant(justPaid, 'reports.view')
    expect(answer.granted).toBe(false)
    expect(answer.ways.checkboxes.map((c) => c.label_en)).toEqual(['View Reports and Data'])
    expect(answer.grantors.map((g) => [g.email, g.display_name, g.can])).toEqual([['admin@justpaid.demo', 'Jordan Admin', ['tick', 'change_role']]])
  })
})
