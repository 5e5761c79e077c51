// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import AcceptInvitationPage from '../../../components/accept-invitation/AcceptInvitationPage.vue'
import { useSessionStore } from '../../../stores/session.ts'
import { until } from '../invitations/support.ts'
import { mountWithI18n } from '../mount.ts'
import { type Stack as AcceptStack, clientOf, invite, orgs, useChildStack as useAcceptStack } from '../support/stack.ts'

const fresh = (name: string) => `${name}-${Math.random().toString(36).slice(2, 8)}@example.test`

/** Mounts the page as the demo entry does, on a client of the test stack. */
function mountPage(stack: AcceptStack, props: { token?: string; client?: ReturnType<typeof clientOf> } = {}) {
  return mountWithI18n(AcceptInvitationPage, { props: { client: props.client ?? clientOf(stack), token: props.token, continueUrl: '/demo/' } })
}

describe('AcceptInvitationPage', async () => {
  const stack = await useAcceptStack()
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('a new user reads the link from #token=, sets a password (checked, confirmed) and joins signed in', async () => {
    const email = fresh('new')
    const { link, token } = await invite(stack, 'admin@payments.demo', orgs.payments, email)
    // The stack's functions point the email's link at the stack's own page.
    expect(link.startsWith(`${stack.url}/accept-invitation#token=`)).toBe(true)
    window.history.replaceState(null, '', `/accept-invitation#token=${token}`)

    const wrapper = mountPage(stack)
    expect(window.location.hash).toBe('')
    expect(wrapper.find('[data-state="loading"]').exists()).toBe(true)
    await until(() => wrapper.find('[data-test="form-create"]').exists())
    expect(wrapper.get('h1').text()).toBe('Invitation to Payments Demo Ltd')
    expect(wrapper.get('[data-test="summary-inviter"]').text()).toBe('admin@payments.demo')
    expect((wrapper.get('[data-test="email"]').element as HTMLInputElement).value).toBe(email)

    await wrapper.get('[data-test="password"]').setValue('short')
    await wrapper.get('form').trigger('submit')
    expect(wrapper.get('[data-test="form-error"]').text()).toBe('The password needs at least 8 characters.')
    await wrapper.get('[data-test="password"]').setValue('a new password')
    await wrapper.get('[data-test="confirmation"]').setValue('another one')
    await wrapper.get('form').trigger('submit')
    expect(wrapper.get('[data-test="form-error"]').text()).toBe('The two passwords differ.')

    await wrapper.get('[data-test="confirmation"]').setValue('a new password')
    await wrapper.get('form').trigger('submit')
    await wrapper.get('form').trigger('submit') // a second press while the first runs sends nothing
    expect(wrapper.get('[data-test="submit"]').attributes('disabled')).toBeDefined()
    await until(() => wrapper.find('[data-outcome="accepted"]').exists())
    expect(wrapper.get('[data-outcome="accepted"]').text()).toContain('Welcome to Payments Demo Ltd')
    expect(wrapper.get('[data-test="continue"]').attributes('href')).toBe('/demo/')
    expect(useSessionStore().user?.email).toBe(email)

    // The same link again: used.
    wrapper.unmount()
    const again = mountPage(stack, { token })
    await until(() => again.find('[data-outcome]').exists())
    expect(again.get('[data-outcome]').attributes('data-outcome')).toBe('used')
    expect(again.text()).toContain('This invitation has already been answered')
  })

  it('an expired link shows its page with what to do next', async () => {
    const { token, invitationId } = await invite(stack, 'admin@payments.demo', orgs.payments, fresh('late'))
    await stack.sql(`update rolecall.invitations set expires_at = now() - interval '1 minute' where id = $1`, [invitationId])
    const wrapper = mountPage(stack, { token })
    await until(() => wrapper.find('[data-outcome]').exists())
    expect(wrapper.get('[data-outcome]').attributes('data-outcome')).toBe('expired')
    expect(wrapper.text()).toContain('Ask the person who invited you to send it again.')
  })

  it('a revoked link shows its page, in Ukrainian for Jusnote', async () => {
    const { token, invitationId, admin } = await invite(stack, 'admin@jusnote.demo', orgs.jusnote, fresh('gone'))
    expect((await admin.rpc('revoke_invitation', { p_invitation: invitationId })).error).toBeNull()
    const wrapper = mountPage(stack, { token })
    await until(() => wrapper.find('[data-outcome]').exists())
    expect(wrapper.get('[data-outcome]').attributes('data-outcome')).toBe('revoked')
    expect(wrapper.get('h2').text()).toBe('Запрошення скасовано')
  })

  it('a broken link shows the invalid page', async () => {
    const wrapper = mountPage(stack, { token: 'not-a-real-token' })
    await until(() => wrapper.find('[data-outcome]').exists())
    expect(wrapper.get('[data-outcome]').attributes('data-outcome')).toBe('invalid')
    expect(wrapper.text()).toContain('Open it again from the email')
  })

  it('an existing user signs in (a wrong password stays on the form), then declines', async () => {
    const { token } = await invite(stack, 'admin@justpaid.demo', orgs.justPaid, 'member@blank.demo')
    const wrapper = mountPage(stack, { token })
    await until(() => wrapper.find('[data-test="form-signIn"]').exists())
    expect(wrapper.find('[data-test="confirmation"]').exists()).toBe(false)
    await wrapper.get('[data-test="password"]').setValue('not the password')
    await wrapper.get('form').trigger('submit')
    await until(() => wrapper.get('[data-test="form-error"]').text() !== '')
    expect(wrapper.get('[data-test="form-error"]').text()).toContain('Wrong password')

    await wrapper.get('[data-test="password"]').setValue('rolecall-demo')
    await wrapper.get('form').trigger('submit')
    await until(() => wrapper.find('[data-test="answer"]').exists())
    expect(wrapper.get('[data-test="answer"]').text()).toContain('Signed in as member@blank.demo')
    await wrapper.get('[data-test="decline"]').trigger('click')
    // Declining uses the invitation up: it asks first.
    await until(() => document.querySelector('[role="alertdialog"] [data-test="confirm"]') !== null)
    expect(document.querySelector('[role="alertdialog"]')?.textContent).toContain('Decline the invitation to')
    expect(wrapper.find('[data-outcome="declined"]').exists()).toBe(false)
    document.querySelector<HTMLButtonElement>('[role="alertdialog"] [data-test="confirm"]')!.click()
    await until(() => wrapper.find('[data-outcome="declined"]').exists())
    expect(wrapper.text()).toContain('Invitation declined')
  })

  it('signed in as another address: says so and offers to sign out', async () => {
    const { token } = await invite(stack, 'admin@justpaid.demo', orgs.justPaid, 'admin@blank.demo')
    const client = clientOf(stack)
    await client.auth.signInWithPassword({ email: 'user@justpaid.demo', password: 'rolecall-demo' })
    const wrapper = mountPage(stack, { token, client })
    await until(() => wrapper.find('[data-outcome="otherEmail"]').exists())
    expect(wrapper.text()).toContain('You are signed in as user@justpaid.demo, but the invitation was sent to admin@blank.demo.')
    await wrapper.get('[data-test="sign-out"]').trigger('click')
    await until(() => wrapper.find('[data-test="form-signIn"]').exists())
  })
})
