import { createPinia } from 'pinia'
import { type Component, createApp } from 'vue'
import { followExtensionLocale } from '../../stores/extension/locale.ts'
import { createPanelI18n } from '../i18n.ts'

/**
 * Mounts an extension page's root component (options, popup, side panel) on `selector` with Pinia and the
 * panel's vue-i18n, in the language chosen on the options page; the page switches at once when it changes
 * (in any page). Entrypoints use it through ./mount-page.ts, which also brings the styles.
 */
export async function mountExtensionPage(root: Component, props: Record<string, unknown> = {}, selector = '#app') {
  const i18n = createPanelI18n()
  await followExtensionLocale((locale) => {
    i18n.global.locale.value = locale
    document.documentElement.lang = locale
  })
  return createApp(root, props).use(createPinia()).use(i18n).mount(selector)
}
