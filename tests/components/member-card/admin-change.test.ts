import { describe, expect, it } from 'vitest'
import { adminChangeFor } from '../../../components/member-card/admin-change.ts'
import { resourceTypes, exampleResourceSources } from '../../../components/member-card/resource-sources.ts'

const primary = { member_id: 'me', is_primary: true, admin_mode: 'multi' as const, template: 'jusnote' }
const other = { id: 'them', is_primary: false, status: 'active' as const }

describe('adminChangeFor', () => {
  it.each([
    ['the primary, multi-admin: transfer', other, primary, 'transfer'],
    ['the primary, single-admin (Paycove): promote', other, { ...primary, admin_mode: 'single' as const, template: 'paycove' }, 'promote'],
    ['Profit: never (owners change through support)', other, { ...primary, template: 'profit' }, null],
    ['not the primary: nothing', other, { ...primary, is_primary: false }, null],
    ['oneself: nothing', { ...other, id: 'me' }, primary, null],
    ['a deactivated member: nothing', { ...other, status: 'deactivated' as const }, primary, null],
    ['no organization chosen: nothing', other, null, null],
  ])('%s', (_name, member, caller, expected) => {
    expect(adminChangeFor(member, caller)).toBe(expected)
  })
})

describe('resourceTypes', () => {
  it('lists the configured types, then types found only in the grants', () => {
    expect(resourceTypes(exampleResourceSources, [{ resource_type: 'card', resource_id: '1' }, { resource_type: 'matter', resource_id: '2' }]))
      .toEqual(['project', 'budget', 'card', 'matter'])
  })
})
