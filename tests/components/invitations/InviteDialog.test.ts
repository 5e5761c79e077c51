// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import InvitationsScreen from '../../../components/invitations/InvitationsScreen.vue'
import { useRolesStore } from '../../../stores/roles.ts'
import { signInStores, useChildStack } from '../support/stack.ts'
import { mountScreen, orgs, until } from './support.ts'

describe('InviteDialog', async () => {
  const stack = await useChildStack()
  afterEach(() => {
    document.body.innerHTML = ''
  })

  /** The screen with the dialog opened from its Invite button, as a keyboard user would. */
  async function openDialog(email: string, org: string, locale = 'en') {
    await signInStores(stack, email, org)
    const mounted = mountScreen(InvitationsScreen, locale)
    const { wrapper } = mounted
    await until(() => wrapper.find('[data-state="empty"], tr[data-status]').exists())
    const invite = wrapper.get('[data-test="invite"]')
    ;(invite.element as HTMLButtonElement).focus()
    await invite.trigger('click')
    await until(() => wrapper.find('[data-test="invite-dialog"] [data-test="email"]').exists())
    return { ...mounted, invite }
  }

  const roleName = (id: string) => useRolesStore().roles.find((role) => role.id === id)?.name

  it('JustPaid: User preselected with its checkboxes; a bad email is announced; a sent invitation shows its expiry', async () => {
    const { wrapper, events } = await openDialog('admin@justpaid.demo', orgs.justPaid)
    const dialog = wrapper.get('[data-test="invite-dialog"]')
    expect(dialog.get('[role="dialog"] h2, h2').text()).toBe('Invite New User')
    expect(roleName((dialog.get('[data-test="role"]').element as HTMLSelectElement).value)).toBe('User')
    expect(dialog.get('[role="group"]').text()).toContain('Approve Bills')
    expect(dialog.get('label[for="' + dialog.get('[data-test="email"]').attributes('id') + '"]').text()).toBe('Email')

    await dialog.get('[data-test="email"]').setValue('not-an-email')
    await dialog.get('form').trigger('submit')
    const described = dialog.get('[data-test="email"]').attributes('aria-describedby')
    expect(dialog.get(`#${described}`).text()).toBe('Enter a valid email address.')
    expect(dialog.get(`#${described}`).attributes('aria-live')).toBe('polite')

    await dialog.get('[data-test="email"]').setValue('new.user@example.test')
    await dialog.get('form').trigger('submit')
    await until(() => wrapper.find('[data-test="sent"]').exists())
    expect(wrapper.get('[data-test="sent"]').text()).toMatch(/Invitation sent to new\.user@example\.test: the link expires in 72 hours\./)
    expect(wrapper.get('[data-test="email-sent"]').text()).toBe('The invitation email went out.')
    expect(events.map(([name, change]) => [name, change.action])).toEqual([['invitation-sent', 'sent']])
    await until(() => wrapper.find('tr[data-status="pending"]').exists())
    expect(wrapper.get('tr[data-status="pending"]').text()).toContain('new.user@example.test')
  })

  it('a refusal shows the server\'s code in the user\'s words (RC405), and closing returns focus to Invite', async () => {
    const { wrapper, invite } = await openDialog('admin@justpaid.demo', orgs.justPaid)
    await wrapper.get('[data-test="email"]').setValue('user@justpaid.demo')
    await wrapper.get('form').trigger('submit')
    await until(() => wrapper.get('[data-test="refusal"]').text() !== '')
    expect(wrapper.get('[data-test="refusal"]').attributes('role')).toBe('alert')
    expect(wrapper.get('[data-test="refusal"]').text()).toContain('This person is already a member.')
    expect(wrapper.get('[data-test="refusal"]').text()).toContain('Code RC405')

    await wrapper.get('[data-test="close"]').trigger('click')
    await until(() => !wrapper.find('[data-test="invite-dialog"]').exists())
    expect(document.activeElement).toBe(invite.element)
  })

  it('Jusnote: «Запросити» with «Користувач» preselected', async () => {
    const { wrapper } = await openDialog('admin@jusnote.demo', orgs.jusnote, 'uk')
    const dialog = wrapper.get('[data-test="invite-dialog"]')
    expect(dialog.find('h2').text()).toBe('Запросити')
    expect(roleName((dialog.get('[data-test="role"]').element as HTMLSelectElement).value)).toBe('Користувач')
    expect(dialog.find('[data-test="ip-allowlist"]').exists()).toBe(false)
  })

  it('payments platform: the allowlist shows the server\'s RC303 beside the field', async () => {
    const { wrapper } = await openDialog('admin@payments.demo', orgs.payments)
    await wrapper.get('[data-test="email"]').setValue('ip.user@example.test')
    await wrapper.get('[data-test="ip-allowlist"]').setValue('203.0.113.7\n10.0.0.5/24')
    await wrapper.get('form').trigger('submit')
    await until(() => wrapper.get('[data-test="ip-error"]').text() !== '')
    expect(wrapper.get('[data-test="ip-error"]').text()).toContain('Not an IP address, network or range.')
    expect(wrapper.get('[data-test="ip-allowlist"]').attributes('aria-invalid')).toBe('true')
    expect(wrapper.get('[data-test="refusal"]').text()).toBe('')
  })

  it('bulk: a CSV goes through inviteMany with a result per row', async () => {
    const { wrapper, events } = await openDialog('admin@justpaid.demo', orgs.justPaid)
    const bulkTab = wrapper.findAll('[data-test="invite-dialog"] [role="tab"]').find((tab) => tab.text() === 'Import CSV')
    // reka-ui tabs switch on mousedown (left button).
    await bulkTab?.trigger('mousedown', { button: 0 })
    await until(() => wrapper.find('[data-test="csv"]').exists())
    await wrapper.get('[data-test="csv"]').setValue('email,role,permissions\ncsv.one@example.test,User,\nuser@justpaid.demo,User,\n')
    await wrapper.get('[data-test="csv"]').element.closest('form')?.dispatchEvent(new Event('submit'))
    await until(() => wrapper.find('[data-test="bulk-results"]').exists())
    const results = wrapper.get('[data-test="bulk-results"]')
    expect(results.text()).toContain('1 of 2 sent')
    expect(results.get('li[data-ok="true"]').text()).toContain('csv.one@example.test')
    expect(results.get('li[data-ok="false"]').text()).toContain('This person is already a member. (RC405)')
    expect(events.map(([name]) => name)).toEqual(['invitation-sent'])
  })
})
