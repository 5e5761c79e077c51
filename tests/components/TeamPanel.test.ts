// @vitest-environment happy-dom
import type { ComponentMountingOptions, VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h, isReactive } from 'vue'
import { usePanel, type PanelContext } from '../../components/panel/context.ts'
import TeamPanel from '../../components/panel/TeamPanel.vue'
import type { MyPermission, Organization } from '../../stores/api/index.ts'
import { useMembersStore } from '../../stores/members.ts'
import { useOrganizationStore } from '../../stores/organization.ts'
import { useSessionStore } from '../../stores/session.ts'
import { until } from './invitations/support.ts'
import { mountWithI18n, settle } from './mount.ts'
import { clientOf, demoPassword, orgs, useChildStack } from './support/stack.ts'

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

const mounted: VueWrapper[] = []
/** Mounts the panel (unmounted after the test: its own client's timers and listeners stop). */
function mountPanel(options: ComponentMountingOptions<typeof TeamPanel> = {}, locale = 'en') {
  const wrapper = mountWithI18n(TeamPanel, options, locale)
  mounted.push(wrapper)
  return wrapper
}

/** The input labelled `label`. */
function field(wrapper: VueWrapper, label: string) {
  const labelElement = wrapper.findAll('label').find((candidate) => candidate.text() === label)
  if (!labelElement) throw new Error(`no field labelled ${label}`)
  return wrapper.get<HTMLInputElement>(`#${labelElement.attributes('for')}`)
}

/** Signs in through the panel's sign-in form. */
async function signInThroughForm(wrapper: VueWrapper, email: string) {
  await until(() => wrapper.find('[data-test="sign-in"] [data-test="password-form"]').exists())
  await field(wrapper, 'Email').setValue(email)
  await field(wrapper, 'Password').setValue(demoPassword)
  await wrapper.get('[data-test="password-form"]').trigger('submit')
}

/** Whether the members tab shows its list (its heading), loaded for the chosen organization. */
const membersShown = (wrapper: VueWrapper) => wrapper.find('[role="tabpanel"] h2').exists() && !useMembersStore().loading

