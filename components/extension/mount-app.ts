import { createPinia, type Pinia } from 'pinia'
import { type Component, createApp } from 'vue'
import { followExtensionLocale } from '../../stores/extension/locale.ts'
import { createPanelI18n } from '../i18n.ts'

/**
 * Mounts an extension page's root component (options, popup, side panel) on `selector` with Pinia and the
 * panel's vue-i18n, in the language chosen on the options page; the page switches at once when it changes
 * (in any page). `prepare` runs beside reading the language, before the mount (the popup reads its cache
 * there, so its first paint already has data). Entrypoints use it through ./mount-page.ts, which also brings
 * the styles.
 */
export async function mountExtensionPage(root: Component, options: { prepare?: (pinia: Pinia) => Promise<unknown> } = {}, selector = '#app') {
  const i18n = createPanelI18n()
  const pinia = createPinia()
  await Promise.all([
    followExtensionLocale((locale) => {
      i18n.global.locale.value = locale
      document.documentElement.lang = locale
    }),
    options.prepare?.(pinia),
  ])
  return createApp(root).use(pinia).use(i18n).mount(selector)
}
