import { mount } from '@vue/test-utils'
import { getActivePinia } from 'pinia'
import { defineComponent, h, shallowRef, type Component } from 'vue'
import { createPanelI18n } from '../../../components/i18n.ts'
import { panelContextKey, type PanelChange } from '../../../components/panel/context.ts'
import NotificationProvider from '../../../components/shared/NotificationProvider.vue'

/** Seed organization ids (supabase/seed.sql). */
export const orgs = {
  justPaid: 'a0000000-0000-4000-8000-000000000001',
  jusnote: 'a0000000-0000-4000-8000-000000000002',
  payments: 'a0000000-0000-4000-8000-000000000005',
}

/**
 * Mounts a screen as the panel would: inside a notification provider, with the panel's context and the
 * already signed-in Pinia (`signedInStores`); `events` collects what the screen tells the host.
 */
export function mountScreen(screen: Component, locale = 'en') {
  const events: [string, PanelChange][] = []
  const pinia = getActivePinia()
  if (!pinia) throw new Error('sign in with signedInStores() first')
  const wrapper = mount(defineComponent(() => () => h(NotificationProvider, () => h(screen))), {
    attachTo: document.body,
    global: {
      plugins: [pinia, createPanelI18n(locale)],
      provide: {
        [panelContextKey as symbol]: {
          client: shallowRef(undefined),
          organization: shallowRef(undefined),
          emit: (name: string, change: PanelChange) => events.push([name, change]),
        },
      },
    },
  })
  return { wrapper, events }
}

/** Waits until `check` passes (the real stack answers over HTTP), up to `timeout` ms. */
export async function until(check: () => boolean, timeout = 10_000) {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > timeout) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** The first element matching `selector` anywhere in the document (dialogs render outside the wrapper's root). */
export const $ = <E extends Element = HTMLElement>(selector: string) => document.querySelector<E>(selector)
