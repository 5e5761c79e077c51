// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import PoliciesScreen from '../../../components/policies/PoliciesScreen.vue'
import { useRolesStore } from '../../../stores/roles.ts'
import { signInStores, useChildStack } from '../support/stack.ts'
import { $, mountScreen, orgs, until } from '../invitations/support.ts'

const transactions = 'tr[data-policy="Transactions (by resource)"]'

describe('PoliciesScreen', async () => {
  const stack = await useChildStack()
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('an edit shows which roles it applies to before saving, then saves', async () => {
    await signInStores(stack, 'admin@payments.demo', orgs.payments)
    const { wrapper, events } = mountScreen(PoliciesScreen)
    expect(wrapper.find('[data-state="loading"]').exists()).toBe(true)
    await until(() => wrapper.find(transactions).exists())
    expect(wrapper.get(transactions).text()).toContain('4 granted, 0 restricted')
    expect(wrapper.get(transactions).text()).toContain('Analyst')

    await wrapper.get(`${transactions} [data-test="edit"]`).trigger('click')
    await until(() => !!$('[data-test="policy-editor"]'))
    expect($<HTMLInputElement>('[data-test="policy-name"]')?.value).toBe('Transactions (by resource)')
    expect($('[data-test="counter"]')?.textContent).toBe('4 / 100')
    expect($('[data-test="tab-resource"]')?.textContent?.trim()).toBe('Permissions by resource')
    $('[data-test="tab-page"]')!.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }))
    await until(() => $('[data-test="tab-page"]')?.getAttribute('data-state') === 'active')
    $('[data-test="panel-page"] [data-item="payouts.view"] [role="checkbox"]')!.click()
    await until(() => $('[data-test="counter"]')?.textContent === '5 / 100')

    $('[data-test="save"]')!.click()
    await until(() => !!$('[role="alertdialog"]'))
    expect($('[role="alertdialog"]')?.textContent).toContain('The changes will be applied to all users the policy is embedded: roles Analyst; members holding them: 1.')
    expect(events).toEqual([])
    $('[role="alertdialog"] [data-test="confirm"]')!.click()
    await until(() => wrapper.get(transactions).text().includes('5 granted'))
    expect(events).toEqual([['policy-changed', expect.objectContaining({ organizationId: orgs.payments, action: 'updated' })]])
  })

  it('a refusal shows the server\'s message in the user\'s language and keeps the dialog open', async () => {
    await signInStores(stack, 'admin@payments.demo', orgs.payments)
    const { wrapper } = mountScreen(PoliciesScreen, 'uk')
    await until(() => wrapper.find(transactions).exists())
    await wrapper.get('[data-test="add"]').trigger('click')
    await until(() => !!$('[data-test="policy-editor"]'))
    const name = $<HTMLInputElement>('[data-test="policy-name"]')!
    name.value = 'Developers'
    name.dispatchEvent(new Event('input'))
    $('[data-test="save"]')!.click()
    await until(() => !!$('[data-test="refusal"]'))
    expect($('[data-test="refusal"]')?.textContent?.trim()).toBe('Така назва вже використовується.')
    expect($('[data-test="policy-editor"]')).not.toBeNull()
  })

  it.each([
    ['en', 'Settings page', 'Outside this product’s catalog'],
    ['uk', 'Сторінка «Налаштування»', 'Поза каталогом дозволів цього продукту'],
  ] as const)('%s: a key a policy keeps from outside the product\'s catalog shows its label, marked as such', async (locale, label, mark) => {
    await signInStores(stack, 'admin@payments.demo', orgs.payments)
    // NOTE: created after the caller's permissions were read, so the tree cannot rely on my_permissions listing it.
    const roles = useRolesStore()
    const kept = await roles.createPolicy(`Settings pages ${locale}`, ['settings.view', 'payouts.view'])
    const { wrapper } = mountScreen(PoliciesScreen, locale)
    const row = `tr[data-policy="Settings pages ${locale}"]`
    await until(() => wrapper.find(row).exists())
    await wrapper.get(`${row} [data-test="edit"]`).trigger('click')
    await until(() => !!$('[data-test="policy-editor"]'))
    expect($('[data-test="counter"]')?.textContent).toBe('2 / 100')
    const item = (key: string) => $(`[data-test="panel-resource"] [data-item="${key}"]`)
    expect(item('settings.view')?.querySelector('label')?.textContent?.trim()).toBe(label)
    expect(item('settings.view')?.querySelector('[role="checkbox"]')?.getAttribute('data-state')).toBe('checked')
    expect(item('settings.view')?.querySelector('[data-test="source"]')?.textContent).toBe(mark)
    // A key of the product's own catalog carries no mark.
    expect(item('payouts.view')?.querySelector('[data-test="source"]')).toBeNull()
    await roles.deletePolicy(kept.id)
  })

  it('deleting an unused policy is confirmed, then it leaves the list and the host hears of it', async () => {
    await signInStores(stack, 'admin@payments.demo', orgs.payments)
    const unused = await useRolesStore().createPolicy('Unused for deletion', ['payouts.view'])
    const { wrapper, events } = mountScreen(PoliciesScreen)
    const row = 'tr[data-policy="Unused for deletion"]'
    await until(() => wrapper.find(row).exists())
    await wrapper.get(`${row} [data-test="delete"]`).trigger('click')
    await until(() => !!$('[role="alertdialog"] [data-test="confirm"]'))
    expect(events).toEqual([])
    $('[role="alertdialog"] [data-test="confirm"]')!.click()
    await until(() => !wrapper.find(row).exists())
    await until(() => !$('[role="alertdialog"]'))
    expect(events).toEqual([['policy-changed', { organizationId: orgs.payments, id: unused.id, action: 'deleted' }]])
  })

  it('without policies.manage: the list is shown without edit actions, Add is disabled with the reason', async () => {
    await signInStores(stack, 'analyst@payments.demo', orgs.payments)
    const { wrapper } = mountScreen(PoliciesScreen)
    await until(() => wrapper.find('tr[data-policy]').exists())
    const add = wrapper.get('[data-test="add"]')
    expect(add.attributes('disabled')).toBeDefined()
    expect(wrapper.get(`#${add.attributes('aria-describedby')}`).text()).toContain('Manage permission policies')
    expect(wrapper.find('[data-test="edit"]').exists()).toBe(false)
  })
})
