// @vitest-environment happy-dom
import type { VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import MembersScreen from '../../../components/members/MembersScreen.vue'
import { useMembersStore } from '../../../stores/members.ts'
import { useSessionStore } from '../../../stores/session.ts'
import { mountScreen, until } from '../invitations/support.ts'
import { orgs, signInStores, useChildStack } from '../support/stack.ts'
import { signedInLongAgo } from './support.ts'

const projects = { kovalenko: 'e0000000-0000-4000-8000-000000000201', client: 'e0000000-0000-4000-8000-000000000202' }

// NOTE: happy-dom lays nothing out; give the list's scroller a height so the virtual list renders rows.
Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 })
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 800 })

const $ = <E extends Element = HTMLElement>(selector: string) => document.querySelector<E>(selector)
const dialog = () => $('[role="alertdialog"]')
const click = (selector: string) => $(selector)!.click()
function type(selector: string, value: string) {
  const input = $<HTMLInputElement>(selector)!
  input.value = value
  input.dispatchEvent(new Event('input'))
}

describe('member card: admin promotion, transfer and resource access against the local stack', async () => {
  const stack = await useChildStack()
  const mounted: VueWrapper[] = []
  afterEach(() => mounted.splice(0).forEach((wrapper) => wrapper.unmount()))

  /** The members tab as the signed-in user (`signInStores`), with the card of `email` open. */
  async function cardOf(email: string, locale = 'en'): Promise<VueWrapper> {
    const { wrapper } = mountScreen(MembersScreen, locale)
    mounted.push(wrapper)
    await until(() => wrapper.findAll('[data-test="member-row"]').some((row) => row.text().includes(email)))
    await wrapper.findAll('[data-test="member-row"]').find((row) => row.text().includes(email))!.trigger('click')
    await until(() => $('[data-test="member-card"]') !== null)
    return wrapper
  }

  it('Paycove: the Admin makes the Manager Admin through the preview; the list then shows one Admin', async () => {
    await signInStores(stack, 'admin@paycove.demo', orgs.paycove)
    await cardOf('manager@paycove.demo')
    await until(() => $('[data-test="promote"]') !== null)
    expect($('[data-test="promote"]')!.textContent).toContain('Make Admin')
    click('[data-test="promote"]')
    await until(() => dialog() !== null)
    expect(dialog()!.textContent).toMatch(/Morgan Manager becomes Admin and the primary member\. Pat Admin steps down from Admin to Manager/)
    click('[role="alertdialog"] [data-test="confirm"]')
    const members = useMembersStore()
    await until(() => document.body.textContent!.includes('Morgan Manager is now the Admin.'))
    expect($('[data-test="promote"]')).toBeNull()
    const admin = members.rows.find((row) => row.email === 'manager@paycove.demo')!.role_id
    expect(members.rows.filter((row) => row.role_id === admin).map((row) => row.email)).toEqual(['manager@paycove.demo'])
    expect(members.rows.find((row) => row.email === 'admin@paycove.demo')!.is_primary).toBe(false)
  })

  it('Profit: no transfer button; the owner is changed through support', async () => {
    await signInStores(stack, 'owner@profit.demo', orgs.profit)
    await cardOf('administrator@profit.demo')
    await until(() => $('[data-test="owner-support"]') !== null)
    expect($('[data-test="owner-support"]')!.textContent).toContain('contact support to change or add owners')
    expect($('[data-test="transfer"]')).toBeNull()
    expect($('[data-test="promote"]')).toBeNull()
  })

  it('Jusnote: a project is granted to a member, after a confirmation naming the projects', async () => {
    await signInStores(stack, 'admin@jusnote.demo', orgs.jusnote)
    await cardOf('user@jusnote.demo', 'uk')
    await until(() => $<HTMLInputElement>(`[data-test="resource-${projects.kovalenko}"]`)?.checked === true)
    expect($('[data-test="resources-project"] legend')!.textContent).toContain('Проєкти')
    expect($('[data-test="resources-budget"]')).toBeNull()
    expect($<HTMLInputElement>(`[data-test="resource-${projects.client}"]`)!.checked).toBe(false)
    $<HTMLInputElement>(`[data-test="resource-${projects.client}"]`)!.click()
    await until(() => !$<HTMLButtonElement>('[data-test="save-resources-project"]')!.disabled)
    click('[data-test="save-resources-project"]')
    await until(() => dialog() !== null)
    expect(dialog()!.textContent).toMatch(/матиме доступ саме до: Реєстрація ТОВ «Клієнт», Справа Коваленко\./)
    click('[role="alertdialog"] [data-test="confirm"]')
    const user = useMembersStore().rows.find((row) => row.email === 'user@jusnote.demo')!
    await until(() => dialog() === null)
    const saved = await useSessionStore().requireApi().members.resourceGrants(user.id)
    expect(saved.map((grant) => grant.resource_id).sort()).toEqual([projects.kovalenko, projects.client])
  })

  it('Jusnote: the primary hands over «системного адміністратора», the password asked again', async () => {
    await signedInLongAgo(stack, 'admin@jusnote.demo', orgs.jusnote)
    await cardOf('admin2@jusnote.demo', 'uk')
    await until(() => $('[data-test="transfer"]') !== null)
    expect($('[data-test="transfer"]')!.textContent).toContain('Змінити системного адміністратора')
    click('[data-test="transfer"]')
    await until(() => dialog() !== null)
    click('[role="alertdialog"] [data-test="confirm"]')
    await until(() => $('[data-test="password"]') !== null)
    expect($('[data-test="password-error"]')!.textContent).toBe('Введіть пароль ще раз для підтвердження.')
    expect($<HTMLButtonElement>('[role="alertdialog"] [data-test="confirm"]')!.disabled).toBe(true)
    type('[data-test="password"]', 'wrong password')
    await until(() => !$<HTMLButtonElement>('[role="alertdialog"] [data-test="confirm"]')!.disabled)
    click('[role="alertdialog"] [data-test="confirm"]')
    await until(() => $('[data-test="password-error"]')!.textContent === 'Неправильний пароль.')
    type('[data-test="password"]', 'rolecall-demo')
    await until(() => !$<HTMLButtonElement>('[role="alertdialog"] [data-test="confirm"]')!.disabled)
    click('[role="alertdialog"] [data-test="confirm"]')
    const members = useMembersStore()
    await until(() => document.body.textContent!.includes('Андрій Адміністратор тепер системний адміністратор.'))
    expect(members.rows.find((row) => row.email === 'admin2@jusnote.demo')!.is_primary).toBe(true)
    expect($('[data-test="transfer"]')).toBeNull()
    expect(members.rows.find((row) => row.email === 'admin@jusnote.demo')!.is_primary).toBe(false)
  })
})
