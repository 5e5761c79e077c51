import { beforeAll, describe, expect, it } from 'vitest'
import { anon, expectDbError, useTestDatabase, user, only } from '../support/db.ts'
import { createOrg, type TestOrg } from '../support/orgs.ts'

const db = await useTestDatabase()

/** Whether the user holds the key in the organization, as a vendor's RLS policy would ask. */
async function holds(userId: string, orgId: string, key: string): Promise<boolean> {
  const [row] = await db.request<{ ok: boolean }>(user(userId), 'select rolecall.has_permission($1, $2) as ok', [orgId, key])
  return row!.ok
}

/** Adds a member to a role directly (fixture). */
async function addMember(orgId: string, roleId: string, label: string): Promise<{ userId: string; memberId: string }> {
  const userId = await db.createUser(`${label}-${Math.random().toString(36).slice(2)}@roles.test`, label)
  const [row] = await db.sql<{ id: string }>('insert into rolecall.members (organization_id, user_id, role_id) values ($1, $2, $3) returning id', [orgId, userId, roleId])
  return { userId, memberId: row!.id }
}

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await db.sql<{ n: string }>(sql, params)
  return Number(row!.n)
}

let org: TestOrg
let other: TestOrg
let admin: string
let leadRole: string
let clerkRole: string
let leadPolicy: string
let clerkPolicy: string
let lead: { userId: string; memberId: string }
let clerk: { userId: string; memberId: string }
let member: { userId: string; memberId: string }

beforeAll(async () => {
  org = await createOrg(db, 'blank', { roles: ['admin'] })
  other = await createOrg(db, 'blank', { roles: ['admin'] })
  admin = org.primary.userId
  // The admin builds a small hierarchy through the RPCs: Lead (50) manages roles and policies, Clerk (20) views bills.
  ;({ id: leadPolicy } = only(await db.rpc<{ id: string }>(user(admin), 'create_policy', {
    p_org: org.orgId, p_name: 'Lead tools', p_keys: ['roles.manage', 'policies.manage', 'bills.view', 'bills.create'],
  })))
  ;({ id: clerkPolicy } = only(await db.rpc<{ id: string }>(user(admin), 'create_policy', { p_org: org.orgId, p_name: 'Clerk work', p_keys: ['bills.view'] })))
  ;({ id: leadRole } = only(await db.rpc<{ id: string }>(user(admin), 'create_role', { p_org: org.orgId, p_name: 'Lead', p_rank: 50, p_policy_ids: [leadPolicy] })))
  ;({ id: clerkRole } = only(await db.rpc<{ id: string }>(user(admin), 'create_role', { p_org: org.orgId, p_name: 'Clerk', p_rank: 20, p_policy_ids: [clerkPolicy], p_member_overrides: true })))
  lead = await addMember(org.orgId, leadRole, 'lead')
  clerk = await addMember(org.orgId, clerkRole, 'clerk')
  member = await addMember(org.orgId, org.roles.member!, 'member')
})

