// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeBrowser } from 'wxt/testing/fake-browser'
import { connectionItem, LOCAL_PRESET } from '../../../stores/extension/connection.ts'
import { until } from '../../components/invitations/support.ts'
import { freshExtension } from '../support/extension.ts'
import { useLocalPresetStack } from '../support/local-stack.ts'
import { useOrdinarySite } from '../support/not-supabase.ts'
import { mountOptions } from './support.ts'

type Wrapper = ReturnType<typeof mountOptions>

/** Types a project into the form and sends it. */
async function connect(wrapper: Wrapper, url: string, anonKey: string) {
  await wrapper.get('[data-test="project-url"]').setValue(url)
  await wrapper.get('[data-test="anon-key"]').setValue(anonKey)
  await wrapper.get('[data-test="connect-form"]').trigger('submit')
}

/** Waits for the check to end and returns the message under the form. */
async function outcome(wrapper: Wrapper) {
  await until(() => wrapper.find('[data-test="connect"]').attributes('aria-busy') === 'false')
  return wrapper.get('[data-test="connect-error"]').text()
}

describe('options page: the project', async () => {
  await useLocalPresetStack()
  const ordinarySite = await useOrdinarySite()
  let wrapper: Wrapper

  beforeEach(() => freshExtension('en'))
  afterEach(() => {
    wrapper?.unmount()
    vi.unstubAllEnvs()
  })

  it('before any project: says so, and sign-in waits for one', async () => {
    wrapper = mountOptions()
    await until(() => wrapper.find('[data-test="project-status"]').exists())
    expect(wrapper.get('[data-test="project-status"]').text()).toBe('No project is connected yet.')
    expect(wrapper.get('[data-test="connect-first"]').text()).toBe('Connect a project first, then sign in here.')
  })

  it('"Use the local stack" connects to npm start\'s stack in one click, saves it and offers sign-in', async () => {
    wrapper = mountOptions()
    await until(() => wrapper.find('[data-test="use-local"]').exists())
    await wrapper.get('[data-test="use-local"]').trigger('click')
    expect(wrapper.get('[data-test="connect"]').text()).toBe('Checking the project…')
    expect(await outcome(wrapper)).toBe('')
    expect(wrapper.get('[data-test="project-status"]').text()).toBe('Connected to the local stack at http://127.0.0.1:54321.')
    expect(await connectionItem.getValue()).toEqual(LOCAL_PRESET)
    expect((wrapper.get('[data-test="project-url"]').element as HTMLInputElement).value).toBe(LOCAL_PRESET.url)
    await until(() => wrapper.find('[data-test="password-form"]').exists())
  })

  it('a typed project is tidied (no trailing slash, no spaces) and saved', async () => {
    wrapper = mountOptions()
    await until(() => wrapper.find('[data-test="connect-form"]').exists())
    await connect(wrapper, ' http://127.0.0.1:54321/ ', ` ${LOCAL_PRESET.anonKey} `)
    expect(await outcome(wrapper)).toBe('')
    expect(await connectionItem.getValue()).toEqual({ url: LOCAL_PRESET.url, anonKey: LOCAL_PRESET.anonKey })
    expect(wrapper.get('[data-test="project-status"]').text()).toBe('Connected to http://127.0.0.1:54321.')
  })

  it('empty or malformed fields are pointed out, and nothing is sent', async () => {
    wrapper = mountOptions()
    await until(() => wrapper.find('[data-test="connect-form"]').exists())
    await connect(wrapper, '127.0.0.1:54321', '')
    expect(wrapper.get('[data-test="project-url-error"]').text()).toBe('Enter the project URL, starting with https:// (or http:// for a local stack).')
    expect(wrapper.get('[data-test="project-url"]').attributes('aria-invalid')).toBe('true')
    // The screen reader hears the hint, then the problem.
    const described = wrapper.get('[data-test="project-url"]').attributes('aria-describedby')!.split(' ')
    expect(described.map((id) => wrapper.get(`#${id}`).text())).toEqual([
      'From the project’s API settings, for example https://abcdefgh.supabase.co.',
      'Enter the project URL, starting with https:// (or http:// for a local stack).',
    ])
    await connect(wrapper, 'http://127.0.0.1:54321', '')
    expect(wrapper.get('[data-test="project-url-error"]').text()).toBe('')
    expect(wrapper.get('[data-test="anon-key-error"]').text()).toBe('Enter the project’s anon key.')
    expect(wrapper.get('[data-test="connect"]').attributes('aria-busy')).toBe('false')
    expect(await connectionItem.getValue()).toBeNull()
  })

  describe('a project that does not work leaves the last working one in place', () => {
    beforeEach(() => connectionItem.setValue(LOCAL_PRESET))

    it.each([
      ['a wrong URL (nothing answers)', () => 'http://127.0.0.1:1', LOCAL_PRESET.anonKey,
        'Nothing answered at this address. Check the URL, and that the project (or npm start) is running.'],
      ['a wrong key', () => LOCAL_PRESET.url, 'eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiYW5vbiJ9.not-the-key',
        'The project refused this key. Copy the anon key again from the project’s API settings.'],
      ['a web site that is not Supabase', () => ordinarySite, LOCAL_PRESET.anonKey,
        'This address answers, but it is not a Supabase project. Use the project URL from the API settings.'],
    ])('%s', async (_, url, anonKey, message) => {
      wrapper = mountOptions()
      await until(() => wrapper.find('[data-test="connect-form"]').exists())
      await connect(wrapper, url(), anonKey)
      expect(await outcome(wrapper)).toBe(`${message} Your previous settings are kept: http://127.0.0.1:54321.`)
      expect(await connectionItem.getValue()).toEqual(LOCAL_PRESET)
      expect(wrapper.get('[data-test="project-status"]').text()).toBe('Connected to the local stack at http://127.0.0.1:54321.')
    })

    it('in Ukrainian too', async () => {
      wrapper = mountOptions('uk')
      await until(() => wrapper.find('[data-test="connect-form"]').exists())
      await connect(wrapper, LOCAL_PRESET.url, 'wrong')
      expect(await outcome(wrapper)).toBe('Проєкт відхилив цей ключ. Скопіюйте anon-ключ ще раз з налаштувань API проєкту. Попередні налаштування збережено: http://127.0.0.1:54321.')
    })
  })

  it('a hosted project asks the browser for its site first; refused, nothing is sent or saved', async () => {
    const asked: unknown[] = []
    fakeBrowser.permissions.request = (async (permissions: unknown) => {
      asked.push(permissions)
      return false
    }) as typeof fakeBrowser.permissions.request
    wrapper = mountOptions()
    await until(() => wrapper.find('[data-test="connect-form"]').exists())
    await connect(wrapper, 'https://abcdefgh.supabase.co:8443/', 'key')
    expect(asked).toEqual([{ origins: ['https://abcdefgh.supabase.co/*'] }])
    expect(await outcome(wrapper)).toBe('Rolecall needs your permission to reach this site. Connect again and allow it.')
    expect(await connectionItem.getValue()).toBeNull()
  })

  it('a build preconfigured with a project shows it and no form', async () => {
    vi.stubEnv('WXT_ROLECALL_URL', LOCAL_PRESET.url)
    vi.stubEnv('WXT_ROLECALL_ANON_KEY', LOCAL_PRESET.anonKey)
    wrapper = mountOptions()
    await until(() => wrapper.find('[data-test="project-status"]').exists())
    expect(wrapper.get('[data-test="project-status"]').text()).toBe('This build of Rolecall is set up for http://127.0.0.1:54321.')
    expect(wrapper.find('[data-test="connect-form"]').exists()).toBe(false)
    await until(() => wrapper.find('[data-test="password-form"]').exists())
  })
})
