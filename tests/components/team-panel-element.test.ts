// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { panelContextKey, type PanelContext } from '../../components/panel/context.ts'
import { registerTeamPanel, teamPanelTag } from '../../components/panel/team-panel-element.ts'
import { generatePanelCss } from '../../components/panel/widget-build/panel-css.ts'
import { until } from './invitations/support.ts'
import { settle } from './mount.ts'
import { demoPassword, useChildStack } from './support/stack.ts'

const hostile = '* { all: unset } button { display: none }'

beforeAll(async () => {
  // The real stylesheet, as the widget build makes it.
  registerTeamPanel([await generatePanelCss()])
  const style = document.createElement('style')
  style.textContent = hostile
  document.head.append(style)
})

async function addPanel(attributes: Record<string, string> = {}) {
  const element = document.createElement(teamPanelTag)
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value)
  document.body.append(element)
  await settle()
  return { element, shadow: element.shadowRoot! }
}

/** The panel's context as its screens see it (Vue's internal handle of the element's root component). */
function contextOf(element: HTMLElement): PanelContext {
  // @ts-expect-error _instance is Vue's internal handle of the element's component; its provides hold the context.
  return element._instance.provides[panelContextKey as symbol] as PanelContext
}

describe('<rolecall-team-panel>', async () => {
  const stack = await useChildStack()
  afterEach(() => {
    document.querySelectorAll(teamPanelTag).forEach((element) => element.remove())
    localStorage.clear()
  })

  it('renders the tabs inside its own shadow root, with its stylesheet there', async () => {
    const { shadow } = await addPanel()
    expect(shadow).toBeTruthy()
    expect(shadow.querySelector('[role="tablist"]')?.getAttribute('aria-label')).toBe('Team administration')
    expect([...shadow.querySelectorAll('[role="tab"]')].map((tab) => tab.textContent?.trim()))
      .toEqual(['Members', 'Invitations', 'Roles', 'Permission Policies', 'Settings', 'Audit log'])
    expect(shadow.querySelector('[role="tab"][aria-selected="true"]')?.textContent?.trim()).toBe('Members')
    const css = [...shadow.querySelectorAll('style')].map((style) => style.textContent).join('\n')
    for (const rule of ['.rc-root', '.btn-primary', '[data-theme="dark"]', '--rolecall-accent']) expect(css).toContain(rule)
  })

  it('survives a hostile host stylesheet, and its styles do not leak out', async () => {
    const { shadow } = await addPanel()
    // The host's rules stay outside: nothing of them is inside the shadow root ...
    const inside = [...shadow.querySelectorAll('style')].map((style) => style.textContent).join('\n')
    expect(inside).not.toContain('all: unset')
    // ... the host's buttons vanish but the panel's keep their display ...
    const hostButton = document.body.appendChild(document.createElement('button'))
    expect(getComputedStyle(hostButton).display).toBe('none')
    const tab = shadow.querySelector<HTMLElement>('[role="tab"]')!
    expect(getComputedStyle(tab).display).not.toBe('none')
    hostButton.remove()
    // ... and the panel's rules never reach the document.
    const outside = [...document.querySelectorAll('style')].map((style) => style.textContent).join('\n')
    expect(outside).toBe(hostile)
    // The inherited properties are set on the panel's own root, not taken from the unset host.
    expect(inside).toMatch(/\.rc-root\s*\{[^}]*font:/)
  })

  it('takes locale, theme and accent as attributes, and follows changes', async () => {
    const { element, shadow } = await addPanel({ locale: 'uk', theme: 'dark', accent: '#0a7' })
    const root = shadow.querySelector<HTMLElement>('.rc-root')!
    expect(root.dataset.theme).toBe('dark')
    expect(root.getAttribute('lang')).toBe('uk')
    expect(root.getAttribute('style')).toContain('--rc-accent: #0a7')
    expect(shadow.querySelector('[role="tab"]')?.textContent?.trim()).toBe('Команда')
    element.setAttribute('theme', 'light')
    element.setAttribute('locale', 'en')
    await settle()
    expect(root.dataset.theme).toBe('light')
    expect(shadow.querySelector('[role="tab"]')?.textContent?.trim()).toBe('Members')
  })

  it('the tabs work from the keyboard', async () => {
    const { shadow } = await addPanel()
    const tabs = [...shadow.querySelectorAll<HTMLElement>('[role="tab"]')]
    tabs[0]!.focus()
    tabs[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }))
    await settle()
    expect(shadow.activeElement).toBe(tabs[1])
    expect(tabs[1]!.getAttribute('aria-selected')).toBe('true')
    expect(shadow.querySelector('[role="tabpanel"][data-state="active"]')?.id).toMatch(/-content-invitations$/)
  })

  it('sends the panel\'s events to the host as DOM events', async () => {
    const { element } = await addPanel()
    const received: unknown[] = []
    element.addEventListener('member-changed', (event) => received.push((event as CustomEvent).detail[0]))
    const change = { organizationId: 'org', id: 'member', action: 'role_changed' }
    // @ts-expect-error _instance is Vue's internal handle of the element's component, used here to emit as a screen would.
    element._instance.emit('member-changed', change)
    expect(received).toEqual([change])
  })

  it('with supabase-url and anon-key: its own sign-in in the shadow root, then the members list and "Sign out"', async () => {
    const { shadow } = await addPanel({ 'supabase-url': stack.url, 'anon-key': stack.anonKey, locale: 'en' })
    await until(() => shadow.querySelector('[data-test="sign-in"] form') !== null)
    const input = (label: string) => {
      const id = [...shadow.querySelectorAll('label')].find((candidate) => candidate.textContent?.trim() === label)?.htmlFor
      return shadow.getElementById(id ?? '') as HTMLInputElement
    }
    for (const [label, value] of [['Email', 'admin@justpaid.demo'], ['Password', demoPassword]] as const) {
      input(label).value = value
      input(label).dispatchEvent(new Event('input', { bubbles: true }))
      await settle()
    }
    shadow.querySelector<HTMLButtonElement>('[data-test="password-form"] [type="submit"]')!.click()
    await until(() => shadow.querySelector('[role="tabpanel"] h2')?.textContent?.trim() === 'Team Members')
    await until(() => shadow.querySelector('[data-test="count"]')?.textContent === '1–3 of 3')
    expect(shadow.querySelector('[data-test="signed-in-as"]')?.textContent).toBe('Signed in as admin@justpaid.demo')
    expect(shadow.querySelector('[data-test="sign-out"]')?.textContent?.trim()).toBe('Sign out')
  })

  it('takes the member card\'s resource tables as JSON in resource-sources (or as the resourceSources property)', async () => {
    const sources = [{ type: 'matter', schema: 'vendor', table: 'matters', label: 'title', idColumn: 'matter_id' }]
    const { element } = await addPanel({ 'resource-sources': JSON.stringify(sources) })
    expect(contextOf(element).resourceSources?.value).toEqual(sources)
    element.setAttribute('resource-sources', 'not json')
    await settle()
    // Not a list of sources: the card keeps its default.
    expect(contextOf(element).resourceSources?.value).toBeUndefined()
    const property = [{ type: 'budget', schema: 'example', table: 'budgets', label: 'name' }]
    Object.assign(element, { resourceSources: property })
    await settle()
    expect(contextOf(element).resourceSources?.value).toEqual(property)
  })

  it('is defined once even when registered twice', () => {
    expect(() => registerTeamPanel([''])).not.toThrow()
  })
})
