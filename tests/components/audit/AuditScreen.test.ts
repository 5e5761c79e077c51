// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { fieldChanges } from '../../../components/audit/audit-format.ts'
import AuditScreen from '../../../components/audit/AuditScreen.vue'
import TeamPanel from '../../../components/panel/TeamPanel.vue'
import { useOrganizationStore } from '../../../stores/organization.ts'
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

  it('an admin sees the trail: who, what, the change before → after; filtered by action on the server', async () => {
    await signInStores(stack, 'admin@justpaid.demo', orgs.justPaid)
    const organization = useOrganizationStore()
    const name = organization.settings?.name ?? ''
    await organization.updateSettings({ p_name: `${name} Inc` })
    const { wrapper } = mountScreen(AuditScreen)
    await until(() => wrapper.find('tr[data-action="organizations.update"]').exists())
    const row = wrapper.get('tr[data-action="organizations.update"]')
    expect(row.get('[data-test="actor"]').text()).toBe('You')
    expect(row.get('[data-test="changes"]').text()).toContain(`name: ${name} → ${name} Inc`)
    expect(wrapper.get('[data-test="count"]').text()).toMatch(/^1–\d+ of \d+$/)

    await wrapper.get('[data-test="action-filter"]').setValue('organizations.update')
    await until(() => wrapper.findAll('tbody tr').every((tr) => tr.attributes('data-action') === 'organizations.update'))
    expect(wrapper.get('[data-test="count"]').text()).toBe('1–1 of 1')
    await wrapper.get('[data-test="action-filter"]').setValue('roles.delete')
    await until(() => wrapper.find('[data-state="empty"]').exists())
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
