// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import ConfirmDialog from '../../components/shared/ConfirmDialog.vue'
import { mountWithI18n, settle } from './mount.ts'

/** A page with an opener button and the dialog, like a members row's "Remove". */
const Page = defineComponent({
  props: { destructive: Boolean },
  setup(props) {
    const open = ref(false)
    const events = ref<string[]>([])
    return () => [
      h('button', { id: 'opener', onClick: () => (open.value = true) }, 'Remove'),
      h(ConfirmDialog, {
        open: open.value,
        'onUpdate:open': (value: boolean) => (open.value = value),
        title: 'Remove Anna?',
        description: 'Anna loses access at once; the admins are emailed.',
        confirmLabel: 'Remove',
        destructive: props.destructive,
        onConfirm: () => { events.value.push('confirm'); open.value = false },
        onCancel: () => events.value.push('cancel'),
      }),
      h('output', { id: 'events' }, events.value.join(',')),
    ]
  },
})

async function openDialog(destructive = false) {
  const wrapper = mountWithI18n(Page, { props: { destructive } })
  const opener = wrapper.get('#opener').element as HTMLButtonElement
  opener.focus()
  await wrapper.get('#opener').trigger('click')
  await settle()
  return { wrapper, opener }
}

const dialog = () => document.querySelector<HTMLElement>('[role="alertdialog"]')
const events = () => document.querySelector('#events')?.textContent

describe('ConfirmDialog', () => {
  afterEach(() => { document.body.innerHTML = '' })

  it('says what will happen, as an accessible alert dialog', async () => {
    await openDialog()
    expect(dialog()?.textContent).toContain('Anna loses access at once; the admins are emailed.')
    const titleId = dialog()?.getAttribute('aria-labelledby')
    expect(document.getElementById(titleId ?? '')?.textContent).toContain('Remove Anna?')
    expect(dialog()?.getAttribute('aria-describedby')).toBeTruthy()
  })

  it('confirm emits confirm; the parent closes it and focus returns to the opener', async () => {
    const { opener } = await openDialog()
    document.querySelector<HTMLElement>('[data-test="confirm"]')?.click()
    await settle()
    await settle()
    expect(events()).toBe('confirm')
    expect(dialog()).toBeNull()
    expect(document.activeElement).toBe(opener)
  })

  it('cancel closes it with cancel and returns focus', async () => {
    const { opener } = await openDialog()
    document.querySelector<HTMLElement>('[data-test="cancel"]')?.click()
    await settle()
    await settle()
    expect(events()).toBe('cancel')
    expect(dialog()).toBeNull()
    expect(document.activeElement).toBe(opener)
  })

  it('Esc cancels', async () => {
    await openDialog()
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    await settle()
    expect(events()).toBe('cancel')
    expect(dialog()).toBeNull()
  })

  it('the destructive variant has a danger confirm button with its own label', async () => {
    await openDialog(true)
    const confirm = document.querySelector<HTMLElement>('[data-test="confirm"]')
    expect(confirm?.className).toContain('btn-danger')
    expect(confirm?.textContent?.trim()).toBe('Remove')
  })

  it('defaults the labels to the user\'s language', async () => {
    const wrapper = mountWithI18n(ConfirmDialog, { props: { open: true, title: 'Видалити?', description: 'Користувач втратить доступ.' } }, 'uk')
    await settle()
    expect(document.querySelector('[data-test="cancel"]')?.textContent?.trim()).toBe('Скасувати')
    expect(document.querySelector('[data-test="confirm"]')?.textContent?.trim()).toBe('Ok')
    wrapper.unmount()
  })
})