describe('create_role', () => {
  it('lets a role manager create a role below its own rank, made of policies it holds', async () => {
    const [role] = await db.rpc<{ name: string; rank: number; organization_id: string; all_permissions: boolean }>(user(lead.userId), 'create_role', {
      p_org: org.orgId, p_name: '  Intern ', p_rank: 15, p_policy_ids: [clerkPolicy],
    })
    expect(role).toMatchObject({ name: 'Intern', rank: 15, organization_id: org.orgId, all_permissions: false })
  })

  it('lets only an all-permissions actor create a role at its own rank', async () => {
    const [role] = await db.rpc<{ rank: number }>(user(admin), 'create_role', { p_org: org.orgId, p_name: 'Deputy', p_rank: 100 })
    expect(role!.rank).toBe(100)
    await expectDbError(db.rpc(user(lead.userId), 'create_role', { p_org: org.orgId, p_name: 'Peer', p_rank: 50 }), 'RC104')
  })

  it.each([
    ['a rank above the actor', { p_name: 'Boss', p_rank: 60 }, 'RC104'],
    ['an empty name', { p_name: '   ', p_rank: 10 }, 'RC304'],
    ['a 101-character name', { p_name: 'x'.repeat(101), p_rank: 10 }, 'RC304'],
    ['a name already used', { p_name: 'clerk', p_rank: 10 }, 'RC309'],
    ['a rank out of range', { p_name: 'Odd', p_rank: -1 }, 'RC308'],
    ['max_members of 0', { p_name: 'Odd', p_rank: 10, p_max_members: 0 }, 'RC308'],
  ])('refuses %s', async (_case, args, code) => {
    const before = await count('select count(*) as n from rolecall.roles where organization_id = $1', [org.orgId])
    await expectDbError(db.rpc(user(lead.userId), 'create_role', { p_org: org.orgId, ...args }), code)
    expect(await count('select count(*) as n from rolecall.roles where organization_id = $1', [org.orgId])).toBe(before)
  })

  it('refuses a policy of another organization (RC305) and one with permissions the actor lacks (RC107)', async () => {
    const [foreign] = await db.rpc<{ id: string }>(user(other.primary.userId), 'create_policy', { p_org: other.orgId, p_name: 'Theirs', p_keys: ['bills.view'] })
    await expectDbError(db.rpc(user(admin), 'create_role', { p_org: org.orgId, p_name: 'Mixed', p_rank: 10, p_policy_ids: [foreign!.id] }), 'RC305')
    const [approve] = await db.rpc<{ id: string }>(user(admin), 'create_policy', { p_org: org.orgId, p_name: 'Approvals', p_keys: ['bills.approve'] })
    await expectDbError(db.rpc(user(lead.userId), 'create_role', { p_org: org.orgId, p_name: 'Approver', p_rank: 10, p_policy_ids: [approve!.id] }), 'RC107')
  })

  it.each([
    ['a member without roles.manage', () => user(member.userId), 'RC103'],
    ['an outsider', () => user(other.primary.userId), 'RC102'],
  ])('refuses %s', async (_case, actor, code) => {
    await expectDbError(db.rpc(actor(), 'create_role', { p_org: org.orgId, p_name: 'Nope', p_rank: 5 }), code)
  })

  it('is not callable anonymously', async () => {
    await expectDbError(db.rpc(anon, 'create_role', { p_org: org.orgId, p_name: 'Nope', p_rank: 5 }), '42501')
  })
})

describe('update_role', () => {
  it('renames and re-ranks a role below the actor', async () => {
    const [role] = await db.rpc<{ name: string; rank: number }>(user(lead.userId), 'update_role', { p_role: clerkRole, p_name: 'Clerk', p_rank: 25 })
    expect(role).toMatchObject({ name: 'Clerk', rank: 25 })
  })

  it.each([
    ['its own role', () => leadRole, {}, 'RC106'],
    ['the all-permissions Admin role', () => org.roles.admin!, { p_name: 'Chief' }, 'RC109'],
    ['a rank at its own', () => clerkRole, { p_rank: 50 }, 'RC104'],
    ['an empty name', () => clerkRole, { p_name: '' }, 'RC304'],
  ])('refuses to edit %s', async (_case, role, args, code) => {
    await expectDbError(db.rpc(user(lead.userId), 'update_role', { p_role: role(), ...args }), code)
  })

  it('refuses a role ranked above the actor', async () => {
    const [high] = await db.rpc<{ id: string }>(user(admin), 'create_role', { p_org: org.orgId, p_name: 'Senior', p_rank: 70 })
    await expectDbError(db.rpc(user(lead.userId), 'update_role', { p_role: high!.id, p_name: 'Junior' }), 'RC104')
  })

  it('refuses a member limit below the current count (RC203)', async () => {
    const clerk2 = await addMember(org.orgId, clerkRole, 'clerk2')
    await expectDbError(db.rpc(user(admin), 'update_role', { p_role: clerkRole, p_max_members: 1 }), 'RC203')
    await db.sql('delete from rolecall.members where id = $1', [clerk2.memberId])
    const [limited] = await db.rpc<{ max_members: number | null }>(user(admin), 'update_role', { p_role: clerkRole, p_max_members: 1 })
    expect(limited!.max_members).toBe(1)
    const [unlimited] = await db.rpc<{ max_members: number | null }>(user(admin), 'update_role', { p_role: clerkRole, p_max_members: 0 })
    expect(unlimited!.max_members).toBeNull()
  })

  it('drops the members\u2019 checkboxes when checkboxes are switched off', async () => {
    await db.rpc(user(admin), 'set_member_overrides', { p_member: clerk.memberId, p_grants: ['reports.view'], p_denies: [] })
    expect(await holds(clerk.userId, org.orgId, 'reports.view')).toBe(true)
    await db.rpc(user(admin), 'update_role', { p_role: clerkRole, p_member_overrides: false })
    expect(await holds(clerk.userId, org.orgId, 'reports.view')).toBe(false)
    expect(await count('select count(*) as n from rolecall.member_overrides where member_id = $1', [clerk.memberId])).toBe(0)
    await db.rpc(user(admin), 'update_role', { p_role: clerkRole, p_member_overrides: true })
  })

  it('keeps one default role', async () => {
    await db.rpc(user(admin), 'update_role', { p_role: clerkRole, p_is_default: true })
    const rows = await db.sql<{ id: string }>('select id from rolecall.roles where organization_id = $1 and is_default', [org.orgId])
    expect(rows.map((r) => r.id)).toEqual([clerkRole])
  })

  it('refuses a role of another organization the actor is not in', async () => {
    await expectDbError(db.rpc(user(lead.userId), 'update_role', { p_role: other.roles.member, p_name: 'Mine' }), 'RC102')
  })
})

