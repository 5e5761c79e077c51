import { describe, expect, it } from 'vitest'
import { checkboxRows, filterGroups, roleMakeup } from '../../../components/popup/permission-view.ts'
import { resourceLines } from '../../../components/popup/resource-lines.ts'
import type { MemberCheckbox, MyPermission } from '../../../stores/api/index.ts'
import type { ReachableResources } from '../../../stores/extension/org-details.ts'

const permission = (key: string, granted: boolean, sources: object[] = []): MyPermission => ({
  key, section: 'expense_management', kind: 'action', label_en: key, label_uk: `uk ${key}`, granted, sources: sources as MyPermission['sources'], checkboxes: [],
})
const box = (key: string, keys: string[], state: string, roleId: string | null = null): MemberCheckbox => ({
  key, section: 's', label_en: `Box ${key}`, label_uk: `Прапорець ${key}`, description_en: '', description_uk: '', position: 0,
  role_id: roleId as string, always_on: state === 'always_on', permission_keys: keys, state, ticked: false,
})
const cards = (rows: ReachableResources['rows'], all = false): ReachableResources => ({ type: 'card', all, rows })

describe('resourceLines', () => {
  it.each([
    ['a Cardholder: own card, card details and fund requests only', [permission('cards.view_own', true), permission('fund_requests.submit', true)], false,
      { message: 'popup.resources.ownCard', values: { last4: '4242' }, qualifier: 'popup.resources.cardOnly', granted: false }],
    ['a Contributor with bills too: own card, nothing more said', [permission('cards.view_own', true), permission('bills.view', true)], false,
      { message: 'popup.resources.ownCard', values: { last4: '4242' }, qualifier: null, granted: false }],
    ['someone else\'s card granted one by one', [permission('cards.view_own', true)], true,
      { message: 'popup.resources.card', values: { last4: '4242' }, qualifier: null, granted: true }],
  ])('%s', (_, permissions, granted, line) => {
    expect(resourceLines(cards([{ id: 'c1', label: '4242', granted }]), permissions)).toEqual([{ id: 'c1', ...line }])
  })

  it('says "all" instead of listing with <type>s.view_all, and names projects with their documents', () => {
    expect(resourceLines(cards([], true), [])).toEqual([{ id: 'all', message: 'popup.resources.all.card', values: {}, qualifier: null, granted: false }])
    expect(resourceLines({ type: 'project', all: false, rows: [{ id: 'p', label: 'Case', granted: true }] }, [])[0])
      .toMatchObject({ message: 'popup.resources.project', values: { name: 'Case' }, granted: true })
    expect(resourceLines({ type: 'budget', all: false, rows: [{ id: 'b', label: 'Marketing', granted: true }] }, [])[0])
      .toMatchObject({ message: null, values: { name: 'Marketing' } })
  })
})

describe('checkboxRows', () => {
  const context = { locale: 'en' as const, roleName: 'User' }

  it('asks "Why not?" about a key still missing; a role box and a held box have nothing to ask', () => {
    const permissions = [permission('a.view', true, [{ type: 'grant', permission_key: 'a.view' }]), permission('a.manage', false)]
    const rows = checkboxRows([box('a', ['a.view', 'a.manage'], 'partial'), box('admin', [], 'off', 'role-admin'), box('v', ['a.view'], 'on')], permissions, context)
    expect(rows.map((row) => [row.key, row.state, row.whyKey, row.roleBox])).toEqual([
      ['a', 'partial', 'a.manage', false], ['admin', 'denied', null, true], ['v', 'granted', null, false],
    ])
    // A partly held box explains what is held.
    expect(rows[0]?.sources).toEqual([{ type: 'grant', permission_key: 'a.view' }])
  })

  it('leaves the organization-wide blocks out of each row, and renames a box the product calls otherwise', () => {
    const permissions = [permission('c.view', false, [{ type: 'policy', policy_id: 'p', policy_name: 'Contacts' }, { type: 'deactivated' }])]
    const [row] = checkboxRows([box('contacts', ['c.view'], 'off')], permissions, context, (key) => (key === 'contacts' ? 'Contact list' : undefined))
    expect(row).toMatchObject({ label: 'Contact list', sources: [{ type: 'policy', policy_name: 'Contacts', role_name: 'User' }] })
  })
})

describe('filterGroups and roleMakeup', () => {
  const groups = [{ key: 'g', label: 'G', rows: checkboxRows([box('x', ['bills.approve'], 'off')], [], { locale: 'en', roleName: 'R' }) }]

  it.each([['прапорець', 1], ['BILLS.APPROVE', 1], ['Box X', 1], ['  ', 1], ['nothing', 0]])('"%s" keeps %i group(s)', (query, count) => {
    expect(filterGroups(groups, query)).toHaveLength(count)
  })

  it('names the role\'s policies once each, or says it holds everything', () => {
    const policy = (name: string) => ({ type: 'policy', policy_id: name, policy_name: name })
    expect(roleMakeup([permission('a', true, [policy('B'), policy('A')]), permission('b', true, [policy('A')])])).toEqual({ allPermissions: false, policies: ['A', 'B'] })
    expect(roleMakeup([permission('a', true, [{ type: 'all_permissions', role_id: 'r', role_name: 'Admin' }])])).toEqual({ allPermissions: true, policies: [] })
  })
})
