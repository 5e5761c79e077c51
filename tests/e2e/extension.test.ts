import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { screenshot } from './support/browser.ts'
import { useExtension } from './support/extension.ts'
import { apiAs, demoPassword } from './support/stack.ts'

// The unpacked Chromium build, loaded as a user loads it, against the local stack: the options page
// connects the project and signs in with a code from the mailbox; the popup shows what the user may do
// and why, follows an admin's change after a refresh (with a notification) and accepts an invitation; an
// admin changes a member in the side panel. One flow, in order: each step builds on the one before.

/** The part of the extension API these page scripts call (they run inside Chromium, not here). */
declare const chrome: {
  notifications: { getAll(callback: (all: Record<string, unknown>) => void): void }
  runtime: {
    sendMessage(message: unknown): Promise<unknown>
    getContexts(filter: { contextTypes: string[] }): Promise<{ documentUrl?: string }[]>
  }
}

const ext = useExtension()
const user = 'user@justpaid.demo'
const justPaid = 'a0000000-0000-4000-8000-000000000001'
/** Uma User's member row in JustPaid (supabase/seed.sql). */
const umaMember = 'c0000000-0000-4000-8000-000000000103'

/** The newest one-time code the stack's mailbox holds for `to`. */
async function emailedCode(to: string): Promise<string> {
  const list = await (await fetch(`${ext.server.url}/mailbox/api/messages?to=${encodeURIComponent(to)}`)).json() as { id: string }[]
  const message = await (await fetch(`${ext.server.url}/mailbox/api/messages/${list[0]!.id}`)).json() as { text: string }
  const code = /code: (\d{6})/.exec(message.text)?.[1]
  if (!code) throw new Error(`no code in the email to ${to}`)
  return code
}

/** The popup's row of one permission or checkbox: its state and its reasons in words. */
function row(popup: Page, key: string) {
  return popup.locator(`[data-row="${key}"]`)
}

/** The extension's notifications, as the background raised them (read inside its service worker). */
function notifications(): Promise<Record<string, unknown>> {
  return ext.worker.evaluate(() => new Promise<Record<string, unknown>>((resolve) => chrome.notifications.getAll(resolve)))
}

/** The documents open in the browser's side panel, as the extension itself sees them. */
function sidePanels(): Promise<string[]> {
  return ext.worker.evaluate(async () =>
    (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })).map((c) => c.documentUrl ?? ''))
}