describe('set_role_policies', () => {
  it('changes what the role\u2019s members hold', async () => {
    const [reports] = await db.rpc<{ id: string }>(user(admin), 'create_policy', { p_org: org.orgId, p_name: 'Reports', p_keys: ['reports.view'] })
    expect(await holds(member.userId, org.orgId, 'reports.view')).toBe(false)
    await db.rpc(user(admin), 'set_role_policies', { p_role: org.roles.member, p_policy_ids: [reports!.id] })
    expect(await holds(member.userId, org.orgId, 'reports.view')).toBe(true)
    expect(await holds(member.userId, org.orgId, 'contacts.view')).toBe(false) // the Everyday policy was unlinked
  })

  it('refuses a policy the actor does not fully hold (RC107), of another org (RC305), on a fixed role (RC109)', async () => {
    const [approve] = await db.sql<{ id: string }>("select id from rolecall.policies where organization_id = $1 and name = 'Approvals'", [org.orgId])
    await expectDbError(db.rpc(user(lead.userId), 'set_role_policies', { p_role: clerkRole, p_policy_ids: [clerkPolicy, approve!.id] }), 'RC107')
    const [foreign] = await db.sql<{ id: string }>('select id from rolecall.policies where organization_id = $1 limit 1', [other.orgId])
    await expectDbError(db.rpc(user(lead.userId), 'set_role_policies', { p_role: clerkRole, p_policy_ids: [foreign!.id] }), 'RC305')
    await expectDbError(db.rpc(user(admin), 'set_role_policies', { p_role: org.roles.admin, p_policy_ids: [clerkPolicy] }), 'RC109')
    expect(await holds(clerk.userId, org.orgId, 'bills.approve')).toBe(false)
  })
})

describe('delete_role', () => {
  it('deletes an unused role', async () => {
    const [temp] = await db.rpc<{ id: string }>(user(lead.userId), 'create_role', { p_org: org.orgId, p_name: 'Temp', p_rank: 5 })
    const [gone] = await db.rpc<{ id: string }>(user(lead.userId), 'delete_role', { p_role: temp!.id })
    expect(gone!.id).toBe(temp!.id)
    expect(await count('select count(*) as n from rolecall.roles where id = $1', [temp!.id])).toBe(0)
  })

  it('refuses a role with members or a pending invitation (RC205)', async () => {
    await expectDbError(db.rpc(user(lead.userId), 'delete_role', { p_role: clerkRole }), 'RC205')
    const [invited] = await db.rpc<{ id: string }>(user(lead.userId), 'create_role', { p_org: org.orgId, p_name: 'Invited', p_rank: 5 })
    await db.sql(
      `insert into rolecall.invitations (organization_id, email, role_id, token_hash, expires_at)
       values ($1, 'new@roles.test', $2, sha256('t'::bytea), now() + interval '1 day')`, [org.orgId, invited!.id])
    await expectDbError(db.rpc(user(lead.userId), 'delete_role', { p_role: invited!.id }), 'RC205')
  })

  it('refuses the Admin role and the actor\u2019s own role', async () => {
    await expectDbError(db.rpc(user(admin), 'delete_role', { p_role: org.roles.admin }), 'RC109')
    await expectDbError(db.rpc(user(lead.userId), 'delete_role', { p_role: leadRole }), 'RC106')
  })
})

