import { describe, expect, it } from 'vitest'
import type { DemoApp } from './support/demo-app.ts'
import { useDemo } from './support/fixtures.ts'
import { panel, panelAs, panelFocus, panelViolations } from './support/panel.ts'
import { clientFor } from '../server/support/server.ts'
import { apiAs } from './support/stack.ts'

const demo = useDemo()
const invitee = 'new.person@example.test'
const inviteePassword = 'a long enough password'
const payments = 'a0000000-0000-4000-8000-000000000005'

/** Whether the new member holds `key`, asked as that member through the API. */
async function inviteeHolds(key: string): Promise<boolean> {
  const client = clientFor(demo.server, demo.server.config.anonKey, { schema: 'rolecall' })
  const { error } = await client.auth.signInWithPassword({ email: invitee, password: inviteePassword })
  if (error) throw error
  const { data } = await client.rpc('has_permission', { p_org: payments, p_key: key })
  return data as boolean
}

/** The newest invitation link the stack's mailbox holds for `to` (read from Node, as a person reads mail). */
async function latestLink(to: string): Promise<string> {
  const list = await (await fetch(`${demo.server.url}/mailbox/api/messages?to=${encodeURIComponent(to)}`)).json() as { id: string }[]
  const message = await (await fetch(`${demo.server.url}/mailbox/api/messages/${list[0]!.id}`)).json() as { text: string }
  const link = /https?:\/\/\S+#token=[\w-]+/.exec(message.text)?.[0]
  if (!link) throw new Error(`no invitation link in the mail to ${to}`)
  return link
}

/** The Invitations tab of the panel on the demo's settings page. */
async function invitationsTab(admin: DemoApp) {
  await admin.goto('settings')
  const panel = admin.page.locator('rolecall-team-panel')
  await panel.getByRole('tab', { name: 'Invitations' }).click()
  return panel
}

describe('payments platform', () => {
  it('Company Users > Users: the first administrator\'s row is locked; another user\'s Actions menu works by keyboard', async () => {
    const admin = await demo.newApp()
    await panelAs(admin, 'admin@payments.demo')
    const users = panel(admin.page)
    const first = users.locator('[role=row]', { hasText: 'admin@payments.demo' })
    expect(await first.getByRole('button', { name: 'Actions for Priya Admin' }).isDisabled()).toBe(true)
    await first.getByText('The first administrator created for the account cannot be changed.').waitFor()
    await users.locator('[role=row]', { hasText: 'analyst@payments.demo' }).getByRole('button', { name: 'Actions for Ana Analyst' }).focus()
    await admin.page.keyboard.press('Enter')
    const menu = users.getByRole('menu')
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual(['Edit Role', 'Deactivate User'])
    expect((await panelFocus(admin.page))?.name).toBe('Edit Role')
    await admin.page.keyboard.press('ArrowDown')
    expect((await panelFocus(admin.page))?.name).toBe('Deactivate User')
    await admin.screenshot('payments-users-actions')
    expect(await panelViolations(admin.page)).toEqual([])
    await admin.page.keyboard.press('Escape')
    await menu.waitFor({ state: 'detached' })
    expect((await panelFocus(admin.page))?.name).toBe('Actions for Ana Analyst')
    expect(admin.errors).toEqual([])
  })

  it('invite with a custom role and an IP allowlist → the email → accept on the accept page; resending kills the old link', async () => {
    const admin = await demo.newApp()
    await admin.signInAs('admin@payments.demo')
    const panel = await invitationsTab(admin)
    await panel.getByRole('button', { name: 'Invite' }).click()
    const dialog = panel.getByRole('dialog')
    await dialog.getByLabel('Email').fill(invitee)
    await dialog.getByLabel('Role').selectOption({ label: 'Analyst' })
    // NOTE: the stack sees this browser at 127.0.0.1, so the allowlist lets the new member in from here.
    await dialog.getByLabel('Allowlist IPs (optional)').fill('127.0.0.1\n203.0.113.0/24')
    await dialog.getByRole('button', { name: 'Send invitation' }).click()
    await dialog.getByText(`Invitation sent to ${invitee}`).waitFor()
    await admin.screenshot('payments-invite-sent')
    const first = await latestLink(invitee)

    await dialog.getByRole('button', { name: 'Close' }).first().click()
    await panel.locator('[role=row], tr', { hasText: invitee }).getByRole('button', { name: 'Resend Invitation' }).click()
    await panel.getByRole('alertdialog').getByRole('button', { name: /Resend/ }).click()
    await expect.poll(async () => latestLink(invitee)).not.toBe(first)
    const second = await latestLink(invitee)

    const stale = await demo.newApp()
    await stale.page.goto(first)
    await stale.page.getByRole('heading', { name: 'This link does not work' }).waitFor()
    await stale.screenshot('payments-old-link-dead')

    const joiner = await demo.newApp()
    await joiner.page.goto(second)
    await joiner.page.getByLabel('Password', { exact: true }).fill(inviteePassword)
    await joiner.page.getByLabel('Repeat the password').fill(inviteePassword)
    await joiner.page.getByRole('button', { name: 'Create account and join' }).click()
    await joiner.page.getByRole('heading', { name: /^Welcome to / }).waitFor()
    await joiner.screenshot('payments-joined')

    const api = await apiAs(demo.server, 'admin@payments.demo')
    const { data: members } = await api.from('members').select('email, ip_allowlist, role_id').eq('email', invitee)
    expect(members).toHaveLength(1)
    expect(members![0]!.ip_allowlist).toEqual(['127.0.0.1', '203.0.113.0/24'])
    expect([...admin.errors, ...joiner.errors]).toEqual([])
  })

  it('"the changes will be applied to all users the policy is embedded": a policy edit in the panel changes the new member\'s rights', async () => {
    expect(await inviteeHolds('reports.view')).toBe(true)
    const admin = await demo.newApp()
    await admin.signInAs('admin@payments.demo')
    await admin.goto('settings')
    const panel = admin.page.locator('rolecall-team-panel')
    await panel.getByRole('tab', { name: 'Permission Policies' }).click()
    await panel.locator('[role=row], tr', { hasText: 'Read-only pages (by page)' }).getByRole('button', { name: 'Edit' }).click()
    const editor = panel.getByRole('dialog')
    await editor.getByRole('tab', { name: 'Permission by page' }).click()
    // NOTE: the page's group opens first; its own box is "All of View reports and data", hence exact.
    await editor.getByRole('button', { name: 'Show View reports and data' }).click()
    const reportsView = editor.getByRole('checkbox', { name: 'View reports and data', exact: true })
    expect(await reportsView.isChecked()).toBe(true)
    await reportsView.click()
    expect(await reportsView.isChecked()).toBe(false)
    await editor.getByRole('button', { name: 'Save' }).click()
    const confirm = panel.getByRole('alertdialog')
    await confirm.getByText(/The changes will be applied to all users the policy is embedded: roles .*Analyst; members holding them: \d+\./).waitFor()
    await admin.screenshot('payments-policy-edit-confirm')
    await confirm.getByRole('button', { name: 'Save' }).click()
    await panel.getByText('Permission policy Read-only pages (by page) saved.', { exact: true }).waitFor()
    expect(await inviteeHolds('reports.view')).toBe(false)
    expect(admin.errors).toEqual([])
  })
})
