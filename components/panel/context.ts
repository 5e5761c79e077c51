import type { AnyClient, ResourceSource } from '../../stores/api/index.ts'
import { inject, type InjectionKey, type Ref, type ShallowRef } from 'vue'

/** What a change event carries to the host page (`event.detail[0]` on the custom element). */
export interface PanelChange {
  /** The organization the change happened in. */
  organizationId: string
  /** The member, invitation, role or policy changed. */
  id: string
  /** What happened, e.g. `role_changed`, `removed`, `sent`. */
  action: string
}

/** The events the panel sends to its host. */
export type PanelEvents = {
  'member-changed': [change: PanelChange]
  'invitation-sent': [change: PanelChange]
  'role-changed': [change: PanelChange]
  'policy-changed': [change: PanelChange]
  'settings-changed': [change: PanelChange]
}

/** Sends one of {@link PanelEvents} out of the panel. */
export type PanelEmit = <K extends keyof PanelEvents>(name: K, ...args: PanelEvents[K]) => void

/** What the panel gives its screens and stores. */
export interface PanelContext {
  /** The host's supabase-js client, or one made from `supabase-url` / `anon-key`; undefined until ready. */
  client: Readonly<ShallowRef<AnyClient | undefined>>
  /** The organization id the host chose; undefined: the organization switcher decides. */
  organization: Readonly<Ref<string | undefined>>
  /**
   * The vendor's resource tables for the member card (the panel's `resourceSources`); undefined: the
   * card's default. Optional, so a screen mounted in a test's hand-made context needs none.
   */
  resourceSources?: Readonly<Ref<readonly ResourceSource[] | undefined>>
  /** Tells the host about a change that went through. */
  emit: PanelEmit
}

/** The key {@link TeamPanel} provides its {@link PanelContext} under. */
export const panelContextKey: InjectionKey<PanelContext> = Symbol('rolecall-panel')

/** The enclosing panel's context; throws outside a panel, where a screen cannot work. */
export function usePanel(): PanelContext {
  const context = inject(panelContextKey, null)
  if (!context) throw new Error('usePanel() needs a <TeamPanel> (or <rolecall-team-panel>) around the component')
  return context
}
