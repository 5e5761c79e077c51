import { storage } from 'wxt/utils/storage'
import { browser } from 'wxt/browser'
import { type Locale, toLocale } from '../../components/i18n.ts'

/** The language chosen on the options page: `auto` follows the browser's. */
export type LocaleChoice = 'auto' | Locale

/** The language of the extension's pages (popup, options, side panel); `auto` until the user picks one. */
export const localeItem = storage.defineItem<LocaleChoice>('local:rolecall.locale', { fallback: 'auto' })

/** The language a choice means: `auto` is the browser's UI language when Rolecall speaks it, else English. */
export function resolveLocale(choice: LocaleChoice, uiLanguage: string): Locale {
  return choice === 'auto' ? toLocale(uiLanguage) : choice
}

/** The language the extension's pages speak now. */
export async function extensionLocale(): Promise<Locale> {
  return resolveLocale(await localeItem.getValue(), browser.i18n.getUILanguage())
}

/**
 * Calls `apply` with the pages' language now and again whenever the options page changes it (in any
 * open page of the extension); returns the function that stops following.
 */
export async function followExtensionLocale(apply: (locale: Locale) => void): Promise<() => void> {
  apply(await extensionLocale())
  return localeItem.watch((choice) => apply(resolveLocale(choice, browser.i18n.getUILanguage())))
}
