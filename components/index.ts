// For Vue hosts that use the panel's components directly instead of <rolecall-team-panel>: install Pinia and
// `createPanelI18n()` (or merge `messages` into their own vue-i18n), and give the components UnoCSS with the
// project's uno.config.ts, whose tokens live under `.rc-root`.
export { createPanelI18n, locales, messages, toLocale, type Locale } from './i18n.ts'
export { default as TeamPanel } from './panel/TeamPanel.vue'
export { usePanel, type PanelChange, type PanelContext, type PanelEvents } from './panel/context.ts'
export { panelTabs, type PanelTab } from './panel/screens.ts'
export { default as ConfirmDialog } from './shared/ConfirmDialog.vue'
export { default as NotificationProvider } from './shared/NotificationProvider.vue'
export { default as PermissionTree } from './shared/PermissionTree.vue'
export { default as PrimaryBadge } from './shared/PrimaryBadge.vue'
export { default as RoleBadge } from './shared/RoleBadge.vue'
export { default as StateView, type ViewState } from './shared/StateView.vue'
export { useNotify } from './shared/useNotify.ts'
export type { PermissionItem, PermissionSection } from './shared/permission-tree.ts'
export { default as SignInScreen } from './sign-in/SignInScreen.vue'
