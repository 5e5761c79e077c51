// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import StateView from '../../components/shared/StateView.vue'
import { viewState } from '../../components/shared/view-state.ts'
import { mountWithI18n } from './mount.ts'

describe('viewState', () => {
  it('a refusal that means "not for you" is refused; any other failure is an error; then loading, empty, ready', () => {
    for (const code of ['RC101', 'RC102', 'RC103', '42501']) expect(viewState({ error: { code }, loaded: true, empty: false })).toBe('refused')
    expect(viewState({ error: { code: 'network' }, loaded: true, empty: false })).toBe('error')
    expect(viewState({ error: { code: 'PGRST116' }, loaded: true, empty: false })).toBe('error')
    expect(viewState({ error: { code: 'PGRST116' }, loaded: true, empty: false }, ['PGRST116'])).toBe('refused')
    expect(viewState({ error: null, loaded: false, empty: true })).toBe('loading')
    expect(viewState({ error: null, loaded: true, empty: true })).toBe('empty')
    expect(viewState({ error: undefined, loaded: true, empty: false })).toBe('ready')
  })
})

describe('StateView', () => {
  it('loading is a polite status', () => {
    const wrapper = mountWithI18n(StateView, { props: { state: 'loading' } })
    expect(wrapper.get('[role="status"]').text()).toBe('Loading…')
  })

  it('empty shows its text or slot', () => {
    expect(mountWithI18n(StateView, { props: { state: 'empty' } }).text()).toBe('Nothing here yet.')
    expect(mountWithI18n(StateView, { props: { state: 'empty', emptyText: 'No invitations.' } }).text()).toBe('No invitations.')
    expect(mountWithI18n(StateView, { props: { state: 'empty' }, slots: { empty: '<b>Invite someone</b>' } }).html()).toContain('<b>Invite someone</b>')
  })

  it('ready shows the content', () => {
    const wrapper = mountWithI18n(StateView, { props: { state: 'ready' }, slots: { default: '<table>rows</table>' } })
    expect(wrapper.html()).toContain('<table>rows</table>')
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
  })

  it('refused shows the server\'s message in the user\'s language, with its code', () => {
    const error = { code: 'RC105', messageKey: 'errors.RC105' }
    const uk = mountWithI18n(StateView, { props: { state: 'refused', error } }, 'uk')
    expect(uk.get('[role="alert"]').text()).toContain('Адміністратор, призначений Підписником, не може бути видалений')
    expect(uk.text()).toContain('Код RC105')
    expect(uk.find('button').exists()).toBe(false)
    const en = mountWithI18n(StateView, { props: { state: 'refused', error } })
    expect(en.text()).toContain('The primary member is protected')
  })

  it('error offers a retry; an unknown key never shows raw', async () => {
    const wrapper = mountWithI18n(StateView, { props: { state: 'error', error: { code: 'PGRST999', messageKey: 'errors.PGRST999' } } })
    expect(wrapper.text()).toContain('Something went wrong. Try again.')
    expect(wrapper.text()).not.toContain('errors.PGRST999')
    await wrapper.get('button').trigger('click')
    expect(wrapper.emitted('retry')).toHaveLength(1)
  })
})
