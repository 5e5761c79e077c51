// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest'
import { registerTeamPanel, teamPanelTag } from '../../components/panel/team-panel-element.ts'
import { generatePanelCss } from '../../components/panel/widget-build/panel-css.ts'
import { settle } from './mount.ts'

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

describe('<rolecall-team-panel>', () => {
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

  it('is defined once even when registered twice', () => {
    expect(() => registerTeamPanel([''])).not.toThrow()
  })
})
