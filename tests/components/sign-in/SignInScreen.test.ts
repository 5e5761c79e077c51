// @vitest-environment happy-dom
import type { VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import SignInScreen from '../../../components/sign-in/SignInScreen.vue'
import { useSessionStore } from '../../../stores/session.ts'
import { until } from '../invitations/support.ts'
import { mountWithI18n } from '../mount.ts'
import { clientOf, demoPassword, type Stack, useChildStack } from '../support/stack.ts'

/** The input labelled `label` (its <label for> names it, as a screen reader hears it). */
function field(wrapper: VueWrapper, label: string) {
  const labelElement = wrapper.findAll('label').find((candidate) => candidate.text() === label)
  if (!labelElement) throw new Error(`no field labelled ${label}`)
  return wrapper.get<HTMLInputElement>(`#${labelElement.attributes('for')}`)
}

/** The text a field's `aria-describedby` points at (its problem). */
function problemOf(wrapper: VueWrapper, input: ReturnType<typeof field>) {
  return wrapper.get(`#${input.attributes('aria-describedby')}`).text()
}

/** The 6-digit code of the newest sign-in email to `email`, once `count` of them have arrived. */
async function codeFrom(stack: Stack, email: string, count = 1): Promise<string> {
  for (let tries = 0; tries < 50; tries++) {
    const mails = await stack.mailTo(email)
    const code = mails.length >= count ? /code: (\d{6})/.exec(mails[0]?.text ?? '')?.[1] : undefined
    if (code) return code
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`no code mailed to ${email}`)
}

describe('SignInScreen', async () => {
  const stack = await useChildStack()
  afterEach(() => {
    document.body.innerHTML = ''
  })

  /** The sign-in over a signed-out client of the stack, as the panel shows it. */
  async function mountSignIn(locale = 'en') {
    const wrapper = mountWithI18n(SignInScreen, {}, locale)
    await useSessionStore().connect(clientOf(stack))
    return wrapper
  }

  it('password: problems are named before sending, a wrong password shows the server\'s refusal, the right one signs in', async () => {
    const wrapper = await mountSignIn()
    const session = useSessionStore()
    expect(wrapper.get('h2').text()).toBe('Sign in')
    expect(wrapper.get('[role="tablist"]').attributes('aria-label')).toBe('Way to sign in')
    expect(wrapper.findAll('[role="tab"]').map((tab) => tab.text())).toEqual(['Password', 'Code by email'])
    const email = field(wrapper, 'Email')
    const password = field(wrapper, 'Password')
    expect(email.attributes('autocomplete')).toBe('username')
    expect(password.attributes('type')).toBe('password')

    await wrapper.get('[data-test="password-form"]').trigger('submit')
    expect(problemOf(wrapper, email)).toBe('Enter your email address.')
    expect(email.attributes('aria-invalid')).toBe('true')
    expect(document.activeElement).toBe(email.element)
    await email.setValue('admin@justpaid')
    await wrapper.get('[data-test="password-form"]').trigger('submit')
    expect(problemOf(wrapper, email)).toBe('This does not look like an email address.')

    await email.setValue('admin@justpaid.demo')
    await wrapper.get('[data-test="password-form"]').trigger('submit')
    expect(problemOf(wrapper, email)).toBe('')
    expect(problemOf(wrapper, password)).toBe('Enter your password.')
    expect(document.activeElement).toBe(password.element)

    await password.setValue('not the password')
    await wrapper.get('[data-test="password-form"]').trigger('submit')
    expect(wrapper.get('[data-test="submit"]').text()).toBe('Signing in…')
    expect(wrapper.get('[data-test="submit"]').attributes('disabled')).toBeDefined()
    await until(() => wrapper.get('[data-test="form-error"]').text() !== '')
    // The server's refusal (Auth's invalid_credentials), in words: the password is cleared and focused again.
    expect(session.error?.code).toBe('invalid_credentials')
    expect(session.error?.status).toBe(400)
    expect(wrapper.get('[data-test="form-error"]').text()).toBe('Wrong email or password.')
    expect(wrapper.get('[data-test="form-error"]').attributes('role')).toBe('alert')
    expect(password.element.value).toBe('')
    expect(document.activeElement).toBe(password.element)
    expect(session.signedIn).toBe(false)

    await password.setValue(demoPassword)
    await wrapper.get('[data-test="password-form"]').trigger('submit')
    await until(() => session.signedIn)
    expect(session.user?.email).toBe('admin@justpaid.demo')
    expect(wrapper.get('[data-test="form-error"]').text()).toBe('')
  })

  it('speaks Ukrainian: labels and the server\'s refusal in Jusnote\'s words', async () => {
    const wrapper = await mountSignIn('uk')
    expect(wrapper.get('h2').text()).toBe('Вхід')
    await field(wrapper, 'Електронна пошта').setValue('admin@jusnote.demo')
    await field(wrapper, 'Пароль').setValue('неправильний')
    await wrapper.get('[data-test="password-form"]').trigger('submit')
    await until(() => wrapper.get('[data-test="form-error"]').text() !== '')
    expect(wrapper.get('[data-test="form-error"]').text()).toBe('Неправильна електронна пошта або пароль.')
  })

  it('code by email: reached from the keyboard, an unknown address is refused, the mailed code signs in (a wrong one does not)', async () => {
    const wrapper = await mountSignIn()
    const session = useSessionStore()
    await field(wrapper, 'Email').setValue('user@justpaid.demo')
    const [passwordTab, codeTab] = wrapper.findAll<HTMLElement>('[role="tab"]')
    passwordTab!.element.focus()
    passwordTab!.element.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }))
    await until(() => codeTab!.attributes('aria-selected') === 'true')
    expect(document.activeElement).toBe(codeTab!.element)
    // The address typed for the password carries over.
    const email = field(wrapper, 'Email')
    expect(email.element.value).toBe('user@justpaid.demo')
    expect(wrapper.get('[data-test="code-form-email"] [data-test="submit"]').text()).toBe('Email me a 6-digit code')

    await email.setValue('nobody@justpaid.demo')
    await wrapper.get('[data-test="code-form-email"]').trigger('submit')
    await until(() => wrapper.get('[data-test="form-error"]').text() !== '')
    expect(session.error?.code).toBe('otp_disabled')
    expect(wrapper.get('[data-test="form-error"]').text()).toBe('No user has this address. Ask your administrator for an invitation.')
    expect(await stack.mailTo('nobody@justpaid.demo')).toEqual([])

    await email.setValue('user@justpaid.demo')
    await wrapper.get('[data-test="code-form-email"]').trigger('submit')
    await until(() => wrapper.find('[data-test="code-form-code"]').exists())
    expect(wrapper.get('[data-test="code-sent"]').text()).toBe('We sent a 6-digit code to user@justpaid.demo. It works once and for a short time.')
    const codeInput = field(wrapper, 'Code from the email')
    expect(codeInput.attributes('autocomplete')).toBe('one-time-code')
    expect(codeInput.attributes('inputmode')).toBe('numeric')
    await until(() => document.activeElement === codeInput.element)
    const code = await codeFrom(stack, 'user@justpaid.demo')

    await codeInput.setValue('12345')
    await wrapper.get('[data-test="code-form-code"]').trigger('submit')
    expect(problemOf(wrapper, codeInput)).toBe('Enter the 6 digits from the email.')
    const wrong = code === '000000' ? '111111' : '000000'
    await codeInput.setValue(wrong)
    await wrapper.get('[data-test="code-form-code"]').trigger('submit')
    await until(() => wrapper.get('[data-test="form-error"]').text() !== '')
    expect(session.error?.code).toBe('otp_expired')
    expect(wrapper.get('[data-test="form-error"]').text()).toBe('This code is wrong or has expired. Check the email, or send a new code.')
    expect(session.signedIn).toBe(false)

    // As a mail app copies it, with a space in the middle.
    await codeInput.setValue(`${code.slice(0, 3)} ${code.slice(3)}`)
    await wrapper.get('[data-test="code-form-code"]').trigger('submit')
    expect(wrapper.get('[data-test="code-form-code"] [data-test="submit"]').text()).toBe('Checking…')
    await until(() => session.signedIn)
    expect(session.user?.email).toBe('user@justpaid.demo')
  })

  it('"Use another email" goes back with the address kept; a new code too soon is refused, a later one replaces the last', async () => {
    const wrapper = await mountSignIn()
    const session = useSessionStore()
    await wrapper.get('[data-test="method-code"]').trigger('mousedown')
    await until(() => wrapper.find('[data-test="code-form-email"]').exists())
    await field(wrapper, 'Email').setValue('accountant@justpaid.demo')
    await wrapper.get('[data-test="code-form-email"]').trigger('submit')
    await until(() => wrapper.find('[data-test="code-form-code"]').exists())
    const first = await codeFrom(stack, 'accountant@justpaid.demo')

    await wrapper.get('[data-test="other-email"]').trigger('click')
    await until(() => wrapper.find('[data-test="code-form-email"]').exists())
    expect(field(wrapper, 'Email').element.value).toBe('accountant@justpaid.demo')
    await until(() => document.activeElement === field(wrapper, 'Email').element)

    // The stack lets one code go per second and address (config.toml's max_frequency).
    await new Promise((resolve) => setTimeout(resolve, 1_100))
    await wrapper.get('[data-test="code-form-email"]').trigger('submit')
    await until(() => wrapper.find('[data-test="code-form-code"]').exists())
    await wrapper.get('[data-test="resend"]').trigger('click')
    await until(() => wrapper.get('[data-test="form-error"]').text() !== '')
    expect(session.error?.code).toBe('over_email_send_rate_limit')
    expect(wrapper.get('[data-test="form-error"]').text()).toBe('A code was sent moments ago. Wait a little, then send a new one.')

    await new Promise((resolve) => setTimeout(resolve, 1_100))
    await wrapper.get('[data-test="resend"]').trigger('click')
    await until(() => wrapper.get('[data-test="form-error"]').text() === '' && wrapper.get('[data-test="resend"]').text() === 'Send a new code')
    const latest = await codeFrom(stack, 'accountant@justpaid.demo', 3)
    await field(wrapper, 'Code from the email').setValue(first)
    await wrapper.get('[data-test="code-form-code"]').trigger('submit')
    await until(() => wrapper.get('[data-test="form-error"]').text() !== '')
    expect(session.error?.code).toBe('otp_expired')

    await field(wrapper, 'Code from the email').setValue(latest)
    await wrapper.get('[data-test="code-form-code"]').trigger('submit')
    await until(() => session.signedIn)
    expect(session.user?.email).toBe('accountant@justpaid.demo')
  })
})