describe('TeamPanel', async () => {
  const stack = await useChildStack()
  afterEach(() => {
    mounted.splice(0).forEach((wrapper) => wrapper.unmount())
    document.body.innerHTML = ''
    localStorage.clear()
  })

  it('a host\'s signed-in client: screens get it, the organization, the resource tables and events; the host keeps sign-in and sign-out', async () => {
    const { seen, component } = probe()
    const client = clientOf(stack)
    await client.auth.signInWithPassword({ email: 'admin@justpaid.demo', password: demoPassword })
    const sources = [{ type: 'matter', schema: 'example', table: 'projects', label: 'name' }]
    const wrapper = mountPanel({
      props: { organization: orgs.justPaid, client, resourceSources: JSON.stringify(sources) },
      slots: { members: () => h(component) },
    })
    await until(() => wrapper.find('[data-test="probe"]').exists())
    expect(seen.context?.client.value).toBe(client)
    expect(isReactive(seen.context?.client.value)).toBe(false)
    expect(seen.context?.organization.value).toBe(orgs.justPaid)
    expect(seen.context?.resourceSources?.value).toEqual(sources)
    expect(useSessionStore().api?.client).toBe(client)
    await until(() => useOrganizationStore().currentId === orgs.justPaid)
    // One organization and the host's own client: no switcher, no "Sign out".
    expect(wrapper.find('[data-test="panel-header"]').exists()).toBe(false)
    const change = { organizationId: orgs.justPaid, id: 'm1', action: 'removed' }
    seen.context?.emit('member-changed', change)
    expect(wrapper.emitted('member-changed')).toEqual([[change]])

    // The host signs out with its own client: the panel follows, to its sign-in.
    await client.auth.signOut({ scope: 'local' })
    await until(() => wrapper.find('[data-test="sign-in"]').exists())
    expect(useOrganizationStore().currentId).toBe(null)
    // Signing in there signs the host's client in; signing out stays the host's.
    await signInThroughForm(wrapper, 'admin@justpaid.demo')
    await until(() => wrapper.find('[data-test="probe"]').exists())
    expect((await client.auth.getSession()).data.session?.user.email).toBe('admin@justpaid.demo')
    expect(wrapper.find('[data-test="sign-out"]').exists()).toBe(false)
  })

  it('its own client (supabase-url, anon-key): the sign-in, then the members list with "Sign out", which returns to the sign-in', async () => {
    const wrapper = mountPanel({ props: { supabaseUrl: stack.url, anonKey: stack.anonKey } })
    await until(() => wrapper.find('[data-test="sign-in"]').exists())
    expect(wrapper.find('[role="tablist"][aria-label="Team administration"]').exists()).toBe(false)
    await signInThroughForm(wrapper, 'admin@paycove.demo')
    await until(() => membersShown(wrapper) && useMembersStore().rows.length > 0)
    expect(wrapper.get('[role="tabpanel"] h2').text()).toBe('Team Members')
    expect(useMembersStore().rows.map((row) => row.email).sort()).toEqual(['admin@paycove.demo', 'manager@paycove.demo', 'standard@paycove.demo'])
    expect(wrapper.get('[data-test="signed-in-as"]').text()).toBe('Signed in as admin@paycove.demo')
    // One organization: no switcher.
    expect(wrapper.find('[data-test="organization-switcher"]').exists()).toBe(false)

    const signOut = wrapper.get<HTMLButtonElement>('[data-test="sign-out"]')
    expect(signOut.text()).toBe('Sign out')
    signOut.element.focus()
    await signOut.trigger('click')
    await until(() => wrapper.find('[data-test="sign-in"]').exists())
    expect(useSessionStore().signedIn).toBe(false)
    expect(useOrganizationStore().organizations).toEqual([])
    expect(wrapper.find('[data-test="panel-header"]').exists()).toBe(false)
  })

  it('the switcher: several organizations with the role and the blocked ones; `organization` preselects; choosing switches', async () => {
    const client = clientOf(stack)
    await client.auth.signInWithPassword({ email: 'admin@blank.demo', password: demoPassword })
    const { data: second } = await client.rpc('create_organization', { p_name: 'Second Studio', p_template: 'blank' })
    const blank = 'a0000000-0000-4000-8000-000000000006'
    const user = 'b0000000-0000-4000-8000-000000000601'
    // Deactivated in Profit, outside the IP allowlist in Paycove.
    await stack.sql(`insert into rolecall.members (organization_id, user_id, role_id, status, deactivated_at)
      select organization_id, $1, id, 'deactivated', now() from rolecall.roles where organization_id = $2 and template_key = 'contributor'`, [user, orgs.profit])
    await stack.sql(`insert into rolecall.members (organization_id, user_id, role_id, ip_allowlist)
      select organization_id, $1, id, '{203.0.113.7}' from rolecall.roles where organization_id = 'a0000000-0000-4000-8000-000000000004' and template_key = 'standard'`, [user])

    const wrapper = mountPanel({ props: { client, organization: second as string } })
    await until(() => wrapper.find('[data-test="organization-switcher"]').exists())
    const trigger = wrapper.get<HTMLButtonElement>('[data-test="organization-switcher"]')
    expect(wrapper.get(`label[for="${trigger.attributes('id')}"]`).text()).toBe('Organization')
    await until(() => trigger.text().includes('Second Studio'))
    expect(useOrganizationStore().currentId).toBe(second)
    expect(trigger.attributes('aria-expanded')).toBe('false')

    trigger.element.focus()
    await trigger.trigger('keydown', { key: 'Enter' })
    await until(() => wrapper.findAll('[role="option"]').length === 4)
    const options = wrapper.findAll('[role="option"]')
    expect(options.map((option) => option.text().replace(/\s+/g, ' ').trim())).toEqual([
      'Blank Demo Role: Admin',
      'Paycove Demo LLC Role: Standard user Not from this IP address',
      'Profit Demo Co. Role: Contributor Deactivated',
      'Second Studio Role: Admin ✓',
    ])
    expect(options.map((option) => option.attributes('aria-disabled') === 'true')).toEqual([false, true, true, false])
    expect(options[3]!.attributes('aria-selected')).toBe('true')

    // From the keyboard: up past the blocked ones to Blank Demo, Enter chooses it.
    for (const key of ['ArrowUp', 'Enter']) {
      const active = wrapper.findAll('[role="option"]').find((option) => option.element === document.activeElement)
      await (active ?? options[3]!).trigger('keydown', { key })
      await settle()
    }
    await until(() => useOrganizationStore().currentId === blank)
    await until(() => wrapper.findAll('[role="option"]').length === 0 && membersShown(wrapper))
    expect(trigger.text()).toContain('Blank Demo')
    await until(() => useMembersStore().rows.some((row) => row.email === 'member@blank.demo'))
  })

  it('a signed-in user of no organization is told so, and can still sign out', async () => {
    const email = `nobody-${Math.random().toString(36).slice(2, 8)}@example.test`
    const wrapper = mountPanel({ props: { supabaseUrl: stack.url, anonKey: stack.anonKey } }, 'uk')
    await until(() => wrapper.find('[data-test="sign-in"]').exists())
    // A new account (sign-ups are open on the stack) that nobody invited yet.
    await useSessionStore().requireApi().client.auth.signUp({ email, password: 'a long password' })
    await until(() => wrapper.find('[data-state="empty"]').exists())
    expect(wrapper.get('[data-state="empty"]').text()).toBe('Ви ще не Користувач жодного облікового запису. Попросіть Адміністратора надіслати запрошення.')
    expect(wrapper.find('[role="tablist"]').exists()).toBe(false)
    expect(wrapper.get('[data-test="sign-out"]').text()).toBe('Вийти')
  })

  it('shows only the tabs it is given, and hides those the caller may not use', async () => {
    // The members slot: falling back to the members tab must not load the real screen after the test ends.
    const wrapper = mountPanel({ props: { tabs: ['members', 'settings', 'audit'], tab: 'audit' }, slots: { members: () => 'members' } })
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
    const wrapper = mountPanel({ slots: { members: () => 'members' } })
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
