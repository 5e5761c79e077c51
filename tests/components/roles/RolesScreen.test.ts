// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import RolesScreen from '../../../components/roles/RolesScreen.vue'
import { signInStores, useChildStack } from '../support/stack.ts'
import { $, mountScreen, orgs, until } from '../invitations/support.ts'

const profit = 'a0000000-0000-4000-8000-000000000003'

/** Selects `labels` in a native multi-select and tells Vue (happy-dom has no user-event). */
function pick(select: HTMLSelectElement, labels: string[]) {
  for (const option of select.options) option.selected = labels.includes(option.text.trim())
  select.dispatchEvent(new Event('change'))
}

describe('RolesScreen', async () => {
  const stack = await useChildStack()
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('the payments-platform admin adds a role from permission policies with the two-list picker', async () => {
    await signInStores(stack, 'admin@payments.demo', orgs.payments)
    const { wrapper, events } = mountScreen(RolesScreen)
    expect(wrapper.find('[data-state="loading"]').exists()).toBe(true)
    await until(() => wrapper.find('tr[data-role="Analyst"]').exists())
    expect(wrapper.get('tr[data-role="Admin"] [data-test="all"]').text()).toBe('all')
    expect(wrapper.findAll('th').map((th) => th.text())).toContain('Members')
    expect(wrapper.get('tr[data-role="Admin"] [data-test="member-count"]').text()).toBe('1')
    expect(wrapper.get('tr[data-role="Analyst"] [data-test="member-count"]').text()).toBe('1')

    await wrapper.get('[data-test="add"]').trigger('click')
    await until(() => !!$('[data-test="role-editor"]'))
    const title = $<HTMLInputElement>('[data-test="role-title"]')!
    // Save without a title only says what is missing; nothing is sent and the dialog stays.
    $('[data-test="save"]')!.click()
    await until(() => title.getAttribute('aria-invalid') === 'true')
    expect($(`#${title.getAttribute('aria-describedby')}`)?.textContent?.trim()).toBe('Enter a role title.')
    expect(events).toEqual([])
    title.value = 'Support Lead'
    title.dispatchEvent(new Event('input'))
    pick($<HTMLSelectElement>('[data-test="picker-available"]')!, ['Payouts (by resource)', 'Read-only pages (by page)'])
    await until(() => !$<HTMLButtonElement>('[data-test="picker-add"]')!.disabled)
    $('[data-test="picker-add"]')!.click()
    await until(() => $<HTMLSelectElement>('[data-test="picker-chosen"]')!.options.length === 2)
    // "<" takes one back out again.
    pick($<HTMLSelectElement>('[data-test="picker-chosen"]')!, ['Read-only pages (by page)'])
    await until(() => !$<HTMLButtonElement>('[data-test="picker-remove"]')!.disabled)
    $('[data-test="picker-remove"]')!.click()
    await until(() => $<HTMLSelectElement>('[data-test="picker-chosen"]')!.options.length === 1)

    $('[data-test="save"]')!.click()
    await until(() => wrapper.find('tr[data-role="Support Lead"]').exists())
    expect(wrapper.get('tr[data-role="Support Lead"]').text()).toContain('policies: 1')
    expect(wrapper.get('tr[data-role="Support Lead"] [data-test="member-count"]').text()).toBe('0')
    expect(events).toEqual([['role-changed', expect.objectContaining({ organizationId: orgs.payments, action: 'created' })]])
  })

  it('locked roles show why, and View Permissions lists the role\'s permissions by section', async () => {
    await signInStores(stack, 'owner@profit.demo', profit)
    const { wrapper } = mountScreen(RolesScreen)
    await until(() => wrapper.find('tr[data-role="Cardholder"]').exists())
    expect(['Owner', 'Administrator', 'Contributor', 'Cardholder'].map((name) => wrapper.get(`tr[data-role="${name}"] [data-test="member-count"]`).text()))
      .toEqual(['1', '1', '1', '1'])
    for (const name of ['Owner', 'Cardholder']) {
      const row = wrapper.get(`tr[data-role="${name}"]`)
      expect(row.get('[data-test="lock-reason"]').text()).toBe(`The permissions for the ${name} role cannot be edited.`)
      expect(row.get('[data-test="edit"]').attributes('disabled')).toBeDefined()
      expect(row.get('[data-test="delete"]').attributes('aria-describedby')).toBe(row.get('[data-test="lock-reason"]').attributes('id'))
    }

    await wrapper.get('tr[data-role="Owner"] [data-test="view"]').trigger('click')
    await until(() => !!$('[data-test="role-permissions"]'))
    expect($('[data-test="role-permissions"] [data-test="all"]')?.textContent).toContain('all')
    const expand = $<HTMLButtonElement>('[data-test="role-permissions"] [aria-expanded="false"]')!
    expect(expand.textContent?.trim()).toBe('+')
    expand.click()
    await until(() => expand.getAttribute('aria-expanded') === 'true')
    $('[data-test="done"]')!.click()
    await until(() => !$('[data-test="role-permissions"]'))
  })

  it('without roles.manage: Add new Role is disabled with the reason, rows offer only View Permissions', async () => {
    await signInStores(stack, 'analyst@payments.demo', orgs.payments)
    const { wrapper } = mountScreen(RolesScreen)
    await until(() => wrapper.find('tr[data-role]').exists())
    const add = wrapper.get('[data-test="add"]')
    expect(add.attributes('disabled')).toBeDefined()
    expect(wrapper.get(`#${add.attributes('aria-describedby')}`).text()).toContain('Manage roles')
    expect(wrapper.find('[data-test="edit"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="delete"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="view"]').exists()).toBe(true)
  })

  it('deleting a role still in use is confirmed, then refused with the server\'s RC205 in Ukrainian', async () => {
    await signInStores(stack, 'admin@payments.demo', orgs.payments)
    const { wrapper, events } = mountScreen(RolesScreen, 'uk')
    await until(() => wrapper.find('tr[data-role="Analyst"]').exists())
    // The count the deletion runs into, in Ukrainian: one member still holds Analyst.
    expect(wrapper.findAll('th').map((th) => th.text())).toContain('Користувачі')
    expect(wrapper.get('tr[data-role="Analyst"] [data-test="member-count"]').text()).toBe('1')
    await wrapper.get('tr[data-role="Analyst"] [data-test="delete"]').trigger('click')
    await until(() => !!$('[role="alertdialog"] [data-test="confirm"]'))
    expect($('[role="alertdialog"]')?.textContent).toContain('Видалити роль «Analyst»?')
    expect($('[role="alertdialog"] [data-test="confirm"]')?.className).toContain('btn-danger')
    $('[data-test="confirm"]')!.click()
    await until(() => document.body.textContent?.includes('Цю роль ще мають Користувачі або надіслані запрошення.') ?? false)
    expect(wrapper.find('tr[data-role="Analyst"]').exists()).toBe(true)
    expect(events).toEqual([])
  })
})