describe('the extension, loaded unpacked in Chromium, against the local stack', () => {
  it('connects the project on the options page and signs in with an emailed 6-digit code', async () => {
    const options = await ext.open('options.html')
    await options.getByLabel('Project URL').fill(ext.server.url)
    await options.getByLabel('Anon key').fill(ext.server.config.anonKey)
    await options.getByRole('button', { name: 'Connect', exact: true }).click()
    await expect.poll(() => options.getByText(`Connected to ${ext.server.url}`).isVisible()).toBe(true)

    await options.getByRole('tab', { name: 'Code by email' }).click()
    await options.getByRole('textbox', { name: 'Email' }).fill(user)
    await options.getByRole('button', { name: 'Email me a 6-digit code' }).click()
    await options.getByRole('textbox', { name: 'Code from the email' }).fill(await emailedCode(user))
    await options.getByRole('button', { name: 'Sign in with the code' }).click()
    await expect.poll(() => options.getByText(`Signed in as ${user}`).isVisible()).toBe(true)
    await screenshot(options, 'extension-options-en')
    await options.close()
  })

  it('the popup shows the JustPaid User their six boxes and why each is on or off', async () => {
    const popup = await ext.open('popup.html')
    await expect.poll(() => popup.getByText('JustPaid Demo Inc.').first().isVisible()).toBe(true)
    const approve = row(popup, 'bills.approve').or(popup.locator('[data-row]', { hasText: 'Approve Bills' })).first()
    await expect.poll(() => approve.getAttribute('data-state')).toBe('granted')
    expect(await approve.locator('[data-test="reason"]').innerText()).toMatch(/ticked by an admin/i)
    await screenshot(popup, 'extension-popup-en')
    await popup.close()
  })

  it('after the admin unticks "Approve Bills", a refresh shows it refused and a notification says so', async () => {
    expect(Object.keys(await notifications())).toEqual([])
    const admin = await apiAs(ext.server, 'admin@justpaid.demo')
    const { error } = await admin.rpc('set_member_overrides', { p_member: umaMember, p_grants: [], p_denies: [] })
    expect(error).toBeNull()

    // The background compares what it saw before with what it sees now (an alarm, or this message).
    const options = await ext.open('options.html')
    await options.evaluate(() => chrome.runtime.sendMessage({ type: 'rolecall:refresh' }))
    await expect.poll(async () => Object.values(await notifications()).length, { timeout: 15_000 }).toBeGreaterThan(0)
    await options.close()

    const popup = await ext.open('popup.html')
    const approve = popup.locator('[data-row]', { hasText: 'Approve Bills' }).first()
    await expect.poll(() => approve.getAttribute('data-state'), { timeout: 15_000 }).toBe('denied')

    await approve.getByRole('button', { name: /Why is .Approve Bills. not allowed/ }).click()
    await expect.poll(() => popup.getByText('Jordan Admin').isVisible()).toBe(true)
    await screenshot(popup, 'extension-popup-why-not-en')
    await popup.close()
  })

  it('accepts an invitation from the popup', async () => {
    const inviter = await apiAs(ext.server, 'admin@blank.demo')
    const { data: roles } = await inviter.from('roles').select('id, name').order('rank', { ascending: false })
    const role = (roles as { id: string; name: string }[]).find((r) => !/admin/i.test(r.name)) ?? (roles as { id: string }[])[0]!
    const { data: orgs } = await inviter.rpc('my_organizations')
    const org = (orgs as { organization_id: string; name: string }[])[0]!
    const { error } = await inviter.functions.invoke('invite', { body: { organization_id: org.organization_id, email: user, role_id: role.id } })
    expect(error).toBeNull()

    const popup = await ext.open('popup.html')
    const invitation = popup.locator('li', { hasText: `${org.name} invites you` })
    await expect.poll(() => invitation.isVisible(), { timeout: 15_000 }).toBe(true)
    await invitation.getByRole('button', { name: 'Accept' }).click()
    // The organization joins the list (the popup refreshes after answering).
    await expect.poll(() => popup.getByRole('radio', { name: new RegExp(org.name) }).isVisible(), { timeout: 15_000 }).toBe(true)
    await screenshot(popup, 'extension-popup-invitation-accepted-en')

    const me = await apiAs(ext.server, user)
    const { data: mine } = await me.rpc('my_organizations')
    expect((mine as { organization_id: string }[]).map((o) => o.organization_id)).toContain(org.organization_id)
    await popup.close()
  })

  it('in Ukrainian, the popup and the options page speak Ukrainian', async () => {
    const options = await ext.open('options.html')
    await options.getByRole('radio', { name: 'Українська' }).check()
    await expect.poll(() => options.getByText('Налаштування Rolecall').first().isVisible()).toBe(true)
    await screenshot(options, 'extension-options-uk')
    const popup = await ext.open('popup.html')
    await expect.poll(() => popup.getByText('Що вам дозволено').first().isVisible()).toBe(true)
    await screenshot(popup, 'extension-popup-uk')
    await options.getByRole('radio', { name: 'English', exact: true }).check()
    await popup.close()
    await options.close()
  })

  it('an admin signs in with a password and changes a member in the side panel', async () => {
    const options = await ext.open('options.html')
    await options.getByRole('button', { name: 'Sign out' }).click({ timeout: 5_000 })
    await options.getByRole('tab', { name: 'Password' }).click({ timeout: 5_000 })
    await options.getByRole('textbox', { name: 'Email' }).fill('admin@justpaid.demo')
    await options.locator('input[type=password]').fill(demoPassword)
    await options.getByRole('button', { name: 'Sign in', exact: true }).click()
    await expect.poll(() => options.getByText('Signed in as admin@justpaid.demo').isVisible()).toBe(true)

    const popup = await ext.open('popup.html')
    const open = popup.getByRole('button', { name: 'Open team panel' })
    await expect.poll(() => open.isVisible(), { timeout: 15_000 }).toBe(true)
    expect(await sidePanels()).toEqual([])
    await open.click()
    // The click is a user gesture, so Chrome opens the real side panel (and the popup closes itself).
    await expect.poll(sidePanels, { timeout: 15_000 }).toEqual([expect.stringContaining('/sidepanel.html')])

    // NOTE: Playwright does not hand out the side panel's page (it is browser UI, not a tab); the same page
    // opened as a tab is what the admin works in here.
    const panel = await ext.open('sidepanel.html')
    await panel.locator('[role=row]', { hasText: user }).getByRole('button', { name: 'Change' }).click({ timeout: 10_000 })
    const card = panel.getByRole('dialog')
    const box = card.getByRole('checkbox', { name: 'Approve Bills' })
    await box.waitFor({ timeout: 15_000 })
    expect(await box.isChecked()).toBe(false)
    await box.click()
    await card.getByRole('button', { name: 'Save permissions' }).click()
    await panel.getByText('Saved.', { exact: true }).waitFor()
    await expect.poll(async () => {
      const me = await apiAs(ext.server, user)
      const { data } = await me.rpc('has_permission', { p_org: justPaid, p_key: 'bills.approve' })
      return data
    }, { timeout: 15_000 }).toBe(true)
    await screenshot(panel, 'extension-side-panel-en')
  })
})
