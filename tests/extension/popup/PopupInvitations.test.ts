// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fakeBrowser } from 'wxt/testing/fake-browser'
import { createApi } from '../../../stores/api/index.ts'
import { $, until } from '../../components/invitations/support.ts'
import { invite, orgs, useChildStack } from '../../components/support/stack.ts'
import { mountPopup, resetExtension, signInExtension } from './support.ts'

describe('popup: pending invitations', async () => {
  const stack = await useChildStack()
  /** What the popup told the background. */
  let messages: unknown[] = []
  beforeEach(() => {
    resetExtension()
    messages = []
    fakeBrowser.runtime.onMessage.addListener((message) => void messages.push(message))
  })
  afterEach(resetExtension)

  async function popupOf(email: string) {
    await signInExtension(stack.url, stack.anonKey, email)
    const wrapper = mountPopup()
    await until(() => wrapper.find('[data-organization]').exists() && !wrapper.find('[data-test="refreshing"]').exists())
    return wrapper
  }

  it('accepts an invitation sent through the API: joined, shown, and the background told to refresh', async () => {
    const { invitationId } = await invite(stack, 'admin@paycove.demo', 'a0000000-0000-4000-8000-000000000004', 'user@justpaid.demo')
    const wrapper = await popupOf('user@justpaid.demo')
    const row = wrapper.get(`[data-invitation="${invitationId}"]`)
    expect(row.get('p').text()).toBe('Paycove Demo LLC invites you as Standard user.')
    expect(row.text()).toMatch(/The invitation expires in \d+ hours\./)

    await row.get('[data-test="accept"]').trigger('click')
    await until(() => !wrapper.find('[data-test="invitations"]').exists() && wrapper.findAll('[data-organization]').length === 2)
    expect(wrapper.get('[data-test="organization"]').attributes('aria-label')).toBe('Paycove Demo LLC')
    expect(wrapper.get('[data-organization="a0000000-0000-4000-8000-000000000004"]').text()).toContain('Standard user')
    expect(messages).toContainEqual({ type: 'rolecall:refresh' })
    await until(() => document.body.textContent?.includes('You joined Paycove Demo LLC.') ?? false)
  })

  it('declines only after a confirmation; cancelling keeps the invitation', async () => {
    const { invitationId, admin } = await invite(stack, 'owner@profit.demo', orgs.profit, 'user@justpaid.demo')
    const wrapper = await popupOf('user@justpaid.demo')
    const row = () => wrapper.find(`[data-invitation="${invitationId}"]`)

    await row().get('[data-test="decline"]').trigger('click')
    await until(() => $('[role="alertdialog"]') !== null)
    expect($('[role="alertdialog"] h2')?.textContent).toBe('Decline the invitation to Profit Demo Co.?')
    $('[data-test="cancel"]')?.click()
    await until(() => $('[role="alertdialog"]') === null)
    expect(row().exists()).toBe(true)

    await row().get('[data-test="decline"]').trigger('click')
    await until(() => $('[role="alertdialog"] [data-test="confirm"]') !== null)
    expect($('[role="alertdialog"] [data-test="confirm"]')?.textContent?.trim()).toBe('Decline')
    $('[role="alertdialog"] [data-test="confirm"]')?.click()
    await until(() => !row().exists())
    const sent = (await createApi(admin).invitations.list(orgs.profit)).find((i) => i.id === invitationId)
    expect(sent?.status).toBe('declined')
    expect(messages).toContainEqual({ type: 'rolecall:refresh' })
    expect(wrapper.findAll('[data-organization]').map((org) => org.text())).not.toContainEqual(expect.stringContaining('Profit'))
  })

  it('an address confirmed after the invitation was sent (RC410): says to open the email\'s link', async () => {
    const { invitationId } = await invite(stack, 'admin@justpaid.demo', orgs.justPaid, 'member@blank.demo')
    await stack.sql(`update auth.users set email_confirmed_at = now() + interval '1 minute' where email = 'member@blank.demo'`)
    const wrapper = await popupOf('member@blank.demo')
    await wrapper.get(`[data-invitation="${invitationId}"] [data-test="accept"]`).trigger('click')
    await until(() => wrapper.find('[data-test="open-email"]').exists())
    expect(wrapper.get('[data-test="open-email"]').text())
      .toBe('Open the link in the invitation email to answer it: your address was confirmed after the invitation was sent.')
    expect(wrapper.find(`[data-invitation="${invitationId}"] [data-test="accept"]`).exists()).toBe(false)
  })
})
