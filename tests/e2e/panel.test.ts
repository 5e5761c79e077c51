import { describe, expect, it } from 'vitest'
import type { DemoApp } from './support/demo-app.ts'
import { useDemo } from './support/fixtures.ts'
import { panelAs as openPanel, panelViolations, setPanel as setAttribute } from './support/panel.ts'

const demo = useDemo()

/** Opens the demo's settings page as `email` and waits until the embedded panel shows its members. */
async function panelAs(email: string): Promise<DemoApp> {
  const app = await demo.newApp()
  await openPanel(app, email)
  return app
}

/** Sets an attribute of the embedded element (theme, locale), as a host page would. */
function setPanel(app: DemoApp, name: string, value: string): Promise<void> {
  return setAttribute(app.page, name, value)
}

/** Serious and critical axe violations inside the panel (axe walks its open shadow root). */
function violations(app: DemoApp): Promise<string[]> {
  return panelViolations(app.page)
}

describe('the team panel embedded in the demo', () => {
  it.each([
    ['JustPaid, English', 'admin@justpaid.demo', 'Team Members'],
    ['Jusnote, Ukrainian', 'admin@jusnote.demo', 'Команда'],
  ])('%s: the members list in both themes, with no serious axe violations', async (name, email, title) => {
    const app = await panelAs(email)
    await app.page.locator('rolecall-team-panel').getByRole('heading', { name: title }).waitFor()
    for (const theme of ['light', 'dark']) {
      await setPanel(app, 'theme', theme)
      expect(await violations(app), theme).toEqual([])
      await app.screenshot(`panel-members-${name.split(',')[0]!.toLowerCase()}-${theme}`)
    }
    expect(app.errors).toEqual([])
  })

  it('a host stylesheet that unsets everything and hides buttons does not reach the panel', async () => {
    const app = await panelAs('admin@justpaid.demo')
    await app.page.addStyleTag({ content: '* { all: unset } button { display: none }' })
    await app.page.evaluate(() => document.body.append(Object.assign(document.createElement('button'), { id: 'host-button', textContent: 'Host' })))
    // the host's own button is hidden by its stylesheet; the panel's tabs and buttons are not
    expect(await app.page.locator('#host-button').isVisible()).toBe(false)
    expect(await app.page.locator('rolecall-team-panel [role=tab]').first().isVisible()).toBe(true)
    expect(await app.page.locator('rolecall-team-panel').getByRole('button', { name: 'Deactivate' }).first().isVisible()).toBe(true)
    await app.screenshot('panel-hostile-host-stylesheet')
  })
})
