import { describe, expect, it } from 'vitest'
import { createApi, type Invitation, type MemberCheckbox, type MyOrganization, type MyPermission } from '../../stores/api/index.ts'
import { createRolecallClient } from '../../stores/api/create-client.ts'
import { fetchSnapshot, type Snapshot, snapshotChanges } from '../../stores/extension/snapshot.ts'
import { demoPassword, justPaid, useStack } from '../stores/support.ts'

const org = (id: string, changes: Partial<MyOrganization> = {}): MyOrganization => ({
  organization_id: id, name: `Org ${id}`, template: 'justpaid', admin_mode: 'multi', member_id: `m-${id}`,
  role_id: 'role-user', role_name: 'User', is_primary: false, status: 'active', ip_allowed: true, blocked: null as unknown as string,
  ...changes,
})
const permission = (key: string, granted: boolean, checkboxes: string[] = []): MyPermission => ({
  key, section: key.split('.')[0] ?? '', kind: 'action', label_en: `en ${key}`, label_uk: `uk ${key}`, granted, sources: [], checkboxes,
})
const box = (key: string, keys: string[]): MemberCheckbox => ({
  key, section: 'banking', label_en: `Box ${key}`, label_uk: `Прапорець ${key}`, description_en: '', description_uk: '', position: 0,
  role_id: null as unknown as string, always_on: false, permission_keys: keys, state: 'off', ticked: false,
})
const invitation = (id: string): Invitation => ({
  id, organization_id: 'o9', organization_name: 'Paycove Demo LLC', email: 'me@x.test', role_id: 'r', role_name: 'Manager',
  status: 'pending', grants: [], denies: [], ip_allowlist: [], resource_grants: {}, expires_at: null, send_count: 1,
  last_sent_at: null, language: 'en', invited_by: null, accepted_by: null, responded_at: null, created_at: null,
})
const snapshot = (changes: Partial<Snapshot> = {}): Snapshot => ({
  savedAt: '2026-12-01T10:00:00.000Z', userId: 'u1', email: 'me@x.test',
  organizations: [org('o1')],
  permissions: { o1: [permission('bills.view', true), permission('bills.approve', false)] },
  checkboxes: { o1: [] },
  invitations: [],
  ...changes,
})
const where = { organizationId: 'o1', organizationName: 'Org o1' }

describe('snapshotChanges', () => {
  it('finds nothing between equal snapshots, or between two users\' snapshots', () => {
    expect(snapshotChanges(snapshot(), snapshot({ savedAt: '2026-12-01T10:01:00.000Z' }))).toEqual([])
    expect(snapshotChanges(snapshot(), snapshot({ userId: 'u2', organizations: [] }))).toEqual([])
  })

  it('reports an organization joined and one left, by name', () => {
    const after = snapshot({ organizations: [org('o2')], permissions: { o2: [permission('bills.view', true)] } })
    expect(snapshotChanges(snapshot(), after)).toEqual([
      { type: 'organization_joined', organizationId: 'o2', organizationName: 'Org o2' },
      { type: 'organization_left', ...where },
    ])
  })

  it('reports a role change with both names, and the permissions it brought', () => {
    const after = snapshot({
      organizations: [org('o1', { role_id: 'role-accountant', role_name: 'Accountant' })],
      permissions: { o1: [permission('bills.view', true), permission('bills.approve', true)] },
    })
    expect(snapshotChanges(snapshot(), after)).toEqual([
      { type: 'role_changed', ...where, from: 'User', to: 'Accountant' },
      { type: 'permission_gained', ...where, key: 'bills.approve', keys: ['bills.approve'], label_en: 'en bills.approve', label_uk: 'uk bills.approve' },
    ])
  })

  it.each([
    ['gained', false, true, 'permission_gained'],
    ['lost', true, false, 'permission_lost'],
  ] as const)('reports a permission %s with its labels in both languages', (_, from, to, type) => {
    const before = snapshot({ permissions: { o1: [permission('reports.view', from)] } })
    const after = snapshot({ permissions: { o1: [permission('reports.view', to)] } })
    expect(snapshotChanges(before, after)).toEqual([
      { type, ...where, key: 'reports.view', keys: ['reports.view'], label_en: 'en reports.view', label_uk: 'uk reports.view' },
    ])
  })

  it('reports the keys of one product checkbox as that checkbox (JustPaid "Bank Transactions")', () => {
    const boxes = { o1: [box('bank_transactions', ['bank_transactions.create', 'bills.pay'])] }
    const keys = (granted: boolean) => [permission('bank_transactions.create', granted, ['bank_transactions']), permission('bills.pay', granted, ['bank_transactions'])]
    const changes = snapshotChanges(snapshot({ permissions: { o1: keys(false) }, checkboxes: boxes }), snapshot({ permissions: { o1: keys(true) }, checkboxes: boxes }))
    expect(changes).toEqual([{
      type: 'permission_gained', ...where, key: 'bank_transactions', keys: ['bank_transactions.create', 'bills.pay'],
      label_en: 'Box bank_transactions', label_uk: 'Прапорець bank_transactions',
    }])
  })

  it('a key new to the catalog counts only when it is granted', () => {
    const before = snapshot({ permissions: { o1: [] } })
    const after = snapshot({ permissions: { o1: [permission('reports.view', true), permission('reports.create', false)] } })
    expect(snapshotChanges(before, after).map((c) => c.type === 'permission_gained' && c.key)).toEqual(['reports.view'])
  })

  it.each(['deactivated', 'ip_not_allowed'])('reports being blocked (%s) once, not every permission lost, and the way back', (reason) => {
    const blocked = snapshot({
      organizations: [org('o1', { blocked: reason, status: reason === 'deactivated' ? 'deactivated' : 'active' })],
      permissions: { o1: [permission('bills.view', false), permission('bills.approve', false)] },
    })
    expect(snapshotChanges(snapshot(), blocked)).toEqual([{ type: 'access_blocked', ...where, reason }])
    expect(snapshotChanges(blocked, blocked)).toEqual([])
    expect(snapshotChanges(blocked, snapshot())).toEqual([{ type: 'access_restored', ...where }])
  })

  it('reports each new invitation once, and nothing when one goes away', () => {
    const one = snapshot({ invitations: [invitation('i1')] })
    const two = snapshot({ invitations: [invitation('i2'), invitation('i1')] })
    expect(snapshotChanges(snapshot(), one)).toEqual([
      { type: 'invitation_received', invitationId: 'i1', organizationId: 'o9', organizationName: 'Paycove Demo LLC', roleName: 'Manager' },
    ])
    expect(snapshotChanges(one, two).map((c) => c.type === 'invitation_received' && c.invitationId)).toEqual(['i2'])
    expect(snapshotChanges(two, snapshot())).toEqual([])
  })
})

