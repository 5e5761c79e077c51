// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fakeBrowser } from 'wxt/testing/fake-browser'
import { extensionAuthStorage, sessionKey } from '../../../stores/extension/client.ts'
import type { Connection } from '../../../stores/extension/connection.ts'
import { until } from '../../components/invitations/support.ts'
import { clientOf, demoPassword, useChildStack } from '../../components/support/stack.ts'
import { backgroundInbox, freshExtension } from '../support/extension.ts'
import { mountOptions } from './support.ts'

type Wrapper = ReturnType<typeof mountOptions>

describe('options page: signing in and out', async () => {
  const stack = await useChildStack()
  const project: Connection = { url: stack.url, anonKey: stack.anonKey }
  /** The stored session of the project, as every context of the extension reads it. */
  const storedSession = async () => JSON.parse((await extensionAuthStorage.getItem(sessionKey(project))) ?? 'null') as { user: { email: string } } | null
  let wrapper: Wrapper
  let inbox: unknown[]

  beforeEach(async () => {
    await freshExtension('en', project)
    inbox = backgroundInbox()
  })
  afterEach(() => wrapper?.unmount())

  async function signedOutPage(locale = 'en') {
    wrapper = mountOptions(locale)
    await until(() => wrapper.find('[data-test="password-form"]').exists())
    return wrapper
  }

  it('signed out: the password and email-code ways are offered, nobody is named', async () => {
    await signedOutPage()
    expect(wrapper.find('[data-test="account"]').exists()).toBe(false)
    expect(wrapper.get('[data-test="method-password"]').attributes('aria-selected')).toBe('true')
    expect(wrapper.get('[data-test="method-code"]').text()).toBe('Code by email')
    expect(await storedSession()).toBeNull()
  })

  it('a wrong password is refused in words, and nothing is stored', async () => {
    await signedOutPage()
    await wrapper.get('[data-test="email"]').setValue('user@justpaid.demo')
    await wrapper.get('[data-test="password"]').setValue('not the password')
    await wrapper.get('[data-test="password-form"]').trigger('submit')
    await until(() => wrapper.get('[data-test="form-error"]').text() !== '')
    expect(wrapper.get('[data-test="form-error"]').text()).toBe('Wrong email or password.')
    expect(await storedSession()).toBeNull()
    expect(inbox).toEqual([])
  })

  it('password sign-in names the user, stores the session for every page, and asks the background to refresh', async () => {
    await signedOutPage()
    await wrapper.get('[data-test="email"]').setValue('user@justpaid.demo')
    await wrapper.get('[data-test="password"]').setValue(demoPassword)
    await wrapper.get('[data-test="password-form"]').trigger('submit')
    await until(() => wrapper.find('[data-test="signed-in-as"]').exists())
    expect(wrapper.get('[data-test="signed-in-as"]').text()).toBe('Signed in as user@justpaid.demo')
    expect((await storedSession())?.user.email).toBe('user@justpaid.demo')
    await until(() => inbox.length > 0)
    expect(inbox).toEqual([{ type: 'rolecall:refresh' }])

    // Another page opened later finds the same session.
    const second = mountOptions()
    await until(() => second.find('[data-test="signed-in-as"]').exists())
    second.unmount()
  })

  it('signs in with the 6-digit code from the email', async () => {
    await signedOutPage()
    await wrapper.get('[data-test="method-code"]').trigger('mousedown', { button: 0 })
    await until(() => wrapper.find('[data-test="code-form-email"]').exists())
    await wrapper.get('[data-test="code-form-email"] [data-test="email"]').setValue('accountant@justpaid.demo')
    await wrapper.get('[data-test="code-form-email"]').trigger('submit')
    await until(() => wrapper.find('[data-test="code-sent"]').exists())
    const [mail] = await stack.mailTo('accountant@justpaid.demo')
    const code = /code: (\d{6})/.exec(mail?.text ?? '')?.[1]
    expect(code).toMatch(/^\d{6}$/)
    await wrapper.get('[data-test="code"]').setValue(code!)
    await wrapper.get('[data-test="code-form-code"]').trigger('submit')
    await until(() => wrapper.find('[data-test="signed-in-as"]').exists())
    expect(wrapper.get('[data-test="signed-in-as"]').text()).toBe('Signed in as accountant@justpaid.demo')
    expect((await storedSession())?.user.email).toBe('accountant@justpaid.demo')
    await until(() => inbox.length > 0)
    expect(inbox).toEqual([{ type: 'rolecall:refresh' }])
  })

  it('sign-out forgets the session everywhere and asks the background to refresh', async () => {
    await signedOutPage()
    await wrapper.get('[data-test="email"]').setValue('admin@justpaid.demo')
    await wrapper.get('[data-test="password"]').setValue(demoPassword)
    await wrapper.get('[data-test="password-form"]').trigger('submit')
    await until(() => wrapper.find('[data-test="sign-out"]').exists())
    await until(() => inbox.length === 1)

    await wrapper.get('[data-test="sign-out"]').trigger('click')
    await until(() => wrapper.find('[data-test="password-form"]').exists())
    expect(wrapper.find('[data-test="signed-in-as"]').exists()).toBe(false)
    expect(await storedSession()).toBeNull()
    await until(() => inbox.length === 2)
    expect(inbox).toEqual([{ type: 'rolecall:refresh' }, { type: 'rolecall:refresh' }])
  })

  it('follows a session stored and removed by another context of the extension', async () => {
    await signedOutPage()
    // The popup (another context) signs in: supabase-js there writes the session to the shared storage.
    const { data } = await clientOf(stack).auth.signInWithPassword({ email: 'user@jusnote.demo', password: demoPassword })
    await extensionAuthStorage.setItem(sessionKey(project), JSON.stringify(data.session))
    await until(() => wrapper.find('[data-test="signed-in-as"]').exists())
    expect(wrapper.get('[data-test="signed-in-as"]').text()).toBe('Signed in as user@jusnote.demo')

    // The background finds the session revoked and supabase-js there removes it.
    await fakeBrowser.storage.local.remove(sessionKey(project))
    await until(() => wrapper.find('[data-test="password-form"]').exists())
  })

  it('speaks Ukrainian for Jusnote\'s users', async () => {
    await signedOutPage('uk')
    await wrapper.get('[data-test="email"]').setValue('user@jusnote.demo')
    await wrapper.get('[data-test="password"]').setValue(demoPassword)
    await wrapper.get('[data-test="password-form"]').trigger('submit')
    await until(() => wrapper.find('[data-test="signed-in-as"]').exists())
    expect(wrapper.get('[data-test="signed-in-as"]').text()).toBe('Ви увійшли як user@jusnote.demo')
    expect(wrapper.get('[data-test="sign-out"]').text()).toBe('Вийти')
  })
})
