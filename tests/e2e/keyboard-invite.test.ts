import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { useDemo } from './support/fixtures.ts'
import { activeTab, panel, panelAs, panelFocus, type PanelFocus, tabReady } from './support/panel.ts'

const demo = useDemo()
const invitee = 'keyboard.only@example.test'

/**
 * Presses `key` until the element focused in the panel satisfies `wanted` (checked before each press,
 * so an already focused target costs no press) and returns it; fails after `max` presses, naming what
 * had focus, so a broken Tab order shows where it broke.
 */
async function pressUntil(page: Page, key: string, wanted: (focus: PanelFocus) => boolean, max = 40): Promise<PanelFocus> {
  const seen: string[] = []
  for (let i = 0; i <= max; i++) {
    const focus = await panelFocus(page)
    if (focus && wanted(focus)) return focus
    seen.push(focus ? `${focus.tag}[${focus.test || focus.role}] "${focus.name.slice(0, 30)}"` : '(outside the panel)')
    if (i < max) await page.keyboard.press(key)
  }
  throw new Error(`${key} ×${max} never focused the wanted element; focus went: ${seen.slice(-12).join(' → ')}`)
}

/** The text of the option a focused <select> in the panel shows. */
function selectedOption(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.querySelector('rolecall-team-panel')?.shadowRoot?.activeElement
    return el instanceof HTMLSelectElement ? (el.selectedOptions[0]?.textContent ?? '').trim() : ''
  })
}

// NOTE: the mouse only signs in (the demo's picker); from the settings route on, every step is a key.
it('the invite flow by keyboard only: tabs, Invite, email, role, a checkbox, send, Escape; focus returns to Invite', async () => {
  const app = await demo.newApp()
  const { page } = app
  await panelAs(app, 'admin@justpaid.demo')

  // Tab from the page into the panel's tab list, then the arrow keys move (and activate) the tabs.
  await pressUntil(page, 'Tab', (f) => f.role === 'tab' && f.name === 'Members')
  await pressUntil(page, 'ArrowRight', (f) => f.role === 'tab' && f.name === 'Invitations', 5)
  await tabReady(page)
  expect(await activeTab(page).locator('h2').textContent()).toBe('Invitations')

  await pressUntil(page, 'Tab', (f) => f.test === 'invite', 5)
  await page.keyboard.press('Enter')
  const dialog = panel(page).getByRole('dialog')
  await dialog.waitFor()

  await pressUntil(page, 'Tab', (f) => f.test === 'email', 6)
  await page.keyboard.type(invitee)

  // NOTE: arrow keys on a closed <select> change its value in place (no popup to steer through).
  await pressUntil(page, 'Tab', (f) => f.test === 'role', 3)
  for (let i = 0; i < 6 && await selectedOption(page) !== 'Accountant'; i++) await page.keyboard.press('ArrowUp')
  for (let i = 0; i < 6 && await selectedOption(page) !== 'Accountant'; i++) await page.keyboard.press('ArrowDown')
  expect(await selectedOption(page)).toBe('Accountant')

  // Tab into the permission tree and tick the first box the Accountant role does not already hold.
  const box = await pressUntil(page, 'Tab', (f) => f.role === 'checkbox' && f.checked === 'false' && !f.name.startsWith('All'), 20)
  await page.keyboard.press('Space')
  expect((await panelFocus(page))?.checked, box.name).toBe('true')

  await pressUntil(page, 'Tab', (f) => f.test === 'send', 20)
  await page.keyboard.press('Enter')
  await dialog.getByText(`Invitation sent to ${invitee}`).waitFor()
  await app.screenshot('keyboard-invite-sent')

  await page.keyboard.press('Escape')
  await dialog.waitFor({ state: 'detached' })
  expect((await panelFocus(page))?.test).toBe('invite')
  const row = activeTab(page).locator('tr', { hasText: invitee })
  await row.waitFor()
  expect(await row.textContent()).toContain('Accountant')
  await app.screenshot('keyboard-invite-closed')
  expect(app.errors).toEqual([])
})
