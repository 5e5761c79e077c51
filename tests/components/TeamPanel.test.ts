// @vitest-environment happy-dom
import type { SupabaseClient } from '@supabase/supabase-js'
import { describe, expect, it } from 'vitest'
import { defineComponent, h, isReactive } from 'vue'
import { usePanel, type PanelContext } from '../../components/panel/context.ts'
import TeamPanel from '../../components/panel/TeamPanel.vue'
import type { MyPermission, Organization } from '../../stores/api/index.ts'
import { useOrganizationStore } from '../../stores/organization.ts'
import { useSessionStore } from '../../stores/session.ts'
import { mountWithI18n, settle } from './mount.ts'

/** A stand-in screen that keeps the panel's context, as a real screen (or store) would. */
function probe() {
  const seen: { context?: PanelContext } = {}
  const component = defineComponent({
    setup() {
      seen.context = usePanel()
      return () => h('p', { 'data-test': 'probe' }, 'members here')
    },
  })
  return { seen, component }
}

describe('TeamPanel', () => {
  it('fills a tab from its slot and gives screens the host\'s client, organization and events', async () => {
    const { seen, component } = probe()
    // A stand-in for the host's signed-out client: the session store reads its session on connect.
    const client = { auth: { getSession: async () => ({ data: { session: null } }) }, schema: () => ({}), functions: {} } as unknown as SupabaseClient
    const wrapper = mountWithI18n(TeamPanel, {
      props: { organization: 'org-1', client },
      slots: { members: () => h(component) },
    })
    await settle()
    expect(wrapper.get('[data-test="probe"]').text()).toBe('members here')
    expect(seen.context?.client.value).toBe(client)
    expect(isReactive(seen.context?.client.value)).toBe(false)
    expect(seen.context?.organization.value).toBe('org-1')
    expect(useSessionStore().api?.client).toBe(client)
    const change = { organizationId: 'org-1', id: 'm1', action: 'removed' }
    seen.context?.emit('member-changed', change)
    expect(wrapper.emitted('member-changed')).toEqual([[change]])
  })

  it('shows only the tabs it is given, and hides those the caller may not use', async () => {
    // The members slot: falling back to the members tab must not load the real screen after the test ends.
    const wrapper = mountWithI18n(TeamPanel, { props: { tabs: ['members', 'settings', 'audit'], tab: 'audit' }, slots: { members: () => 'members' } })
    await settle()
    expect(wrapper.findAll('[role="tab"]').map((tab) => tab.text())).toEqual(['Members', 'Settings', 'Audit log'])
    // A User's permissions as my_permissions lists them: the catalog, audit.view not granted.
    useOrganizationStore().permissions = [{ key: 'audit.view', granted: false }, { key: 'bills.view', granted: true }] as MyPermission[]
    await settle()
    expect(wrapper.findAll('[role="tab"]').map((tab) => tab.text())).toEqual(['Members', 'Settings'])
    expect(wrapper.get('[role="tab"][aria-selected="true"]').text()).toBe('Members')
    useOrganizationStore().permissions = [{ key: 'audit.view', granted: true }] as MyPermission[]
    await settle()
    expect(wrapper.findAll('[role="tab"]').map((tab) => tab.text())).toEqual(['Members', 'Settings', 'Audit log'])
  })

  it('speaks the organization\'s language unless the host sets a locale', async () => {
    const wrapper = mountWithI18n(TeamPanel)
    useOrganizationStore().settings = { language: 'uk' } as Organization
    await settle()
    expect(wrapper.get('[role="tab"]').text()).toBe('Команда')
    await wrapper.setProps({ locale: 'en' })
    expect(wrapper.get('[role="tab"]').text()).toBe('Members')
  })

  it('a screen outside a panel fails loudly', () => {
    const { component } = probe()
    expect(() => mountWithI18n(component)).toThrow(/needs a <TeamPanel>/)
  })
})
