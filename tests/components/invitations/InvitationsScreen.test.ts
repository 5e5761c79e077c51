// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import InvitationsScreen from '../../../components/invitations/InvitationsScreen.vue'
import { createRolecallClient } from '../../../stores/api/create-client.ts'
import { useOrganizationStore } from '../../../stores/organization.ts'
import { useSessionStore } from '../../../stores/session.ts'
import { signInStores, useChildStack } from '../support/stack.ts'
import { $, mountScreen, orgs, until } from './support.ts'

describe('InvitationsScreen', async () => {
  const stack = await useChildStack()
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('shows loading, then the invitations with status, sends, expiry and actions', async () => {
    await signInStores(stack, 'admin@payments.demo', orgs.payments)
    const { wrapper } = mountScreen(InvitationsScreen)
    expect(wrapper.find('[data-state="loading"]').exists()).toBe(true)
    await until(() => wrapper.find('tr[data-status]').exists())
    const row = wrapper.get('tr[data-status="pending"]')
    expect(row.text()).toContain('new.analyst@payments.demo')
    expect(row.text()).toContain('Analyst')
    expect(row.text()).toContain('Pending')
    expect(row.text()).toMatch(/link expires in \d+ hours/)
    expect(row.find('[data-test="resend"]').text()).toBe('Resend Invitation')
    expect(row.find('[data-test="revoke"]').text()).toBe('Deactivate Invitation')
    expect(wrapper.get('[data-test="invite"]').attributes('disabled')).toBeUndefined()
  })

  it('resends after a confirmation that the previous link stops working, then deactivates', async () => {
    await signInStores(stack, 'admin@payments.demo', orgs.payments)
    const { wrapper, events } = mountScreen(InvitationsScreen)
    await until(() => wrapper.find('tr[data-status="pending"]').exists())
    const sends = wrapper.get('tr[data-status="pending"]').text()

    await wrapper.get('[data-test="resend"]').trigger('click')
    await until(() => !!$('[role="alertdialog"]'))
    expect($('[role="alertdialog"]')?.textContent).toContain('The previous link stops working at once.')
    $('[data-test="confirm"]')?.click()
    await until(() => wrapper.get('tr[data-status="pending"]').text() !== sends)
    expect(wrapper.get('tr[data-status="pending"]').text()).toMatch(/sent [2-9]×/)
    expect(events.map(([name]) => name)).toEqual(['invitation-sent'])

    await until(() => !$('[role="alertdialog"]'))
    await wrapper.get('[data-test="revoke"]').trigger('click')
    await until(() => !!$('[role="alertdialog"] [data-test="confirm"]'))
    expect($('[role="alertdialog"] [data-test="confirm"]')?.className).toContain('btn-danger')
    $('[data-test="confirm"]')?.click()
    await until(() => wrapper.find('tr[data-status="revoked"]').exists())
    expect(wrapper.get('tr[data-status="revoked"]').find('[data-test="revoke"]').exists()).toBe(false)
  })

  it('without members.invite: the Invite button is disabled with the reason and rows have no actions', async () => {
    await signInStores(stack, 'user@justpaid.demo', orgs.justPaid)
    const { wrapper } = mountScreen(InvitationsScreen)
    await until(() => wrapper.find('[data-state="empty"]').exists())
    const invite = wrapper.get('[data-test="invite"]')
    expect(invite.attributes('disabled')).toBeDefined()
    const reason = wrapper.get(`#${invite.attributes('aria-describedby')}`)
    expect(reason.text()).toBe('You need the “Invite members” permission to invite.')
    expect(wrapper.get('[data-state="empty"]').text()).toBe('No invitations yet.')
  })

  it('an unreachable server shows the error state with a retry, in Ukrainian for Jusnote', async () => {
    await signInStores(stack, 'admin@jusnote.demo', orgs.jusnote)
    // A real supabase-js client pointed at a closed port: the list cannot load.
    await useSessionStore().connect(createRolecallClient('http://127.0.0.1:9', stack.anonKey, { auth: { persistSession: false } }))
    useOrganizationStore().permissions = [...useOrganizationStore().permissions]
    const { wrapper } = mountScreen(InvitationsScreen, 'uk')
    await until(() => wrapper.find('[data-state="error"]').exists())
    // postgrest-js answers a failed fetch with status 0, which the API module names `network`.
    expect(wrapper.get('[data-state="error"]').text()).toContain('Не вдалося з’єднатися з сервером')
    expect(wrapper.get('[data-state="error"] button').text()).toBe('Спробувати ще раз')
    expect(wrapper.get('[data-test="invite"]').text()).toBe('Запросити')
  })
})
