// @vitest-environment happy-dom
import type { VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import MembersScreen from '../../../components/members/MembersScreen.vue'
import { mountScreen, until } from '../invitations/support.ts'
import { orgs, signInStores, useChildStack } from '../support/stack.ts'

// NOTE: happy-dom lays nothing out; give the list's scroller a height so the virtual list renders rows.
Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 })
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 800 })

const $ = <E extends Element = HTMLElement>(selector: string) => document.querySelector<E>(selector)
/** The source shown beside a checkbox of the open card. */
const sourceOf = (box: string) => $(`[data-test="member-card"] [data-item="${box}"] [data-test="source"]`)?.textContent?.trim() ?? ''

describe('member card: why each checkbox is as it is, against the local stack', async () => {
  const stack = await useChildStack()
  const mounted: VueWrapper[] = []
  afterEach(() => mounted.splice(0).forEach((wrapper) => wrapper.unmount()))

  /** The members tab as the signed-in user (`signInStores`), with the card of `email` open and its sources read. */
  async function cardOf(email: string, locale = 'en', box = 'approve_bills'): Promise<void> {
    const { wrapper } = mountScreen(MembersScreen, locale)
    mounted.push(wrapper)
    await until(() => wrapper.findAll('[data-test="member-row"]').some((row) => row.text().includes(email)))
    await wrapper.findAll('[data-test="member-row"]').find((row) => row.text().includes(email))!.trigger('click')
    await until(() => sourceOf(box) !== '')
  }

  it('JustPaid: the Admin sees the User\'s ticked Approve Bills as ticked by an admin, the rest off', async () => {
    await signInStores(stack, 'admin@justpaid.demo', orgs.justPaid)
    await cardOf('user@justpaid.demo')
    await until(() => sourceOf('approve_bills') === 'ticked by an admin')
    expect(sourceOf('view_reports_and_data')).toBe('Off')
  })

  it('JustPaid: the Accountant\'s boxes name the role\'s policy, and a tick on top of it', async () => {
    await signInStores(stack, 'admin@justpaid.demo', orgs.justPaid)
    await cardOf('accountant@justpaid.demo', 'en', 'view_reports_and_data')
    await until(() => sourceOf('view_reports_and_data') === 'policy Accounting of role Accountant')
    // Bank Transactions: bank_transactions.create ticked, bills.pay from the Accounting policy
    expect(sourceOf('bank_transactions').split('; ').sort()).toEqual(['policy Accounting of role Accountant', 'ticked by an admin'])
    expect(sourceOf('approve_bills')).toBe('Off')
  })

  it('Jusnote in Ukrainian: partly ticked permission types, and the contact list always on', async () => {
    await signInStores(stack, 'admin@jusnote.demo', orgs.jusnote)
    await cardOf('user@jusnote.demo', 'uk', 'reports')
    await until(() => sourceOf('reports') === 'Частково: надано адміністратором')
    // the ticked transactions view brings the accounts page it needs, named by its Ukrainian label
    expect(sourceOf('bank_accounts')).toBe('Частково: надано адміністратором; входить до дозволу «Перегляд банківських транзакцій»')
    expect(sourceOf('contacts')).toContain('завжди увімкнено для цієї ролі')
  })

  it('after the Admin ticks a box and saves, its source says so', async () => {
    await signInStores(stack, 'admin@justpaid.demo', orgs.justPaid)
    await cardOf('user@justpaid.demo', 'en', 'view_reports_and_data')
    expect(sourceOf('view_reports_and_data')).toBe('Off')
    $('[data-test="member-card"] [data-item="view_reports_and_data"] [role="checkbox"]')!.click()
    await until(() => !$<HTMLButtonElement>('[data-test="save-permissions"]')!.disabled)
    $('[data-test="save-permissions"]')!.click()
    await until(() => sourceOf('view_reports_and_data') === 'ticked by an admin')
    expect(sourceOf('approve_bills')).toBe('ticked by an admin')
  })
})
