// @vitest-environment happy-dom
import type { VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import PermissionTree from '../../components/shared/PermissionTree.vue'
import { sectionState, setSection, type PermissionItem } from '../../components/shared/permission-tree.ts'
import { mountWithI18n, settle } from './mount.ts'

// JustPaid's six boxes in two sections, one of them fixed by the role.
const sections = [{ key: 'bills', label: 'Bills' }, { key: 'banking', label: 'Banking' }]
const items: PermissionItem[] = [
  { key: 'bills.create', label: 'Create Bills', section: 'bills', source: 'from your role', locked: true },
  { key: 'bills.approve', label: 'Approve Bills', section: 'bills', source: 'granted by the Admin' },
  { key: 'bills.pay', label: 'Pay Bills', section: 'bills' },
  { key: 'bank_accounts', label: 'Bank Accounts', section: 'banking' },
]

let wrapper: VueWrapper | undefined
afterEach(() => { wrapper?.unmount(); document.body.innerHTML = '' })

function mountTree(props: Record<string, unknown> = {}) {
  const model = { value: ['bills.create', 'bills.approve'] as string[] }
  wrapper = mountWithI18n(PermissionTree, {
    props: {
      sections, items, label: 'Permissions',
      modelValue: model.value,
      'onUpdate:modelValue': (value: string[]) => { model.value = value; void wrapper?.setProps({ modelValue: value }) },
      ...props,
    },
  })
  return model
}

const section = (key: string) => wrapper!.get(`[data-section="${key}"]`)
const box = (key: string) => wrapper!.get(`[data-item="${key}"] [role="checkbox"]`)

describe('permission tree helpers', () => {
  it('a section is ticked, mixed or empty', () => {
    const bills = items.filter((item) => item.section === 'bills')
    expect(sectionState(bills, [])).toBe(false)
    expect(sectionState(bills, ['bills.create'])).toBe('indeterminate')
    expect(sectionState(bills, ['bills.create', 'bills.approve', 'bills.pay'])).toBe(true)
  })

  it('ticking a section leaves locked items as they are', () => {
    const bills = items.filter((item) => item.section === 'bills')
    expect(setSection(bills, ['other'], true)).toEqual(['other', 'bills.approve', 'bills.pay'])
    expect(setSection(bills, ['bills.create', 'bills.pay', 'other'], false)).toEqual(['bills.create', 'other'])
  })
})

describe('PermissionTree', () => {
  it('starts collapsed; the disclosure button expands a section', async () => {
    mountTree()
    const toggle = section('bills').get('[aria-expanded]')
    expect(toggle.attributes('aria-expanded')).toBe('false')
    expect(section('bills').get('[role="group"]').attributes('hidden')).toBeDefined()
    await toggle.trigger('click')
    expect(toggle.attributes('aria-expanded')).toBe('true')
    expect(section('bills').get('[role="group"]').attributes('hidden')).toBeUndefined()
    expect(section('bills').get('[role="group"]').attributes('aria-labelledby')).toBeTruthy()
  })

  it('shows each item\'s source and the section\'s tri-state', () => {
    mountTree({ defaultExpanded: ['bills'] })
    expect(section('bills').findAll('[data-test="source"]').map((node) => node.text())).toEqual(['from your role', 'granted by the Admin'])
    expect(section('bills').get('[aria-label="All of Bills"]').attributes('aria-checked')).toBe('mixed')
    expect(box('bills.approve').attributes('aria-checked')).toBe('true')
    expect(box('bills.pay').attributes('aria-checked')).toBe('false')
  })

  it('toggles an item and a whole section, never a locked item', async () => {
    const model = mountTree({ defaultExpanded: ['bills'] })
    await box('bills.pay').trigger('click')
    expect(model.value).toEqual(['bills.create', 'bills.approve', 'bills.pay'])
    await settle()
    expect(section('bills').get('[aria-label="All of Bills"]').attributes('aria-checked')).toBe('true')
    await section('bills').get('[aria-label="All of Bills"]').trigger('click')
    expect(model.value).toEqual(['bills.create'])
    expect(box('bills.create').attributes('disabled')).toBeDefined()
  })

  it('read-only: every box disabled, the reason shown and tied to the tree', () => {
    mountTree({ readonly: true, reason: 'The primary member is protected.', defaultExpanded: ['bills', 'banking'] })
    const reason = wrapper!.get('[data-test="readonly-reason"]')
    expect(reason.text()).toBe('The primary member is protected.')
    expect(wrapper!.get('[role="group"][aria-label="Permissions"]').attributes('aria-describedby')).toBe(reason.attributes('id'))
    for (const node of wrapper!.findAll('[role="checkbox"]')) expect(node.attributes('disabled')).toBeDefined()
  })

  it('keyboard: arrows, Home and End move between the visible controls; Space ticks', async () => {
    const model = mountTree({ defaultExpanded: ['bills'] })
    const controls = () => wrapper!.findAll('[data-tree-focusable]').filter((node) => !node.element.closest('[hidden]'))
    const first = controls()[0]!.element as HTMLElement
    first.focus()
    await controls()[0]!.trigger('keydown', { key: 'ArrowDown' })
    expect(document.activeElement).toBe(controls()[1]!.element)
    await controls()[1]!.trigger('keydown', { key: 'End' })
    const last = controls().at(-1)!
    expect(document.activeElement).toBe(last.element)
    // The collapsed Banking section's only item is not reachable: the last control is its section box.
    expect(last.attributes('aria-label')).toBe('All of Banking')
    await last.trigger('keydown', { key: 'Home' })
    expect(document.activeElement).toBe(first)
    // reka-ui's checkbox is a button: Space clicks it (the browser's default, as a click here).
    await box('bills.pay').trigger('click')
    expect(model.value).toContain('bills.pay')
  })
})
