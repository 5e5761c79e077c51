import { describe, expect, it } from 'vitest'
import { expectDbError, user, useTestDatabase } from '../support/db.ts'
import { createOrg } from '../support/orgs.ts'

/**
 * A member's permissions with their sources in one read (20261130120100_member_permissions.sql): the
 * member card's "why", and my_permissions as the same read for the caller.
 */
const db = await useTestDatabase()

type Row = { key: string; granted: boolean; sources: { type: string; policy_name?: string }[]; checkboxes: string[] }

async function rows(callerId: string, orgId: string, userId: string, fn = 'member_permissions', ip?: string) {
  const args = fn === 'member_permissions' ? { p_org: orgId, p_user: userId } : { p_org: orgId }
  return Object.fromEntries((await db.rpc<Row>(user(callerId, { ip }), fn, args)).map((row) => [row.key, row]))
}

describe('member_permissions', () => {
  it('an admin reads a member\'s permissions with the same sources the member reads as my_permissions', async () => {
    const org = await createOrg(db, 'justpaid', { roles: ['admin', 'user'] })
    const member = org.members.user!
    await db.rpc(user(org.primary.userId), 'set_member_overrides', { p_member: member.memberId, p_grants: ['approve_bills'], p_denies: [] })
    const seen = await rows(org.primary.userId, org.orgId, member.userId)
    expect(seen['bills.approve']).toMatchObject({ granted: true, sources: [{ type: 'grant' }], checkboxes: ['approve_bills'] })
    expect(seen['bills.create']).toMatchObject({ granted: true, sources: [{ type: 'policy', policy_name: 'Basic access' }] })
    expect(seen['reports.view']).toMatchObject({ granted: false, sources: [] })
    expect(await rows(member.userId, org.orgId, member.userId)).toEqual(await rows(member.userId, org.orgId, member.userId, 'my_permissions'))
    expect(Object.keys(seen)).toEqual(Object.keys(await rows(member.userId, org.orgId, member.userId, 'my_permissions')))
  })

  it('applies the IP allowlist to oneself only (another member\'s address is unknown)', async () => {
    const org = await createOrg(db, 'justpaid', { roles: ['admin', 'user'] })
    const member = org.members.user!
    await db.sql('update rolecall.members set ip_allowlist = $2::cidr[] where id = $1', [member.memberId, ['203.0.113.0/24']])
    const own = await rows(member.userId, org.orgId, member.userId, 'member_permissions', '198.51.100.1')
    expect(own['bills.view']).toMatchObject({ granted: false, sources: expect.arrayContaining([{ type: 'ip_not_allowed' }]) })
    const byAdmin = await rows(org.primary.userId, org.orgId, member.userId, 'member_permissions', '198.51.100.1')
    expect(byAdmin['bills.view']!.granted).toBe(true)
  })

  it('others\' permissions need members.edit_permissions (RC103); outsiders RC102; no such member RC306', async () => {
    const org = await createOrg(db, 'justpaid', { roles: ['admin', 'accountant', 'user'] })
    await expectDbError(rows(org.members.accountant!.userId, org.orgId, org.members.user!.userId), 'RC103')
    await expectDbError(rows(await db.createUser(), org.orgId, org.members.user!.userId), 'RC102')
    await expectDbError(rows(org.primary.userId, org.orgId, await db.createUser()), 'RC306')
  })

  it('an admin blocked right now (deactivated, or outside its own allowlist) reads only its own rows', async () => {
    const org = await createOrg(db, 'justpaid', { roles: ['admin', 'admin:2', 'admin:3', 'user'] })
    const target = org.members.user!.userId
    const deactivated = org.members['admin:2']!
    await db.sql(`update rolecall.members set status = 'deactivated', deactivated_at = now() where id = $1`, [deactivated.memberId])
    await expectDbError(rows(deactivated.userId, org.orgId, target), 'RC103')
    expect((await rows(deactivated.userId, org.orgId, deactivated.userId))['bills.view'])
      .toMatchObject({ granted: false, sources: expect.arrayContaining([{ type: 'deactivated' }]) })

    const fenced = org.members['admin:3']!
    await db.sql('update rolecall.members set ip_allowlist = $2::cidr[] where id = $1', [fenced.memberId, ['203.0.113.0/24']])
    await expectDbError(rows(fenced.userId, org.orgId, target, 'member_permissions', '198.51.100.1'), 'RC103')
    expect((await rows(fenced.userId, org.orgId, target, 'member_permissions', '203.0.113.7'))['bills.view']!.granted).toBe(true)
  })
})