describe('fetchSnapshot against the local stack', async () => {
  const server = await useStack()
  const signIn = async (email: string) => {
    const client = createRolecallClient(server.url, server.config.anonKey, { auth: { persistSession: false, autoRefreshToken: false } })
    const { error } = await client.auth.signInWithPassword({ email, password: demoPassword })
    if (error) throw error
    return createApi(client)
  }

  it('reads the organizations, permissions with sources, the product\'s boxes and nothing pending', async () => {
    const taken = await fetchSnapshot(await signIn('user@justpaid.demo'))
    expect(taken).toMatchObject({ userId: 'b0000000-0000-4000-8000-000000000103', email: 'user@justpaid.demo', invitations: [] })
    expect(Date.now() - Date.parse(taken.savedAt)).toBeLessThan(60_000)
    expect(taken.organizations).toEqual([expect.objectContaining({ organization_id: justPaid, role_name: 'User', blocked: null })])
    const approve = taken.permissions[justPaid]?.find((p) => p.key === 'bills.approve')
    expect(approve).toMatchObject({ granted: true, sources: [{ type: 'grant', permission_key: 'bills.approve' }], checkboxes: ['approve_bills'] })
    expect(taken.checkboxes[justPaid]?.map((b) => b.label_en)).toEqual([
      'Approve Bills', 'Approve Sales Contracts', 'Bank Transactions', 'Manage Bank Accounts', 'Manage Integrations', 'View Reports and Data',
    ])
  })

  it('refuses without a session (RC101)', async () => {
    const client = createRolecallClient(server.url, server.config.anonKey, { auth: { persistSession: false, autoRefreshToken: false } })
    await expect(fetchSnapshot(createApi(client))).rejects.toMatchObject({ code: 'RC101' })
  })

  it('sees what an admin changed: a ticked box and a new invitation', async () => {
    const user = await signIn('user@jusnote.demo')
    const before = await fetchSnapshot(user)
    const admin = await signIn('admin@justpaid.demo')
    const userRole = (await admin.roles.list(justPaid)).find((r) => r.name === 'User')
    const sent = await admin.invitations.invite(justPaid, { email: 'user@jusnote.demo', role_id: userRole?.id ?? '' })
    const jusnote = 'a0000000-0000-4000-8000-000000000002'
    const jusnoteAdmin = await signIn('admin@jusnote.demo')
    await jusnoteAdmin.members.setOverrides('c0000000-0000-4000-8000-000000000203', ['bank_accounts.view', 'bank_transactions.view', 'reports.view', 'invoices.view', 'invoices.create', 'payments.record'], [])
    const after = await fetchSnapshot(user)
    expect(after.invitations.map((i) => i.id)).toEqual([sent.invitation_id])
    const changes = snapshotChanges(before, after)
    expect(changes).toEqual([
      expect.objectContaining({ type: 'permission_gained', organizationId: jusnote, key: 'invoices', label_uk: 'Інвойси' }),
      expect.objectContaining({ type: 'invitation_received', invitationId: sent.invitation_id, organizationName: 'JustPaid Demo Inc.', roleName: 'User' }),
    ])
    expect(changes[0]?.type === 'permission_gained' && changes[0].keys.sort()).toEqual(['invoices.create', 'invoices.view', 'payments.record'])
  })
})