describe('policies', () => {
  it('create_policy refuses unknown keys, keys the actor lacks, bad names', async () => {
    await expectDbError(db.rpc(user(lead.userId), 'create_policy', { p_org: org.orgId, p_name: 'Bad', p_keys: ['bills.view', 'bills.teleport'] }), 'RC301')
    await expectDbError(db.rpc(user(lead.userId), 'create_policy', { p_org: org.orgId, p_name: 'Bad', p_keys: ['bills.approve'] }), 'RC107')
    await expectDbError(db.rpc(user(lead.userId), 'create_policy', { p_org: org.orgId, p_name: '', p_keys: [] }), 'RC304')
    await expectDbError(db.rpc(user(lead.userId), 'create_policy', { p_org: org.orgId, p_name: 'CLERK WORK', p_keys: [] }), 'RC309')
    await expectDbError(db.rpc(user(member.userId), 'create_policy', { p_org: org.orgId, p_name: 'Mine', p_keys: [] }), 'RC103')
    const [made] = await db.rpc<{ name: string }>(user(lead.userId), 'create_policy', { p_org: org.orgId, p_name: 'Bills in', p_keys: ['bills.create'] })
    expect(made!.name).toBe('Bills in')
  })

  it('holds at most 100 permissions: the 101st is RC302 and changes nothing', async () => {
    await db.sql(`insert into rolecall.permissions (key, section, label_en, label_uk)
                  select 'extra.k' || lpad(i::text, 3, '0'), 'team', 'Extra ' || i, 'Додатковий ' || i from generate_series(1, 101) i`)
    const keys = Array.from({ length: 101 }, (_, i) => `extra.k${String(i + 1).padStart(3, '0')}`)
    const [big] = await db.rpc<{ id: string }>(user(admin), 'create_policy', { p_org: org.orgId, p_name: 'Big', p_keys: keys.slice(0, 100) })
    expect(await count('select count(*) as n from rolecall.policy_permissions where policy_id = $1', [big!.id])).toBe(100)
    await expectDbError(db.rpc(user(admin), 'set_policy_permissions', { p_policy: big!.id, p_keys: keys }), 'RC302')
    await expectDbError(db.rpc(user(admin), 'create_policy', { p_org: org.orgId, p_name: 'Bigger', p_keys: keys }), 'RC302')
    expect(await count('select count(*) as n from rolecall.policy_permissions where policy_id = $1', [big!.id])).toBe(100)
    expect(await count("select count(*) as n from rolecall.policies where name = 'Bigger'")).toBe(0)
  })

  it('editing a policy changes every member whose role has it', async () => {
    const clerk2 = await addMember(org.orgId, clerkRole, 'clerk3')
    expect(await holds(clerk.userId, org.orgId, 'bills.create')).toBe(false)
    await db.rpc(user(lead.userId), 'set_policy_permissions', { p_policy: clerkPolicy, p_keys: ['bills.view', 'bills.create'] })
    expect(await holds(clerk.userId, org.orgId, 'bills.create')).toBe(true)
    expect(await holds(clerk2.userId, org.orgId, 'bills.create')).toBe(true)
    await db.rpc(user(lead.userId), 'set_policy_permissions', { p_policy: clerkPolicy, p_keys: ['bills.view'] })
    expect(await holds(clerk.userId, org.orgId, 'bills.create')).toBe(false)
    expect(await holds(clerk2.userId, org.orgId, 'bills.create')).toBe(false)
  })

  it.each([
    ['an unknown key', () => clerkPolicy, ['bills.view', 'nope.nope'], 'RC301'],
    ['a key the actor lacks', () => clerkPolicy, ['bills.view', 'bills.approve'], 'RC107'],
    ['the policy of its own role', () => leadPolicy, ['roles.manage', 'policies.manage', 'bills.view'], 'RC106'],
  ])('set_policy_permissions refuses %s and changes nothing', async (_case, policy, keys, code) => {
    const before = await db.sql('select permission_key from rolecall.policy_permissions where policy_id = $1 order by 1', [policy()])
    await expectDbError(db.rpc(user(lead.userId), 'set_policy_permissions', { p_policy: policy(), p_keys: keys }), code)
    expect(await db.sql('select permission_key from rolecall.policy_permissions where policy_id = $1 order by 1', [policy()])).toEqual(before)
  })

  it('refuses to edit a policy used by a role ranked above the actor', async () => {
    const [high] = await db.sql<{ id: string }>("select id from rolecall.roles where organization_id = $1 and name = 'Senior'", [org.orgId])
    const [shared] = await db.rpc<{ id: string }>(user(admin), 'create_policy', { p_org: org.orgId, p_name: 'Shared', p_keys: ['bills.view'] })
    await db.rpc(user(admin), 'set_role_policies', { p_role: high!.id, p_policy_ids: [shared!.id] })
    await expectDbError(db.rpc(user(lead.userId), 'set_policy_permissions', { p_policy: shared!.id, p_keys: [] }), 'RC104')
    await expectDbError(db.rpc(user(lead.userId), 'delete_policy', { p_policy: shared!.id }), 'RC104')
    await expectDbError(db.rpc(user(lead.userId), 'update_policy', { p_policy: shared!.id, p_name: 'Mine now' }), 'RC104')
  })

  it('update_policy renames; delete_policy removes its permissions from every role', async () => {
    const [renamed] = await db.rpc<{ name: string }>(user(lead.userId), 'update_policy', { p_policy: clerkPolicy, p_name: 'Clerk basics', p_description: 'Bills' })
    expect(renamed!.name).toBe('Clerk basics')
    await expectDbError(db.rpc(user(lead.userId), 'update_policy', { p_policy: clerkPolicy, p_name: ' ' }), 'RC304')
    expect(await holds(clerk.userId, org.orgId, 'bills.view')).toBe(true)
    await expectDbError(db.rpc(user(member.userId), 'delete_policy', { p_policy: clerkPolicy }), 'RC103')
    await db.rpc(user(lead.userId), 'delete_policy', { p_policy: clerkPolicy })
    expect(await holds(clerk.userId, org.orgId, 'bills.view')).toBe(false)
  })

  it('leaves audit events named after the RPC', async () => {
    const rows = await db.sql<{ action: string }>('select distinct action from rolecall.audit_events where organization_id = $1', [org.orgId])
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['roles.create', 'roles.update', 'roles.delete', 'roles.set_policies', 'policies.create', 'policies.update', 'policies.delete', 'policies.set_permissions']))
  })
})

