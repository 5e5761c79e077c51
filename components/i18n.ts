import { createI18n, useI18n } from 'vue-i18n'
import memberCard from './member-card/messages.ts'
import members from './members/messages.ts'
import panel from './panel/messages.ts'
import errors from './shared/error-messages.ts'
import shared from './shared/messages.ts'
import permissionSources from './shared/permission-source-messages.ts'

/** The languages the panel speaks. */
export const locales = ['en', 'uk'] as const
/** One of {@link locales}. */
export type Locale = (typeof locales)[number]

/** One screen's messages in both languages. */
export interface MessageModule {
  en: Record<string, unknown>
  uk: Record<string, unknown>
}

/**
 * The messages of the first view (shell, shared pieces, errors, the members tab and its card), bundled
 * with the element. A tab loaded later brings its own module through {@link useScreenMessages}, so its
 * words load with its chunk and the first view stays inside the size budget.
 */
export const messageModules = [shared, errors, panel, members, memberCard, permissionSources]

/** All messages of one language, the screens' modules side by side (their top-level keys never overlap). */
export const messages = Object.fromEntries(
  locales.map((locale) => [locale, Object.assign({}, ...messageModules.map((module) => module[locale]))]),
) as Record<Locale, typeof shared.en & typeof errors.en & typeof panel.en & typeof members.en & typeof memberCard.en & typeof permissionSources.en>

/** `value` when it is a supported language (`uk-UA` counts as `uk`), else English. */
export function toLocale(value: string | undefined | null): Locale {
  const base = (value ?? '').toLowerCase().split('-')[0]
  return (locales as readonly string[]).includes(base ?? '') ? (base as Locale) : 'en'
}

/** A fresh vue-i18n instance (composition mode) for one panel; each embedded element has its own. */
export function createPanelI18n(locale?: string) {
  return createI18n({
    legacy: false,
    locale: toLocale(locale),
    fallbackLocale: 'en',
    messages,
  })
}

/** Adds a lazily loaded screen's messages to the panel's i18n; call it in the screen's setup. */
export function useScreenMessages(module: MessageModule): void {
  const i18n = useI18n({ useScope: 'global' })
  for (const locale of locales) i18n.mergeLocaleMessage(locale, module[locale])
}
