// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { actionText, auditActions, fieldChanges, subjectName } from '../../../components/audit/audit-format.ts'
import auditMessages from '../../../components/audit/messages.ts'
import AuditScreen from '../../../components/audit/AuditScreen.vue'
import { createPanelI18n } from '../../../components/i18n.ts'
import TeamPanel from '../../../components/panel/TeamPanel.vue'
import { carriedNames, referencedIds } from '../../../stores/audit.ts'
import { useMembersStore } from '../../../stores/members.ts'
import { useOrganizationStore } from '../../../stores/organization.ts'
import { useRolesStore } from '../../../stores/roles.ts'
import { signInStores, useChildStack } from '../support/stack.ts'
import { mountScreen, orgs, until } from '../invitations/support.ts'

describe('AuditScreen', async () => {
  const stack = await useChildStack()
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('lists only the fields an update changed, and every field of an insert', () => {
    expect(fieldChanges({ name: 'A', language: 'en', updated_at: '1' }, { name: 'B', language: 'en', updated_at: '2' }))
      .toEqual([{ field: 'name', before: 'A', after: 'B' }])
    expect(fieldChanges(null, { name: 'A', ip_allowlist: ['10.0.0.0/8'] }))
      .toEqual([{ field: 'name', before: null, after: 'A' }, { field: 'ip_allowlist', before: null, after: '["10.0.0.0/8"]' }])
  })

  /** The panel's `t` in a language, with the audit tab's messages (as the screen registers them). */
  function translator(locale: 'en' | 'uk') {
    const i18n = createPanelI18n(locale)
    for (const lang of ['en', 'uk'] as const) i18n.global.mergeLocaleMessage(lang, auditMessages[lang])
    return (key: string, words?: Record<string, unknown>) => i18n.global.t(key, words ?? {})
  }

  it.each([
    ['en', 'members.change_role', 'User’s role changed'],
    ['uk', 'members.change_role', 'Роль Користувача змінено'],
    ['en', 'policies.set_restrictions', 'Policy’s restrictions changed'],
    ['uk', 'invitations.revoke', 'Запрошення деактивовано'],
    ['en', 'members.insert', 'User added directly'],
    ['uk', 'role_policies.delete', 'Політика ролі: видалено напряму'],
    ['en', 'something.new', 'something.new'],
  ] as const)('%s: %s reads "%s"', (locale, action, text) => {
    expect(actionText(action, translator(locale))).toBe(text)
  })

  it('every action the migrations record has words in both languages', () => {
    for (const locale of ['en', 'uk'] as const) {
      const t = translator(locale)
      for (const action of auditActions) expect(actionText(action, t), `${locale} ${action}`).not.toBe(`audit.actions.${action}`)
    }
  })

  it('names targets from the events\' own rows, asks only for what they lack, falls back to the raw id', () => {
    const role = { subject_type: 'roles', before: null, after: { id: 'r1', name: 'Analyst' } }
    const link = { subject_type: 'role_policies', before: { role_id: 'r1', policy_id: 'p1234567-aaaa' }, after: null }
    const override = { subject_type: 'member_overrides', before: null, after: { member_id: 'm1', permission_key: 'bills.approve' } }
    const carried = carriedNames([role, link, override])
    expect(carried).toEqual({ r1: 'Analyst' })
    expect(referencedIds([role, link, override], carried)).toEqual({ members: ['m1'], roles: [], policies: ['p1234567-aaaa'], permissions: ['bills.approve'] })
    const names: Record<string, string> = { ...carried, m1: 'Uma User', 'bills.approve': 'Approve bills' }
    expect([role, link, override].map((event) => subjectName(event, (id) => names[id])))
      .toEqual(['Analyst', 'Analyst · p1234567', 'Uma User · Approve bills'])
  })

  it('an admin sees the trail: who, what, the change before → after; filtered by action on the server', async () => {
    await signInStores(stack, 'admin@justpaid.demo', orgs.justPaid)
    const organization = useOrganizationStore()
    const name = organization.settings?.name ?? ''
    await organization.updateSettings({ p_name: `${name} Inc` })
    const { wrapper } = mountScreen(AuditScreen)
    await until(() => wrapper.find('tr[data-action="organizations.update"]').exists())
    const row = wrapper.get('tr[data-action="organizations.update"]')
    expect(row.get('[data-test="actor"]').text()).toBe('You')
    expect(row.get('[data-test="action"]').text()).toBe('Organization settings changed')
    expect(row.get('[data-test="subject"]').text()).toBe(`Organization: ${name} Inc`)
    expect(row.get('[data-test="changes"]').text()).toContain(`name: ${name} → ${name} Inc`)
    expect(wrapper.get('[data-test="count"]').text()).toMatch(/^1–\d+ of \d+$/)

    await wrapper.get('[data-test="action-filter"]').setValue('organizations.update')
    await until(() => wrapper.findAll('tbody tr').every((tr) => tr.attributes('data-action') === 'organizations.update'))
    expect(wrapper.get('[data-test="count"]').text()).toBe('1–1 of 1')
    await wrapper.get('[data-test="action-filter"]').setValue('roles.delete')
    await until(() => wrapper.find('[data-state="empty"]').exists())
  })

  it('names the people a row points at (user_id, created_by), not their auth ids', async () => {
    await signInStores(stack, 'admin@jusnote.demo', orgs.jusnote)
    const { wrapper } = mountScreen(AuditScreen)
    await until(() => wrapper.findAll('tr[data-action="members.insert"]').length > 0)
    const changes = wrapper.findAll('tr[data-action="members.insert"]').map((row) => row.get('[data-test="changes"]').text()).join('\n')
    expect(changes).toContain('user_id: Ірина Користувачка')
    expect(changes).not.toMatch(/user_id: b0000000/)
    const created = wrapper.findAll('tr[data-action="organizations.insert"]').map((row) => row.get('[data-test="changes"]').text()).join('\n')
    expect(created).toContain('created_by: Олена Адміністраторка')
  })

  it('a role change reads in words, names the member, and shows the roles by name', async () => {
    await signInStores(stack, 'admin@justpaid.demo', orgs.justPaid)
    const members = useMembersStore()
    const roles = useRolesStore()
    await Promise.all([members.load(), roles.load()])
    const uma = members.rows.find((member) => member.email === 'user@justpaid.demo')!
    const accountant = roles.roles.find((role) => role.name === 'Accountant')!
    const user = uma.role_id
    await members.changeRole(uma.id, accountant.id)
    await members.changeRole(uma.id, user)
    const { wrapper } = mountScreen(AuditScreen)
    await until(() => wrapper.findAll('tr[data-action="members.change_role"]').length === 2)
    const [back, there] = wrapper.findAll('tr[data-action="members.change_role"]')
    expect(there!.get('[data-test="action"]').text()).toBe('User’s role changed')
    expect(there!.get('[data-test="action"]').attributes('title')).toBe('members.change_role')
    expect(there!.get('[data-test="subject"]').text()).toBe('User: Uma User')
    expect(there!.get('[data-test="changes"]').text()).toContain('role_id: User → Accountant')
    expect(back!.get('[data-test="changes"]').text()).toContain('role_id: Accountant → User')
  })

  it.each([
    ['en', 'Policy’s permissions changed', 'Policy permission: Payouts (by resource) · Disputes page'],
    ['uk', 'Дозволи політики змінено', 'Дозвіл політики: Payouts (by resource) · Сторінка «Спори»'],
  ] as const)('%s: a policy\'s new permission names the policy and the permission\'s label', async (locale, action, subject) => {
    await signInStores(stack, 'admin@payments.demo', orgs.payments)
    const roles = useRolesStore()
    await roles.load()
    const payouts = roles.policies.find((policy) => policy.name === 'Payouts (by resource)')!
    const keys = roles.policyPermissions.filter((row) => row.policy_id === payouts.id && row.effect === 'grant').map((row) => row.permission_key)
    await roles.setPolicyPermissions(payouts.id, [...keys.filter((key) => key !== 'disputes.view'), 'disputes.view'])
    const { wrapper } = mountScreen(AuditScreen, locale)
    await wrapper.get('[data-test="action-filter"]').setValue('policies.set_permissions')
    await until(() => wrapper.find('tr[data-action="policies.set_permissions"]').exists())
    const row = wrapper.findAll('tr[data-action="policies.set_permissions"]').find((tr) => tr.get('[data-test="subject"]').text() === subject)
    expect(row?.get('[data-test="action"]').text()).toBe(action)
    await roles.setPolicyPermissions(payouts.id, keys)
  })

  it('a User has no Audit log tab, and the screen itself says why', async () => {
    await signInStores(stack, 'user@justpaid.demo', orgs.justPaid)
    const panel = mountScreen(TeamPanel)
    await until(() => panel.wrapper.findAll('[role="tab"]').length > 0)
    const tabs = panel.wrapper.findAll('[role="tab"]').map((tab) => tab.text())
    expect(tabs).not.toContain('Audit log')
    expect(tabs).toContain('Settings')
    // The members tab's lazily loaded screen arrives before the panel goes, not after the test's environment.
    await until(() => panel.wrapper.find('[role="tabpanel"][data-state="active"] section').exists())
    panel.wrapper.unmount()

    const { wrapper } = mountScreen(AuditScreen)
    expect(wrapper.get('[data-state="refused"]').text()).toContain('“View the audit trail” permission')
  })
})