describe('organization settings', () => {
  it('update_organization needs settings.manage and valid values', async () => {
    const [updated] = await db.rpc<{ name: string; language: string; notify_admins: boolean }>(user(admin), 'update_organization', {
      p_org: org.orgId, p_name: 'Renamed', p_language: 'uk', p_invitation_ttl: '48 hours', p_notify_admins: false,
    })
    expect(updated).toMatchObject({ name: 'Renamed', language: 'uk', notify_admins: false })
    await expectDbError(db.rpc(user(member.userId), 'update_organization', { p_org: org.orgId, p_name: 'Mine' }), 'RC103')
    await expectDbError(db.rpc(user(admin), 'update_organization', { p_org: org.orgId, p_name: '' }), 'RC304')
    await expectDbError(db.rpc(user(admin), 'update_organization', { p_org: org.orgId, p_invitation_ttl: '10 minutes' }), 'RC308')
    await expectDbError(db.rpc(user(admin), 'update_organization', { p_org: org.orgId, p_language: 'fr' }), 'RC308')
  })

  it('set_admin_mode: only the primary; single only with one admin', async () => {
    const second = await addMember(other.orgId, other.roles.admin!, 'admin2')
    await expectDbError(db.rpc(user(second.userId), 'set_admin_mode', { p_org: other.orgId, p_mode: 'single' }), 'RC105')
    await expectDbError(db.rpc(user(other.primary.userId), 'set_admin_mode', { p_org: other.orgId, p_mode: 'single' }), 'RC308')
    await db.sql('delete from rolecall.members where id = $1', [second.memberId])
    const [single] = await db.rpc<{ admin_mode: string }>(user(other.primary.userId), 'set_admin_mode', { p_org: other.orgId, p_mode: 'single' })
    expect(single!.admin_mode).toBe('single')
    const [multi] = await db.rpc<{ admin_mode: string }>(user(other.primary.userId), 'set_admin_mode', { p_org: other.orgId, p_mode: 'multi' })
    expect(multi!.admin_mode).toBe('multi')
  })
})

// Names reach email subjects and the admin panel: a CR/LF could add a mail header or fake a line.
describe('names with control characters (RC304)', () => {
  const names = ['Acme\r\nBcc: victim@example.test', 'Tab\tName', 'Bell\u0007', 'C1\u0085line', 'Line\u2028separator']

  it.each(names)('refuses %j as an organization, role or policy name, and keeps ordinary Unicode names', async (name) => {
    const org = await createOrg(db, 'blank')
    const admin = user(org.primary.userId)
    await expectDbError(db.rpc(admin, 'create_organization', { p_name: name, p_template: 'blank' }), 'RC304')
    await expectDbError(db.rpc(admin, 'update_organization', { p_org: org.orgId, p_name: name }), 'RC304')
    await expectDbError(db.rpc(admin, 'create_role', { p_org: org.orgId, p_name: name, p_rank: 10 }), 'RC304')
    await expectDbError(db.rpc(admin, 'create_policy', { p_org: org.orgId, p_name: name }), 'RC304')
    const [role] = await db.rpc<{ name: string }>(admin, 'create_role', { p_org: org.orgId, p_name: `Бухгалтер «${names.indexOf(name)}» – ✓`, p_rank: 10 })
    expect(role!.name).toContain('Бухгалтер')
  })
})
