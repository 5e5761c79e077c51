// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import SettingsScreen from '../../../components/settings/SettingsScreen.vue'
import { intervalHours } from '../../../components/settings/settings-format.ts'
import { useOrganizationStore } from '../../../stores/organization.ts'
import { useSessionStore } from '../../../stores/session.ts'
import { signInStores, useChildStack } from '../support/stack.ts'
import { $, mountScreen, orgs, until } from '../invitations/support.ts'

describe('SettingsScreen', async () => {
  const stack = await useChildStack()
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it.each([['72:00:00', 72], ['3 days', 72], ['1 day 02:00:00', 26], ['01:00:00', 1], ['', null]])('reads the interval %s as %s hours', (text, hours) => {
    expect(intervalHours(text)).toBe(hours)
  })

  it('the primary changes the invitation lifetime, in Jusnote\'s words; the host hears of it', async () => {
    await signInStores(stack, 'admin@jusnote.demo', orgs.jusnote)
    const { wrapper, events } = mountScreen(SettingsScreen, 'uk')
    expect(wrapper.find('[data-state="loading"]').exists()).toBe(true)
    await until(() => wrapper.find('[data-test="account"]').exists())
    expect(wrapper.get('h2').text()).toBe('Налаштування')
    expect(wrapper.get('[data-test="account"] h3').text()).toBe('Обліковий запис')
    expect(wrapper.get('[data-test="close-account"]').text()).toBe('Закрити аккаунт')
    expect((wrapper.get('[data-test="ttl"]').element as HTMLInputElement).value).toBe('72')
    expect(wrapper.get('[data-test="mode-multi"]').attributes('disabled')).toBeUndefined()
    expect(wrapper.find('[data-test="readonly-reason"]').exists()).toBe(false)

    await wrapper.get('[data-test="ttl"]').setValue(48)
    await wrapper.get('[data-test="account"]').trigger('submit')
    await until(() => events.length > 0)
    expect(intervalHours(useOrganizationStore().settings?.invitation_ttl)).toBe(48)
    expect(events).toEqual([['settings-changed', { organizationId: orgs.jusnote, id: orgs.jusnote, action: 'updated' }]])
  })

  it('a second admin sees the admin mode and closing disabled with the reason, the rest editable', async () => {
    await signInStores(stack, 'admin2@jusnote.demo', orgs.jusnote)
    const { wrapper } = mountScreen(SettingsScreen)
    await until(() => wrapper.find('[data-test="admin-mode"]').exists())
    const mode = wrapper.get('[data-test="admin-mode"]')
    expect(mode.attributes('disabled')).toBeDefined()
    expect(wrapper.get(`#${mode.attributes('aria-describedby')}`).text()).toBe('Only the primary member can change the admin mode.')
    const close = wrapper.get('[data-test="close-account"]')
    expect(close.attributes('disabled')).toBeDefined()
    expect(wrapper.get(`#${close.attributes('aria-describedby')}`).text()).toBe('Only the primary member can close the account.')
    expect(wrapper.get('[data-test="account"] fieldset').attributes('disabled')).toBeUndefined()
  })

  it('without settings.manage everything is read-only with the reason; own notifications stay the member\'s', async () => {
    await signInStores(stack, 'user@justpaid.demo', orgs.justPaid)
    const { wrapper } = mountScreen(SettingsScreen)
    await until(() => wrapper.find('[data-test="account"]').exists())
    const fieldset = wrapper.get('[data-test="account"] fieldset')
    expect(fieldset.attributes('disabled')).toBeDefined()
    expect(wrapper.get(`#${fieldset.attributes('aria-describedby')}`).text()).toContain('Manage organization settings')
    const mine = wrapper.get('[data-test="my-notifications"]')
    expect(mine.attributes('disabled')).toBeUndefined()
    const before = useOrganizationStore().myMember?.notifications
    await mine.setValue(!before)
    await until(() => useOrganizationStore().myMember?.notifications === !before)
  })

  it('closing a fresh Jusnote account needs its name typed back; then the store reports it closed', async () => {
    await signInStores(stack, 'admin@jusnote.demo', orgs.jusnote)
    const id = await useSessionStore().requireApi().organizations.create('ТОВ Тест', 'jusnote', 'uk')
    await useOrganizationStore().load(id)
    const { wrapper, events } = mountScreen(SettingsScreen)
    await until(() => wrapper.find('[data-test="close-account"]').exists())
    await wrapper.get('[data-test="close-account"]').trigger('click')
    await until(() => !!$('[role="alertdialog"]'))
    const dialog = $('[role="alertdialog"]')!
    expect(dialog.textContent).toContain('Close the account “ТОВ Тест”?')
    expect(dialog.textContent).toContain('1 active members lose access at once')
    expect(dialog.textContent).toContain('the audit trail stays, and support can reopen the account')
    const confirm = $<HTMLButtonElement>('[role="alertdialog"] [data-test="confirm"]')!
    expect(confirm.className).toContain('btn-danger')
    expect(confirm.disabled).toBe(true)
    const input = $<HTMLInputElement>('[data-test="confirm-name"]')!
    input.value = 'ТОВ'
    input.dispatchEvent(new Event('input'))
    await until(() => confirm.disabled)
    input.value = ' тов тест '
    input.dispatchEvent(new Event('input'))
    await until(() => !confirm.disabled)
    confirm.click()
    await until(() => useOrganizationStore().settings?.closed_at != null)
    await until(() => wrapper.find('[data-test="closed"]').exists())
    expect(wrapper.get('[data-test="closed"]').text()).toContain('Contact support to reopen it.')
    await until(() => events.length > 0)
    expect(events.map(([name, change]) => [name, change.action])).toEqual([['settings-changed', 'closed']])
  })
})
