import AxeBuilder from '@axe-core/playwright'
import type { Locator, Page } from 'playwright-core'
import type { DemoApp } from './demo-app.ts'

/** The embedded `<rolecall-team-panel>`; playwright's locators below it pierce its open shadow root. */
export function panel(page: Page): Locator {
  return page.locator('rolecall-team-panel')
}

/**
 * Serious and critical axe violations, as `rule: target` lines (empty when clean): the whole page, or only
 * what matches `include` (axe walks the panel's open shadow root).
 */
export async function violations(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page })
  const { violations } = await (include ? builder.include(include) : builder).analyze()
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${n.failureSummary?.split('\n')[1]?.trim() ?? v.help})`))
}

/** Serious and critical axe violations inside the panel only. */
export function panelViolations(page: Page): Promise<string[]> {
  return violations(page, 'rolecall-team-panel')
}

/** Sets an attribute of the embedded element (theme, locale), as a host page would. */
export async function setPanel(page: Page, name: string, value: string): Promise<void> {
  await page.evaluate(([n, v]) => document.querySelector('rolecall-team-panel')?.setAttribute(n!, v!), [name, value])
}

/** The open tab's content (reka-ui renders only the active tab panel). */
export function activeTab(page: Page): Locator {
  return panel(page).locator('[role=tabpanel][data-state=active]')
}

/**
 * Waits until the open tab shows its screen: its heading is there and no loading state is left
 * (the screen itself loads lazily, then reads its rows).
 */
export async function tabReady(page: Page): Promise<void> {
  const content = activeTab(page)
  await content.locator('h2').first().waitFor()
  await content.locator('[data-state=loading]').first().waitFor({ state: 'detached' })
}

/** Opens the demo's settings page as `email` and waits until the embedded panel shows its members. */
export async function panelAs(app: DemoApp, email: string): Promise<void> {
  await app.signInAs(email)
  await app.goto('settings')
  await panel(app.page).locator('[role=grid] [role=row]').nth(1).waitFor()
}

/** The element focused inside the panel, as a test can name it. */
export interface PanelFocus {
  /** Its `data-test` attribute, or ''. */
  test: string
  /** Its tag name, lower case. */
  tag: string
  /** Its `role` attribute, or ''. */
  role: string
  /** Its accessible name as far as a test needs it: aria-label, its <label>, else its text. */
  name: string
  /** `aria-checked` (checkboxes), or null. */
  checked: string | null
}

/**
 * The element focused inside the panel's shadow root (`shadowRoot.activeElement`; the page's own
 * `document.activeElement` is only the custom element), or null when focus is outside the panel.
 */
export function panelFocus(page: Page): Promise<PanelFocus | null> {
  return page.evaluate(() => {
    const el = document.querySelector('rolecall-team-panel')?.shadowRoot?.activeElement as HTMLElement | null | undefined
    if (!el) return null
    const labels = (el as HTMLInputElement).labels
    const name = el.getAttribute('aria-label') ?? (labels?.[0]?.textContent ?? el.textContent ?? '')
    return {
      test: el.dataset.test ?? '',
      tag: el.tagName.toLowerCase(),
      role: el.getAttribute('role') ?? '',
      name: name.trim(),
      checked: el.getAttribute('aria-checked'),
    }
  })
}
