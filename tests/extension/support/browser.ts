import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type ChromeMessage, generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build'
import { fakeBrowser } from 'wxt/testing/fake-browser'

// NOTE: not `new URL('…', import.meta.url)`: under happy-dom Vite rewrites that into a page asset URL.
const localesDir = join(dirname(fileURLToPath(import.meta.url)), '../../../locales')

/** The built `_locales/<language>/messages.json` of locales/<language>.yml, as WXT's i18n module writes it. */
async function chromeMessages(language: string): Promise<Record<string, ChromeMessage>> {
  return generateChromeMessages(await parseMessagesFile(join(localesDir, `${language}.yml`)))
}

/**
 * Gives the fake browser a UI language and the extension's messages in it (fake-browser has no i18n):
 * `getMessage` answers from locales/<language>.yml, falling back to English as browsers do, with `$1`…`$9`
 * substitutions; an unknown key answers '' as browsers do.
 */
export async function useBrowserLanguage(language: 'en' | 'uk', uiLanguage = language === 'uk' ? 'uk-UA' : 'en-US') {
  const [own, english] = await Promise.all([chromeMessages(language), chromeMessages('en')])
  fakeBrowser.i18n.getUILanguage = () => uiLanguage
  fakeBrowser.i18n.getMessage = ((name: string, substitutions?: string | string[]) => {
    const message = own[name]?.message ?? english[name]?.message
    if (message === undefined) return ''
    const values = substitutions === undefined ? [] : [substitutions].flat()
    return message.replace(/\$(\d)/g, (_, n: string) => values[Number(n) - 1] ?? '').replaceAll('$$', '$')
  }) as typeof fakeBrowser.i18n.getMessage
}
