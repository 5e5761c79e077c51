import { createPinia } from 'pinia'
import { defineCustomElement } from 'vue'
import { I18nInjectionKey } from 'vue-i18n'
import { createPanelI18n } from '../i18n.ts'
import TeamPanel from './TeamPanel.vue'

/** The custom element's tag. */
export const teamPanelTag = 'rolecall-team-panel'

/**
 * The `<rolecall-team-panel>` class: {@link TeamPanel} in a shadow root with `styles` inside it, and a Pinia
 * and a vue-i18n of its own (so two panels on one page, or a Vue host's own stores, never mix).
 * Attributes (each also a property): `supabase-url` and `anon-key` (the panel then makes its own client,
 * shows its sign-in and offers "Sign out"), `organization` (chosen first), `locale`, `theme`, `accent`,
 * `resource-sources` (JSON: `[{"type":"project","schema":"example","table":"projects","label":"name"}]`;
 * the `resourceSources` property takes the array itself). Property only: `client`, the host's signed-in
 * supabase-js client (its sign-in and sign-out stay with the host). Events `member-changed`,
 * `invitation-sent`, `role-changed`, … (`event.detail[0]` is the change).
 */
export function defineTeamPanelElement(styles: string[]) {
  return defineCustomElement(TeamPanel, {
    styles,
    configureApp(app) {
      app.use(createPinia())
      // NOTE: the browser's language until the `locale` attribute (or the organization's language) says otherwise.
      const i18n = createPanelI18n(typeof navigator === 'undefined' ? undefined : navigator.language)
      app.use(i18n)
      // NOTE: vue-i18n finds itself in a custom element's root component only under I18nInjectionKey.
      app.provide(I18nInjectionKey, i18n)
    },
  })
}

/** Defines `<rolecall-team-panel>` once (a second bundle on the page, or hot reload, leaves the first). */
export function registerTeamPanel(styles: string[], registry: CustomElementRegistry = customElements) {
  if (!registry.get(teamPanelTag)) registry.define(teamPanelTag, defineTeamPanelElement(styles))
}
