import { defineAsyncComponent, h, type Component } from 'vue'
import StateView from '../shared/StateView.vue'

/** The panel's tabs, in order. */
export const panelTabs = ['members', 'invitations', 'roles', 'policies', 'settings', 'audit'] as const
/** One of {@link panelTabs}. */
export type PanelTab = (typeof panelTabs)[number]

/**
 * The permission the server checks behind each tab; a caller without it does not see the tab. Members
 * and settings have none: every member sees the team and the settings (read-only without `settings.manage`).
 */
export const tabPermissions: Partial<Record<PanelTab, string>> = {
  invitations: 'members.invite',
  roles: 'roles.manage',
  policies: 'policies.manage',
  audit: 'audit.view',
}

// NOTE: a glob, so a screen appears as soon as its folder has a `*Screen.vue` (components/members/MembersScreen.vue,
// …) and the build splits each into its own chunk, loaded the first time its tab opens.
const loaders = import.meta.glob<{ default: Component }>(
  '../{members,invitations,roles,policies,settings,audit}/*Screen.vue',
)

/** The lazily loaded screen of each tab that has one. */
export const panelScreens: Partial<Record<PanelTab, Component>> = Object.fromEntries(
  panelTabs.flatMap((tab) => {
    const loader = Object.entries(loaders).find(([path]) => path.startsWith(`../${tab}/`))?.[1]
    return loader
      ? [[tab, defineAsyncComponent({
          loader,
          loadingComponent: () => h(StateView, { state: 'loading' }),
          errorComponent: () => h(StateView, { state: 'error', error: { messageKey: 'errors.network' } }),
          delay: 150,
        })]]
      : []
  }),
)
