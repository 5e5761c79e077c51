import { describe, expect, it } from 'vitest'
import panelMessages from '../../components/panel/messages.ts'
import type { PanelTab } from '../../components/panel/screens.ts'
import type { DemoApp } from './support/demo-app.ts'
import { useDemo } from './support/fixtures.ts'
import { activeTab, panel, panelAs, panelViolations, setPanel, tabReady } from './support/panel.ts'

const demo = useDemo()
const themes = ['light', 'dark'] as const

/**
 * Every tab in both themes: axe finds nothing serious and a screenshot `panel-<tab>-<lang>-<theme>` is
 * saved. Returns the failures as `tab/theme: violation` lines, so one run reports all of them at once.
 */
async function checkTabs(app: DemoApp, lang: 'en' | 'uk', tabs: readonly PanelTab[]): Promise<string[]> {
  const found: string[] = []
  for (const tab of tabs) {
    // NOTE: the tab's label in the panel's own messages, so the test follows a reworded tab.
    await panel(app.page).getByRole('tab', { name: panelMessages[lang].panel.tabs[tab], exact: true }).click()
    await tabReady(app.page)
    for (const theme of themes) {
      await setPanel(app.page, 'theme', theme)
      found.push(...(await panelViolations(app.page)).map((v) => `${tab}/${theme}: ${v}`))
      await app.screenshot(`panel-${tab}-${lang}-${theme}`)
    }
  }
  return found
}

/** Axe and screenshots of the open dialog in both themes, as `name/theme: violation` lines. */
async function checkDialog(app: DemoApp, name: string): Promise<string[]> {
  const found: string[] = []
  for (const theme of themes) {
    await setPanel(app.page, 'theme', theme)
    found.push(...(await panelViolations(app.page)).map((v) => `${name}/${theme}: ${v}`))
    await app.screenshot(`panel-${name}-${theme}`)
  }
  return found
}

// NOTE: one signed-in page per organization walks its tabs and themes: a sign-in per screen would only
// repeat the same checks and multiply the file's time. Roles and policies are the payments platform's
// screens (custom roles built from policies): its admin covers them in English, Jusnote's in Ukrainian.
describe('every screen of the panel, both themes, both languages: no serious axe violations, a screenshot each', () => {
  it.each([
    ['JustPaid admin, English', 'admin@justpaid.demo', 'en', ['members', 'invitations', 'settings', 'audit']],
    ['Jusnote admin, Ukrainian', 'admin@jusnote.demo', 'uk', ['members', 'invitations', 'roles', 'policies', 'settings', 'audit']],
    ['payments platform admin, English', 'admin@payments.demo', 'en', ['roles', 'policies']],
  ] as const)('%s', async (_, email, lang, tabs) => {
    const app = await demo.newApp()
    await panelAs(app, email)
    expect(await checkTabs(app, lang, tabs)).toEqual([])
    expect(app.errors).toEqual([])
  })

  it('the invite dialog and the member card (JustPaid admin)', async () => {
    const app = await demo.newApp()
    await panelAs(app, 'admin@justpaid.demo')
    const found: string[] = []

    await panel(app.page).locator('[role=row]', { hasText: 'user@justpaid.demo' }).getByRole('button', { name: 'Change' }).click()
    const card = panel(app.page).getByRole('dialog')
    await card.getByRole('checkbox', { name: 'Approve Bills' }).waitFor()
    found.push(...await checkDialog(app, 'member-card'))
    await app.page.keyboard.press('Escape')
    await card.waitFor({ state: 'detached' })

    await panel(app.page).getByRole('tab', { name: 'Invitations', exact: true }).click()
    await tabReady(app.page)
    await activeTab(app.page).getByRole('button', { name: 'Invite', exact: true }).click()
    await panel(app.page).getByRole('dialog').getByLabel('Email').waitFor()
    found.push(...await checkDialog(app, 'invite-dialog'))

    expect(found).toEqual([])
    expect(app.errors).toEqual([])
  })
})
