// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import SidePanelApp from '../../../components/popup/SidePanelApp.vue'
import { createApi } from '../../../stores/api/index.ts'
import { extensionClient } from '../../../stores/extension/client.ts'
import { connectionItem } from '../../../stores/extension/connection.ts'
import { selectedOrgItem } from '../../../stores/extension/snapshot.ts'
import { useMembersStore } from '../../../stores/members.ts'
import { useOrganizationStore } from '../../../stores/organization.ts'
import { until } from '../../components/invitations/support.ts'
import { mountWithI18n } from '../../components/mount.ts'
import { demoPassword, orgs, useChildStack } from '../../components/support/stack.ts'
import { resetExtension, signInExtension } from './support.ts'

describe('side panel', async () => {
  const stack = await useChildStack()
  beforeEach(resetExtension)
  afterEach(resetExtension)

  it('signed out: says so in the extension\'s language, and shows the team once the user signs in on the options page', async () => {
    await connectionItem.setValue({ url: stack.url, anonKey: stack.anonKey })
    const wrapper = mountWithI18n(SidePanelApp, {}, 'uk')
    await until(() => wrapper.find('[data-test="signed-out"]').exists())
    expect(wrapper.text()).toContain('Ви не увійшли.')
    expect(wrapper.find('[data-test="open-options"]').exists()).toBe(true)

    // The options page signs in through its own client; the session lands in the shared storage.
    await (await extensionClient())!.auth.signInWithPassword({ email: 'admin@justpaid.demo', password: demoPassword })
    await until(() => wrapper.find('[role="tablist"]').exists())
    expect(wrapper.get('[role="tablist"]').text()).toContain('Запрошення')
  })

  it('not connected: says so', async () => {
    const wrapper = mountWithI18n(SidePanelApp)
    await until(() => wrapper.find('[data-test="not-connected"]').exists())
    expect(wrapper.text()).toContain('Rolecall is not connected to your product yet.')
  })

  it('shows the organization chosen in the popup, and follows a new choice', async () => {
    await signInExtension(stack.url, stack.anonKey, 'admin@justpaid.demo')
    const second = await createApi((await extensionClient())!).organizations.create('Side Panel Co', 'paycove')
    await selectedOrgItem.setValue(orgs.justPaid)
    const wrapper = mountWithI18n(SidePanelApp)
    const emails = () => useMembersStore().rows.map((member) => member.email).sort()
    await until(() => useOrganizationStore().currentId === orgs.justPaid && emails().length === 3)
    expect(emails()).toEqual(['accountant@justpaid.demo', 'admin@justpaid.demo', 'user@justpaid.demo'])
    expect(wrapper.text()).toContain('JustPaid Demo Inc.')

    await selectedOrgItem.setValue(second)
    await until(() => useOrganizationStore().currentId === second && emails().length === 1)
    expect(emails()).toEqual(['admin@justpaid.demo'])
    expect(wrapper.text()).toContain('Side Panel Co')
  })
})
