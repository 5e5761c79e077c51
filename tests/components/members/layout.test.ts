import { describe, expect, it } from 'vitest'
import { menuActionsFor } from '../../../components/members/gating.ts'
import { layoutFor, roleStep, withHeadings } from '../../../components/members/layout.ts'
import type { Member, Role } from '../../../stores/api/index.ts'

const role = (id: string, rank: number, all_permissions = false) => ({ id, name: id, rank, all_permissions }) as Role
// Paycove's roles, as the template makes them.
const paycove = [role('admin', 100, true), role('manager', 50), role('standard', 10)]
const member = (id: string, role_id: string, status: Member['status'] = 'active') => ({ id, role_id, status }) as Member

describe('members list layouts', () => {
  it.each([['paycove', 'paycove'], ['payments_platform', 'payments'], ['jusnote', 'plain'], [undefined, 'plain']] as const)(
    'the %s template lays the list out as %s', (template, layout) => expect(layoutFor(template)).toBe(layout))

  it('grouped, a heading precedes each run of one role (a page starting inside a group repeats it); plain, none', () => {
    const rows = [member('a', 'manager'), member('b', 'manager'), member('c', 'standard')]
    expect(withHeadings(rows, true).map((item) => (item.kind === 'heading' ? `# ${item.roleId}` : item.member.id)))
      .toEqual(['# manager', 'a', 'b', '# standard', 'c'])
    expect(withHeadings(rows, false).map((item) => item.kind)).toEqual(['member', 'member', 'member'])
  })

  it.each([
    ['a standard user: "+" up to Manager', 'standard', { role: 'manager', direction: 'promote' }],
    ['a Manager: the "+" turns into "−", down to standard user', 'manager', { role: 'standard', direction: 'demote' }],
    ['the Admin: none (promotion is A9\'s)', 'admin', null],
  ])('%s', (_, roleId, step) => {
    const found = roleStep(member('m', roleId), paycove)
    expect(found && { role: found.role.id, direction: found.direction }).toEqual(step)
  })

  it.each([
    ['an administrator, active member', ['members.change_role', 'members.deactivate'], 'active', ['editRole', 'deactivate']],
    ['an administrator, deactivated member', ['members.change_role', 'members.deactivate'], 'deactivated', ['editRole', 'reactivate']],
    ['user management without role changes', ['members.deactivate'], 'active', ['deactivate']],
    ['no team permission', [], 'active', []],
  ] as const)('the Actions menu for %s', (_, held, status, items) => {
    expect(menuActionsFor({ status }, (key) => (held as readonly string[]).includes(key))).toEqual(items)
  })
})
