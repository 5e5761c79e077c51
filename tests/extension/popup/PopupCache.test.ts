// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeBrowser } from 'wxt/testing/fake-browser'
import { createApi } from '../../../stores/api/index.ts'
import { extensionClient } from '../../../stores/extension/client.ts'
import { fetchSnapshot, selectedOrgItem, snapshotItem } from '../../../stores/extension/snapshot.ts'
import { until } from '../../components/invitations/support.ts'
import { settle } from '../../components/mount.ts'
import { orgs, useChildStack } from '../../components/support/stack.ts'
import { gatedProxy, mountPopup, resetExtension, signInExtension } from './support.ts'

const hourAgo = () => new Date(Date.now() - 3_600_000).toISOString()

describe('popup: cache, freshness and connection states', async () => {
  const stack = await useChildStack()
  beforeEach(resetExtension)
  afterEach(resetExtension)

  /** Signs in through a proxy and caches a snapshot saved an hour ago, as the background would have left it. */
  async function cachedSession(email: string) {
    const proxy = await gatedProxy(stack.url)
    await signInExtension(proxy.url, stack.anonKey, email)
    await snapshotItem.setValue({ ...await fetchSnapshot(createApi((await extensionClient())!)), savedAt: hourAgo() })
    return proxy
  }

  it('paints the cached snapshot before any request answers, marked stale while it refreshes, then fresh', async () => {
    const proxy = await cachedSession('user@justpaid.demo')
    proxy.hold()
    const wrapper = mountPopup()
    await until(() => wrapper.find('[data-organization]').exists())
    expect(wrapper.get('[data-organization]').text()).toContain('JustPaid Demo Inc.')
    expect(wrapper.findAll('[data-group="checkboxes"] [data-row]')).toHaveLength(6)
    await until(() => wrapper.find('[data-test="refreshing"]').exists())
    expect(wrapper.get('[data-test="stale"]').text()).toBe('Stale — last updated 1 hour ago')
    expect(wrapper.get('[data-freshness]').attributes('data-freshness')).toBe('refreshing')

    proxy.release()
    await until(() => !wrapper.find('[data-test="refreshing"]').exists())
    expect(wrapper.find('[data-test="stale"]').exists()).toBe(false)
    expect(wrapper.get('[data-freshness]').attributes('data-freshness')).toBe('fresh')
    expect(Date.parse((await snapshotItem.getValue())!.savedAt)).toBeGreaterThan(Date.now() - 60_000)
    await proxy.close()
  })

  it('keeps the data and marks it stale, with the reason and a retry, when the server cannot be reached', async () => {
    const proxy = await cachedSession('user@justpaid.demo')
    await proxy.close()
    const wrapper = mountPopup()
    await until(() => wrapper.find('[data-test="refresh-failed"]').exists())
    expect(wrapper.get('[data-test="refresh-failed"]').text()).toContain('Could not update: The server could not be reached.')
    expect(wrapper.get('[data-freshness]').attributes('data-freshness')).toBe('failed')
    expect(wrapper.get('[data-test="stale"]').text()).toBe('Stale — last updated 1 hour ago')
    expect(wrapper.get('[data-organization]').text()).toContain('JustPaid Demo Inc.')
    expect(wrapper.findAll('[data-group="checkboxes"] [data-row]')).toHaveLength(6)
  })

  it('without a cache and without a server, says why instead of staying blank', async () => {
    const proxy = await gatedProxy(stack.url)
    await signInExtension(proxy.url, stack.anonKey, 'user@justpaid.demo')
    await proxy.close()
    const wrapper = mountPopup()
    await until(() => wrapper.find('[data-state="error"]').exists())
    expect(wrapper.get('[data-state="error"]').text()).toContain('The server could not be reached.')
  })

  it('not connected: says so and opens the options page', async () => {
    const openOptionsPage = vi.fn(async () => {})
    fakeBrowser.runtime.openOptionsPage = openOptionsPage
    const wrapper = mountPopup()
    await until(() => wrapper.find('[data-test="not-connected"]').exists())
    expect(wrapper.text()).toContain('Rolecall is not connected to your product yet.')
    await wrapper.get('[data-test="open-options"]').trigger('click')
    expect(openOptionsPage).toHaveBeenCalledOnce()
  })

  it('signed out: says so, opens the options page, and never shows a cached snapshot', async () => {
    const openOptionsPage = vi.fn(async () => {})
    fakeBrowser.runtime.openOptionsPage = openOptionsPage
    const proxy = await cachedSession('user@justpaid.demo')
    await (await extensionClient())!.auth.signOut({ scope: 'local' })
    const wrapper = mountPopup('uk')
    await until(() => wrapper.find('[data-test="signed-out"]').exists())
    await settle()
    expect(wrapper.text()).toContain('Ви не увійшли.')
    expect(wrapper.find('[data-organization]').exists()).toBe(false)
    await wrapper.get('[data-test="open-options"]').trigger('click')
    expect(openOptionsPage).toHaveBeenCalledOnce()
    await proxy.close()
  })

  it('shows the organization chosen last time, and remembers a new choice for the next popup and the side panel', async () => {
    await signInExtension(stack.url, stack.anonKey, 'admin@justpaid.demo')
    const api = createApi((await extensionClient())!)
    const second = await api.organizations.create('Zeta Second Co', 'paycove')
    await selectedOrgItem.setValue(second)
    const wrapper = mountPopup()
    await until(() => wrapper.find('[data-test="role"]').exists() && !wrapper.find('[data-test="refreshing"]').exists())
    expect(wrapper.get('[data-test="organization"]').attributes('aria-label')).toBe('Zeta Second Co')
    expect(wrapper.findAll('[data-organization]').map((org) => org.text())).toEqual([
      expect.stringContaining('JustPaid Demo Inc.'), expect.stringContaining('Zeta Second Co'),
    ])
    await wrapper.get(`[data-organization="${orgs.justPaid}"] input`).setValue(true)
    await until(() => wrapper.get('[data-test="organization"]').attributes('aria-label') === 'JustPaid Demo Inc.')
    expect(await selectedOrgItem.getValue()).toBe(orgs.justPaid)
  })
})
