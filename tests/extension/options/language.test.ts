// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import type { App } from 'vue'
import { fakeBrowser } from 'wxt/testing/fake-browser'
import { mountExtensionPage } from '../../../components/extension/mount-app.ts'
import OptionsApp from '../../../components/options/OptionsApp.vue'
import { localeItem } from '../../../stores/extension/locale.ts'
import { until } from '../../components/invitations/support.ts'
import { freshExtension } from '../support/extension.ts'

const mounted: App[] = []

/** Mounts the options page as entrypoints/options/main.ts does, into a fresh element of the document. */
async function openPage() {
  const root = document.createElement('div')
  root.id = `page-${mounted.length}`
  document.body.append(root)
  const instance = await mountExtensionPage(OptionsApp, {}, `#${root.id}`)
  mounted.push(instance.$.appContext.app)
  await until(() => root.querySelector('[data-test="language"]') !== null)
  return root
}

const heading = (page: HTMLElement) => page.querySelector('h1')?.textContent?.trim()
const choice = (page: HTMLElement, value: string) => page.querySelector<HTMLInputElement>(`[data-test="language-${value}"]`)!

describe('options page: language', () => {
  afterEach(() => {
    for (const app of mounted.splice(0)) app.unmount()
    document.body.innerHTML = ''
  })

  it('Automatic follows the browser: a Ukrainian browser gets the page in Ukrainian', async () => {
    await freshExtension('uk')
    const page = await openPage()
    expect(heading(page)).toBe('Налаштування Rolecall')
    expect(document.documentElement.lang).toBe('uk')
    expect(choice(page, 'auto').checked).toBe(true)
    expect(choice(page, 'auto').parentElement?.textContent?.trim()).toBe('Автоматично (Українська)')
  })

  it('a browser in a language Rolecall does not speak gets English', async () => {
    await freshExtension('en')
    fakeBrowser.i18n.getUILanguage = () => 'de-DE'
    const page = await openPage()
    expect(heading(page)).toBe('Rolecall settings')
    expect(choice(page, 'auto').parentElement?.textContent?.trim()).toBe('Automatic (English)')
  })

  it('choosing Українська switches this page at once, is stored, and other open pages follow', async () => {
    await freshExtension('en')
    const page = await openPage()
    const other = await openPage()
    expect(heading(page)).toBe('Rolecall settings')

    choice(page, 'uk').click()
    await until(() => heading(page) === 'Налаштування Rolecall')
    expect(choice(page, 'uk').checked).toBe(true)
    expect(await localeItem.getValue()).toBe('uk')
    await until(() => heading(other) === 'Налаштування Rolecall')

    // Back to automatic: the browser's English again, everywhere.
    choice(page, 'auto').click()
    await until(() => heading(page) === 'Rolecall settings' && heading(other) === 'Rolecall settings')
    expect(await localeItem.getValue()).toBe('auto')
  })

  it('the stored choice wins over the browser\'s language on the next opening', async () => {
    await freshExtension('uk')
    await localeItem.setValue('en')
    const page = await openPage()
    expect(heading(page)).toBe('Rolecall settings')
    await until(() => choice(page, 'en').checked)
  })
})
