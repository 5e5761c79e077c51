// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import MembersScreen from '../../../components/members/MembersScreen.vue'
import { useMembersStore } from '../../../stores/members.ts'
import { mountScreen, until } from '../invitations/support.ts'
import { orgs, signInStores, useChildStack } from '../support/stack.ts'

// NOTE: happy-dom lays nothing out; give the list's scroller a height so the virtual list renders rows.
Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 })
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 800 })

describe('MembersScreen against the local stack', async () => {
  const stack = await useChildStack()

  async function screenAs(email: string, org = orgs.justPaid, locale = 'en') {
    await signInStores(stack, email, org)
    const { wrapper, events } = mountScreen(MembersScreen, locale)
    return { wrapper, events }
  }

  it('shows loading, then the rows with role names, status and the primary badge', async () => {
    const { wrapper } = await screenAs('admin@justpaid.demo')
    expect(wrapper.find('[data-state="loading"]').exists()).toBe(true)
    await until(() => wrapper.findAll('[data-test="member-row"]').length === 3)
    const rows = wrapper.findAll('[data-test="member-row"]')
    expect(rows.map((row) => row.text()).join()).toMatch(/Accountant/)
    const admin = rows.find((row) => row.text().includes('admin@justpaid.demo'))!
    expect(admin.find('[data-test="primary-badge"]').exists()).toBe(true)
    expect(wrapper.get('[role="grid"]').attributes('aria-rowcount')).toBe('4')
  })

  it('an admin sees the actions; the primary row (their own) is locked with the reason', async () => {
    const { wrapper } = await screenAs('admin@justpaid.demo')
    await until(() => wrapper.findAll('[data-test="member-row"]').length === 3)
    const rows = wrapper.findAll('[data-test="member-row"]')
    const user = rows.find((row) => row.text().includes('user@justpaid.demo'))!
    expect(user.get('[data-test="deactivate"]').attributes('disabled')).toBeUndefined()
    const admin = rows.find((row) => row.text().includes('admin@justpaid.demo'))!
    expect(admin.get('[data-test="remove"]').attributes('disabled')).toBeDefined()
    expect(admin.get('[data-test="lock-reason"]').text()).toMatch(/primary member is protected/)
  })

  it('a User sees no change-role, deactivate or remove actions', async () => {
    const { wrapper } = await screenAs('user@justpaid.demo')
    await until(() => wrapper.findAll('[data-test="member-row"]').length > 0)
    expect(wrapper.findAll('[data-test="deactivate"], [data-test="remove"]')).toHaveLength(0)
    await wrapper.get('[data-test="member-row"]').trigger('click')
    await until(() => document.querySelector('[data-test="member-card"]') !== null)
    expect(document.querySelector('[data-test="change-role"]')).toBeNull()
    expect((document.querySelector('[data-test="role-picker"]') as HTMLSelectElement).disabled).toBe(true)
    wrapper.unmount()
  })

  it('Profit: the Owner row says to contact support', async () => {
    const { wrapper } = await screenAs('administrator@profit.demo', orgs.profit)
    await until(() => wrapper.findAll('[data-test="member-row"]').length === 4)
    const owner = wrapper.findAll('[data-test="member-row"]').find((row) => row.text().includes('owner@profit.demo'))!
    expect(owner.get('[data-test="lock-reason"]').text()).toBe('Contact support to change the owner')
  })

  it('Jusnote in Ukrainian: the primary badge in Jusnote\'s words, an empty search', async () => {
    const { wrapper } = await screenAs('admin2@jusnote.demo', orgs.jusnote, 'uk')
    await until(() => wrapper.findAll('[data-test="member-row"]').length === 3)
    expect(wrapper.get('h2').text()).toBe('Команда')
    expect(wrapper.get('[data-test="primary-badge"]').text()).toBe('Адміністратор, призначений Підписником')
    await wrapper.get('[data-test="search"]').setValue('nobody-here')
    await until(() => wrapper.find('[data-state="empty"]').exists())
    expect(wrapper.get('[data-state="empty"]').text()).toBe('Немає Користувачів, що відповідають пошуку.')
  })

  it('a deactivation is confirmed first, then goes through and tells the host', async () => {
    const { wrapper, events } = await screenAs('admin@justpaid.demo')
    await until(() => wrapper.findAll('[data-test="member-row"]').length === 3)
    const user = wrapper.findAll('[data-test="member-row"]').find((row) => row.text().includes('user@justpaid.demo'))!
    await user.get('[data-test="deactivate"]').trigger('click')
    await until(() => document.querySelector('[role="alertdialog"]') !== null)
    expect(document.querySelector('[role="alertdialog"]')!.textContent).toMatch(/loses access to JustPaid Demo Inc\. at once/)
    ;(document.querySelector('[data-test="confirm"]') as HTMLButtonElement).click()
    await until(() => events.length > 0)
    expect(events[0]).toMatchObject(['member-changed', { action: 'deactivate' }])
    expect(useMembersStore().rows.find((m) => m.email === 'user@justpaid.demo')?.status).toBe('deactivated')
    await useMembersStore().reactivate(useMembersStore().rows.find((m) => m.email === 'user@justpaid.demo')!.id)
    wrapper.unmount()
  })

  it('a failed read shows the error state with a retry', async () => {
    const { wrapper } = await screenAs('admin@justpaid.demo')
    await until(() => wrapper.findAll('[data-test="member-row"]').length === 3)
    const members = useMembersStore()
    members.rows = []
    members.error = Object.assign(new Error('x'), { code: 'network', messageKey: 'errors.network', status: 0, details: null, name: 'RolecallError' }) as typeof members.error
    await until(() => wrapper.find('[data-state="error"]').exists())
    expect(wrapper.get('[data-state="error"]').text()).toMatch(/could not be reached/)
  })
})
