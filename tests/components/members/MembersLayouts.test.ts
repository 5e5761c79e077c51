// @vitest-environment happy-dom
import type { VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import MembersScreen from '../../../components/members/MembersScreen.vue'
import { useMembersStore } from '../../../stores/members.ts'
import { mountScreen, until } from '../invitations/support.ts'
import { orgs, signInStores, useChildStack } from '../support/stack.ts'

const $ = <E extends Element = HTMLElement>(selector: string) => document.querySelector<E>(selector)
const press = (element: Element, key: string) => element.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))

// NOTE: happy-dom lays nothing out; give the list's scroller a height so the virtual list renders rows.
Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 })
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 800 })

describe('the members list in each product\'s layout, against the local stack', async () => {
  const stack = await useChildStack()
  let mounted: VueWrapper | undefined
  afterEach(() => {
    mounted?.unmount()
    document.body.innerHTML = ''
  })

  async function screenAs(email: string, org: string, locale = 'en') {
    await signInStores(stack, email, org)
    const { wrapper, events } = mountScreen(MembersScreen, locale)
    mounted = wrapper
    await until(() => wrapper.findAll('[data-test="member-row"]').length > 0)
    return { wrapper, events }
  }
  const row = (wrapper: VueWrapper, email: string) => wrapper.findAll('[data-test="member-row"]').find((r) => r.text().includes(email))!
  /** The list as it reads: headings and members' emails in order. */
  const lines = (wrapper: VueWrapper): string[] => wrapper.findAll('[data-test="role-heading"], [data-test="member-row"]')
    .map((line) => (line.attributes('data-test') === 'role-heading' ? `# ${line.text()}` : line.findAll('[role="gridcell"]')[1]!.text()))

  describe('Paycove: My Account > Team', () => {
    it('the Admin sees the Admin and Manager headings, then the users, "+" icons, Delete and Create new user', async () => {
      const { wrapper } = await screenAs('admin@paycove.demo', orgs.paycove)
      expect(lines(wrapper)).toEqual(['# Admin', 'admin@paycove.demo', '# Manager', 'manager@paycove.demo', '# Standard user', 'standard@paycove.demo'])
      expect(wrapper.get('[data-test="create-user"]').text()).toBe('Create new user')
      // "+" makes a standard user a Manager; on a Manager's row the "+" turns into "−": back to standard user.
      expect(row(wrapper, 'standard@').get('[data-test="step-promote"]').attributes('aria-label')).toBe('Promote Sam Standard to Manager')
      expect(row(wrapper, 'manager@').get('[data-test="step-demote"]').attributes('aria-label')).toBe('Demote Morgan Manager from Manager to Standard user')
      expect(row(wrapper, 'manager@').get('[data-test="step-demote"]').findAll('[aria-hidden="true"]').map((icon) => icon.text())).toEqual(['+', '−'])
      // The member card's "Make Admin" loads with its chunk, on every row the Admin may promote.
      await until(() => row(wrapper, 'standard@').text().includes('+ Make Admin') && row(wrapper, 'manager@').text().includes('+ Make Admin'))
      expect(row(wrapper, 'standard@').get('[data-test="remove"]').text()).toBe('Delete')
      // One Tab stop for the grid: only the focused row's controls are in the Tab order, the lazily loaded ones too.
      press(wrapper.get('[data-test="member-row"]').element, 'Tab')
      const tabbable = (email: string) => row(wrapper, email).findAll('button').map((button) => button.attributes('tabindex') !== '-1')
      expect(tabbable('admin@paycove.demo')).toEqual([true])
      expect(tabbable('standard@')).toEqual([false, false, false])
      // The Admin's own row: nothing to press, and why.
      const own = row(wrapper, 'admin@paycove.demo')
      expect(own.findAll('button')).toHaveLength(1)
      expect(own.get('[data-test="remove"]').attributes('disabled')).toBeDefined()
      expect(own.get('[data-test="lock-reason"]').text()).toMatch(/primary member is protected/)
    })

    it('"+" asks first, then the standard user is a Manager and moves under that heading; "−" takes it back', async () => {
      const { wrapper, events } = await screenAs('admin@paycove.demo', orgs.paycove)
      await row(wrapper, 'standard@').get('[data-test="step-promote"]').trigger('click')
      await until(() => $('[role="alertdialog"]') !== null)
      expect($('[role="alertdialog"]')!.textContent).toContain('Sam Standard moves from Standard user to Manager')
      expect(events).toEqual([])
      $<HTMLButtonElement>('[role="alertdialog"] [data-test="confirm"]')!.click()
      await until(() => events.length === 1)
      expect(lines(wrapper)).toEqual(['# Admin', 'admin@paycove.demo', '# Manager', 'manager@paycove.demo', 'standard@paycove.demo'])
      expect(events).toEqual([['member-changed', expect.objectContaining({ organizationId: orgs.paycove, action: 'role_changed' })]])

      await until(() => row(wrapper, 'standard@').find('[data-test="step-demote"]').exists())
      await row(wrapper, 'standard@').get('[data-test="step-demote"]').trigger('click')
      await until(() => $('[role="alertdialog"]')?.textContent?.includes('Sam Standard moves from Manager to Standard user') ?? false)
      $<HTMLButtonElement>('[role="alertdialog"] [data-test="confirm"]')!.click()
      await until(() => events.length === 2)
      expect(lines(wrapper).slice(-2)).toEqual(['# Standard user', 'standard@paycove.demo'])
    })

    it('"+ Make Admin" in the list opens the member card\'s promotion, with promote-admin\'s preview', async () => {
      const { wrapper } = await screenAs('admin@paycove.demo', orgs.paycove)
      await until(() => row(wrapper, 'manager@').find('[data-test="promote"]').exists())
      const makeAdmin = row(wrapper, 'manager@').get('[data-test="promote"]')
      expect(makeAdmin.text()).toBe('+ Make Admin')
      await makeAdmin.trigger('click')
      await until(() => $('[role="alertdialog"]') !== null)
      expect($('[role="alertdialog"]')!.textContent).toMatch(/Morgan Manager becomes Admin and the primary member\. Pat Admin steps down from Admin to Manager/)
      $<HTMLButtonElement>('[role="alertdialog"] [data-test="cancel"]')!.click()
      await until(() => $('[role="alertdialog"]') === null)
      // Nothing changed: a click inside the row's controls never opened the member card either.
      expect($('[data-test="member-card"]')).toBeNull()
      expect(lines(wrapper)[1]).toBe('admin@paycove.demo')
    })

    it('Create new user opens the invite dialog', async () => {
      const { wrapper } = await screenAs('admin@paycove.demo', orgs.paycove)
      await wrapper.get('[data-test="create-user"]').trigger('click')
      await until(() => $('[data-test="invite-dialog"]') !== null)
    })

    it.each([
      ['a Manager: Create new user only', 'manager@paycove.demo', true],
      ['a standard user: nothing to press', 'standard@paycove.demo', false],
    ])('%s', async (_, email, createsUsers) => {
      const { wrapper } = await screenAs(email, orgs.paycove)
      expect(lines(wrapper).filter((line) => line.startsWith('#'))).toEqual(['# Admin', '# Manager', '# Standard user'])
      expect(wrapper.find('[data-test="create-user"]').exists()).toBe(createsUsers)
      // Give the lazily loaded "Make Admin" its chance to appear: it must not.
      await new Promise((resolve) => setTimeout(resolve, 200))
      expect(wrapper.findAll('[data-test="member-row"] [role="gridcell"]:last-child button')).toHaveLength(0)
      expect(wrapper.find('[data-test="lock-reason"]').exists()).toBe(false)
    })

    it('grouped pages are cut on the server by role rank: the next page repeats its group\'s heading', async () => {
      const { wrapper } = await screenAs('manager@paycove.demo', orgs.paycove)
      const members = useMembersStore()
      // Names in reverse order sort each group, never the groups: the Admin stays first.
      await members.setSort('display_name', false)
      await until(() => lines(wrapper)[1] === 'admin@paycove.demo')
      members.pageSize = 2
      await members.setPage(1)
      await until(() => lines(wrapper).join() === '# Standard user,standard@paycove.demo')
      expect(members.total).toBe(3)
    })

    it('in Ukrainian: Create new user and the "+" in Jusnote\'s words', async () => {
      const { wrapper } = await screenAs('admin@paycove.demo', orgs.paycove, 'uk')
      expect(wrapper.get('[data-test="create-user"]').text()).toBe('Створити нового Користувача')
      expect(row(wrapper, 'standard@').get('[data-test="step-promote"]').attributes('aria-label')).toBe('Підвищити Sam Standard до ролі «Manager»')
      expect(row(wrapper, 'manager@').get('[data-test="step-demote"]').attributes('aria-label')).toBe('Понизити Morgan Manager з ролі «Manager» до ролі «Standard user»')
      expect(row(wrapper, 'standard@').get('[data-test="remove"]').text()).toBe('Видалити')
    })
  })

  describe('payments platform: Company Users > Users', () => {
    it('the first administrator\'s row is locked; another user\'s Actions menu works by keyboard', async () => {
      const { wrapper } = await screenAs('admin@payments.demo', orgs.payments)
      const first = row(wrapper, 'admin@payments.demo')
      expect(first.get('[data-test="actions"]').attributes('disabled')).toBeDefined()
      expect(first.get('[data-test="lock-reason"]').text()).toBe('The first administrator created for the account cannot be changed.')
      expect(wrapper.get('[data-test="invitations-hint"]').text()).toContain('on the Invitations tab')

      const trigger = row(wrapper, 'analyst@').get<HTMLButtonElement>('[data-test="actions"]')
      expect(trigger.attributes('aria-haspopup')).toBe('menu')
      expect(trigger.attributes('aria-label')).toBe('Actions for Ana Analyst')
      trigger.element.focus()
      press(trigger.element, 'ArrowDown')
      await until(() => $('[role="menu"]') !== null && document.activeElement?.getAttribute('role') === 'menuitem')
      expect(trigger.attributes('aria-expanded')).toBe('true')
      expect([...document.querySelectorAll('[role="menuitem"]')].map((item) => item.textContent?.trim())).toEqual(['Edit Role', 'Deactivate User'])
      expect(document.activeElement?.textContent?.trim()).toBe('Edit Role')
      press(document.activeElement!, 'ArrowDown')
      await until(() => document.activeElement?.textContent?.trim() === 'Deactivate User')
      press(document.activeElement!, 'Escape')
      await until(() => $('[role="menu"]') === null)
      expect(document.activeElement).toBe(trigger.element)
      expect($('[data-test="member-card"]')).toBeNull()
    })

    it('Deactivate User and Activate User are confirmed, as the doc says; Edit Role opens the member card', async () => {
      const { wrapper, events } = await screenAs('admin@payments.demo', orgs.payments)
      const choose = async (item: string) => {
        await row(wrapper, 'analyst@').get('[data-test="actions"]').trigger('click')
        await until(() => $(`[data-test="menu-${item}"]`) !== null)
        $<HTMLButtonElement>(`[data-test="menu-${item}"]`)!.click()
      }
      await choose('deactivate')
      await until(() => $('[role="alertdialog"]') !== null)
      expect($('[role="alertdialog"]')!.textContent).toMatch(/Ana Analyst loses access to Payments Demo Ltd at once/)
      $<HTMLButtonElement>('[role="alertdialog"] [data-test="confirm"]')!.click()
      await until(() => row(wrapper, 'analyst@').get('[data-test="status"]').text() === 'Deactivated')
      await until(() => $('[role="alertdialog"]') === null)
      await choose('reactivate')
      await until(() => $('[role="alertdialog"]')?.textContent?.includes('Activate Ana Analyst?') ?? false)
      $<HTMLButtonElement>('[role="alertdialog"] [data-test="confirm"]')!.click()
      await until(() => events.length === 2 && row(wrapper, 'analyst@').get('[data-test="status"]').text() === 'Active')
      expect(events.map((event) => (event[1] as { action: string }).action)).toEqual(['deactivate', 'reactivate'])

      await until(() => $('[role="alertdialog"]') === null)
      await choose('editRole')
      await until(() => $('[data-test="member-card"]') !== null)
      expect($('[data-test="role-picker"]')).not.toBeNull()
    })

    it('a user without team permissions gets no Actions menu', async () => {
      const { wrapper } = await screenAs('analyst@payments.demo', orgs.payments)
      expect(wrapper.find('[data-test="actions"]').exists()).toBe(false)
      expect(wrapper.find('[data-test="invitations-hint"]').exists()).toBe(false)
    })

    it('in Ukrainian: the menu\'s items and the first administrator\'s lock', async () => {
      const { wrapper } = await screenAs('admin@payments.demo', orgs.payments, 'uk')
      expect(row(wrapper, 'admin@payments.demo').get('[data-test="lock-reason"]').text()).toBe('Першого адміністратора, створеного для облікового запису, змінити не можна.')
      await row(wrapper, 'analyst@').get('[data-test="actions"]').trigger('click')
      await until(() => $('[role="menu"]') !== null)
      expect([...document.querySelectorAll('[role="menuitem"]')].map((item) => item.textContent?.trim())).toEqual(['Змінити роль', 'Деактивувати Користувача'])
    })
  })
})
