import { mount, type ComponentMountingOptions } from '@vue/test-utils'
import { createPinia } from 'pinia'
import type { Component } from 'vue'
import { createPanelI18n } from '../../components/i18n.ts'

/** Mounts a component with a fresh Pinia and the panel's i18n (English unless `locale`), attached to the document for focus. */
export function mountWithI18n<C extends Component>(component: C, options: ComponentMountingOptions<C> = {}, locale = 'en') {
  return mount(component, {
    attachTo: document.body,
    ...options,
    global: { ...options.global, plugins: [createPinia(), createPanelI18n(locale), ...(options.global?.plugins ?? [])] },
  } as ComponentMountingOptions<C>)
}

/** Lets promises and Vue's scheduler settle. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0))
