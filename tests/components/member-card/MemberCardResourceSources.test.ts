// @vitest-environment happy-dom
import type { VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import TeamPanel from '../../../components/panel/TeamPanel.vue'
import type { ResourceSource } from '../../../stores/api/index.ts'
import { until } from '../invitations/support.ts'
import { mountWithI18n } from '../mount.ts'
import { clientOf, demoPassword, orgs, useChildStack } from '../support/stack.ts'

// NOTE: happy-dom lays nothing out; give the list's scroller a height so the virtual list renders rows.
Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 })
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 800 })

const $ = <E extends Element = HTMLElement>(selector: string) => document.querySelector<E>(selector)
/** Profit's seeded budgets (supabase/seed.sql). */
const budgets = { marketing: 'e0000000-0000-4000-8000-000000000301', travel: 'e0000000-0000-4000-8000-000000000302' }

describe('member card: the resource tables the panel is given', async () => {
  const stack = await useChildStack()
  const mounted: VueWrapper[] = []
  afterEach(() => {
    mounted.splice(0).forEach((wrapper) => wrapper.unmount())
    document.body.innerHTML = ''
  })

  /** The whole panel as Profit's Owner (the host's signed-in client), with the Contributor's card open. */
  async function contributorCard(resourceSources?: readonly ResourceSource[]) {
    const client = clientOf(stack)
    await client.auth.signInWithPassword({ email: 'owner@profit.demo', password: demoPassword })
    const wrapper = mountWithI18n(TeamPanel, { props: { client, organization: orgs.profit, resourceSources } })
    mounted.push(wrapper)
    const row = () => wrapper.findAll('[data-test="member-row"]').find((candidate) => candidate.text().includes('contributor@profit.demo'))
    await until(() => row() !== undefined)
    await row()!.trigger('click')
    await until(() => $<HTMLInputElement>(`[data-test="resource-${budgets.marketing}"]`)?.checked === true)
  }
  /** The resource types the open card offers. */
  const offered = () => [...document.querySelectorAll('[data-test^="resources-"]')].map((fieldset) => fieldset.getAttribute('data-test'))

  it('without resourceSources: the example schema\'s tables, budgets and cards', async () => {
    await contributorCard()
    expect(offered()).toEqual(['resources-budget', 'resources-card'])
  })

  it('a host\'s own list (only its budgets table) is the one the card reads', async () => {
    await contributorCard([{ type: 'budget', schema: 'example', table: 'budgets', label: 'name' }])
    expect(offered()).toEqual(['resources-budget'])
    expect($<HTMLInputElement>(`[data-test="resource-${budgets.travel}"]`)!.checked).toBe(false)
  })
})
