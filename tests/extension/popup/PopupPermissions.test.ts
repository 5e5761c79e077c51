// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fakeBrowser } from 'wxt/testing/fake-browser'
import { until } from '../../components/invitations/support.ts'
import { clientOf, demoPassword, useChildStack } from '../../components/support/stack.ts'
import { createApi } from '../../../stores/api/index.ts'
import { mountPopup, resetExtension, rowsOf, signInExtension } from './support.ts'

/** The heading and paragraphs of a section, one text each. */
const paragraphs = (wrapper: { findAll(selector: string): { text(): string }[] }, test: string) =>
  wrapper.findAll(`[data-test="${test}"] > h2, [data-test="${test}"] > p`).map((element) => element.text())

describe('popup: what may I do, and why', async () => {
  const stack = await useChildStack()
  beforeEach(resetExtension)
  afterEach(resetExtension)

  /** The popup of `email`, refreshed, with the chosen organization's details read. */
  async function popupOf(email: string, locale = 'en') {
    await signInExtension(stack.url, stack.anonKey, email)
    const wrapper = mountPopup(locale)
    await until(() => wrapper.find('[data-details="ready"]').exists() && !wrapper.find('[data-test="refreshing"]').exists())
    return wrapper
  }

  /** A signed-in API for an admin acting on the stack meanwhile. */
  async function adminApi(email: string) {
    const client = clientOf(stack)
    await client.auth.signInWithPassword({ email, password: demoPassword })
    return createApi(client)
  }

  it('JustPaid User: the six boxes by JustPaid name, each with its source', async () => {
    const wrapper = await popupOf('user@justpaid.demo')
    expect(wrapper.get('[data-group="checkboxes"] summary').text()).toBe('▾ Your checkboxes 1 of 6 allowed')
    expect(rowsOf(wrapper.element, 'checkboxes')).toEqual([
      'Approve Bills: granted — ticked by an admin',
      'Approve Sales Contracts: denied — Not given to you.',
      'Bank Transactions: denied — Not given to you.',
      'Manage Bank Accounts: denied — Not given to you.',
      'Manage Integrations: denied — Not given to you.',
      'View Reports and Data: denied — Not given to you.',
    ])
    expect(rowsOf(wrapper.element, 'bill_pay')).toContain('Create and edit bills: granted — policy Basic access of role User')
    expect(paragraphs(wrapper, 'role')).toEqual(['Your role: User', 'Its permission policies: Basic access.'])
    // A User administers nothing: no team panel.
    expect(wrapper.find('[data-test="admin"]').exists()).toBe(false)
  })

  it('"Why not?" names what would grant a missing box and the Admin as the one who can', async () => {
    const wrapper = await popupOf('user@justpaid.demo')
    const why = wrapper.get('[data-row="approve_sales_contracts"] [data-test="why-not"]')
    expect(why.attributes('aria-label')).toBe('Why is “Approve Sales Contracts” not allowed?')
    expect(why.attributes('aria-expanded')).toBe('false')
    await why.trigger('click')
    expect(why.attributes('aria-expanded')).toBe('true')
    await until(() => wrapper.find('[data-test="grantors"]').exists())
    const answer = wrapper.get('[data-row="approve_sales_contracts"] [data-test="why-not-answer"]')
    expect(answer.attributes('id')).toBe(why.attributes('aria-controls'))
    expect(answer.get('[data-test="ways"]').text()).toContain('A checkbox an admin ticks for you: Approve Sales Contracts.')
    expect(answer.get('[data-test="ways"]').text()).toContain('Roles that hold it: Admin')
    expect(answer.get('[data-grantor="admin@justpaid.demo"]').text()).toContain('Jordan Admin (Admin) — can tick it for you')
    await why.trigger('click')
    expect(wrapper.find('[data-row="approve_sales_contracts"] [data-test="why-not-answer"]').exists()).toBe(false)
  })

  it('Jusnote Користувач in Ukrainian: the sidebar tabs and the contact list always, and the granted project', async () => {
    const wrapper = await popupOf('user@jusnote.demo', 'uk')
    expect(wrapper.get('[data-group="checkboxes"] summary').text()).toContain('Вкладки на боковій панелі')
    expect(rowsOf(wrapper.element, 'checkboxes')).toEqual([
      'Налаштування: denied — Надається іншою роллю.',
      'Рахунки: partial — надано адміністратором; входить до дозволу «Перегляд банківських транзакцій»',
      'Звіти: partial — надано адміністратором',
      'Інвойси: denied — Вам не надано.',
      'Список контактів: granted — політика «Контакти» ролі «Користувач»; входить до дозволу «Керування контактами»; завжди увімкнено для цієї ролі',
    ])
    expect(wrapper.get('[data-test="resources-project"] h3').text()).toBe('Проєкти')
    expect(wrapper.get('[data-test="resources-project"] li').text()).toBe('Справа Коваленко — з усіма документами проєкту · надано вам')
    expect(wrapper.get('[data-organization]').text()).toContain('Користувач')
  })

  it('Profit Cardholder: their card •4242 — card details and fund requests only; no boxes to tick', async () => {
    const wrapper = await popupOf('cardholder@profit.demo')
    expect(wrapper.get('[data-test="resources-card"] h3').text()).toBe('Cards')
    expect(wrapper.get('[data-test="resources-card"] li').text()).toBe('Your card •4242 — card details and fund requests only')
    expect(wrapper.find('[data-group="checkboxes"]').exists()).toBe(false)
    expect(wrapper.get('[data-test="role"]').text()).toContain('Your role: Cardholder')
    expect(rowsOf(wrapper.element, 'expense_management')).toContain('View own card: granted — policy Own card of role Cardholder')
  })

  it('Profit Contributor: the budget granted to them', async () => {
    const wrapper = await popupOf('contributor@profit.demo')
    expect(wrapper.get('[data-test="resources-budget"] li').text()).toBe('Marketing · granted to you')
  })

  it('payments platform: the role, its policies and the IP allowlist; outside it, a notice and nothing allowed', async () => {
    const first = await popupOf('analyst@payments.demo')
    expect(paragraphs(first, 'role')).toEqual([
      'Your role: Analyst', 'Its permission policies: Read-only pages (by page), Transactions (by resource).', 'No IP allowlist: you may work from any address.',
    ])
    expect(first.find('[data-test^="blocked"]').exists()).toBe(false)
    expect(first.findAll('[data-row][data-state="granted"]').length).toBeGreaterThan(0)
    first.unmount()

    await (await adminApi('admin@payments.demo')).members.setIpAllowlist('c0000000-0000-4000-8000-000000000502', ['203.0.113.0/24'])
    resetExtension()
    const wrapper = await popupOf('analyst@payments.demo')
    expect(wrapper.get('[data-test="blocked-ip_not_allowed"]').text())
      .toBe('You are outside your IP allowlist for Payments Demo Ltd: nothing is allowed from this address.')
    expect(wrapper.get('[data-test="status"]').text()).toBe('Outside IP allowlist')
    expect(wrapper.get('[data-test="allowlist"]').text()).toBe('Only from 203.0.113.0/24 — this address is outside it.')
    // NOTE: the rows are still listed, every one denied (an empty list would pass a bare "no granted row").
    const states = wrapper.findAll('[data-row]').map((row) => row.attributes('data-state'))
    expect(states.length).toBeGreaterThan(0)
    expect(new Set(states)).toEqual(new Set(['denied']))
  })

  it('Paycove: the role and what it allows; deactivated, a notice says so', async () => {
    const first = await popupOf('standard@paycove.demo')
    expect(paragraphs(first, 'role')).toEqual(['Your role: Standard user', 'Its permission policies: Everyday work.'])
    expect(rowsOf(first.element, 'templates')).toEqual([
      'Edit and manage email templates: denied — Not given to you.',
      'Edit and manage quote/invoice templates: denied — Not given to you.',
    ])
    first.unmount()

    await (await adminApi('admin@paycove.demo')).members.deactivate('c0000000-0000-4000-8000-000000000403')
    resetExtension()
    const wrapper = await popupOf('standard@paycove.demo')
    expect(wrapper.get('[data-test="blocked-deactivated"]').text())
      .toBe('Your access to Paycove Demo LLC is deactivated: you may do nothing there until an admin activates you again.')
    expect(wrapper.get('[data-test="status"]').text()).toBe('Deactivated')
    // "Why not?" names nobody while blocked (the server hides the members) and says what comes first.
    await wrapper.get('[data-row] [data-test="why-not"]').trigger('click')
    await until(() => wrapper.find('[data-test="why-not-answer"] [data-test="ways"]').exists())
    expect(wrapper.find('[data-test="grantors"]').exists()).toBe(false)
    expect(wrapper.get('[data-test="why-not-answer"]').text()).toContain('While your access here is blocked, nothing can be given to you')
  })

  it('search matches labels in either language and keys, and says when nothing does', async () => {
    const wrapper = await popupOf('user@justpaid.demo')
    const search = wrapper.get('[data-test="search"]')
    await search.setValue('ЗАТВЕРДЖ')
    expect(wrapper.findAll('[data-row]').map((row) => row.attributes('data-row'))).toEqual([
      'approve_bills', 'approve_sales_contracts', 'bills.approve', 'sales_contracts.approve',
    ])
    // Every group left is open while searching.
    expect(wrapper.findAll('details').every((group) => (group.element as HTMLDetailsElement).open)).toBe(true)
    await search.setValue('bills.pay')
    expect(wrapper.findAll('[data-row]').map((row) => row.attributes('data-row'))).toEqual(['bank_transactions', 'bills.pay'])
    await search.setValue('teleport')
    expect(wrapper.get('[data-test="no-match"]').text()).toBe('No permission matches “teleport”.')
    await search.setValue('')
    expect(wrapper.findAll('[data-row]').length).toBeGreaterThan(20)
  })

  it('an admin opens the team panel beside the page, in the popup\'s window', async () => {
    const { id: windowId } = (await fakeBrowser.windows.create({ focused: true }))!
    const opened: unknown[] = []
    fakeBrowser.sidePanel.open = (async (options: unknown) => void opened.push(options)) as typeof fakeBrowser.sidePanel.open
    const wrapper = await popupOf('admin@justpaid.demo')
    expect(wrapper.get('[data-test="admin"]').text()).toContain('Members, invitations and roles of JustPaid Demo Inc., beside the page.')
    await wrapper.get('[data-test="open-panel"]').trigger('click')
    expect(opened).toEqual([{ windowId }])
  })
})
