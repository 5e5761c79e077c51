import { describe, expect, it } from 'vitest'
import type { DemoApp } from './support/demo-app.ts'
import { useDemo } from './support/fixtures.ts'

const demo = useDemo()

/** As the Admin, in the panel on the demo's settings page: opens Uma User's card and flips "Approve Bills" to `on`. */
async function setApproveBills(admin: DemoApp, on: boolean): Promise<void> {
  await admin.goto('settings')
  const panel = admin.page.locator('rolecall-team-panel')
  await panel.locator('[role=row]', { hasText: 'user@justpaid.demo' }).getByRole('button', { name: 'Change' }).click()
  const card = panel.getByRole('dialog')
  const box = card.getByRole('checkbox', { name: 'Approve Bills' })
  await box.waitFor()
  expect(await box.isChecked()).toBe(!on)
  await box.click()
  await card.getByRole('button', { name: 'Save permissions' }).click()
  await panel.getByText('Saved.', { exact: true }).waitFor()
  await admin.screenshot(`justpaid-admin-${on ? 'ticks' : 'unticks'}-approve-bills`)
}

describe('JustPaid', () => {
  // seed.sql: Uma User starts with "Approve Bills" ticked.
  it('the Admin unticks "Approve Bills" for a User in the panel → that User is refused on the vendor page; ticks → approves', async () => {
    const admin = await demo.newApp()
    await admin.signInAs('admin@justpaid.demo')
    await setApproveBills(admin, false)

    const app = await demo.newApp()
    await app.signInAs('user@justpaid.demo')
    await app.goto('bills')
    expect(await app.act('Acme Office Supplies', 'Approve')).toMatch(/^Acme Office Supplies: Not allowed\. .*bills\.approve/)
    expect(await app.billStatus('Acme Office Supplies')).toBe('draft')
    await app.screenshot('justpaid-user-refused')

    await setApproveBills(admin, true)
    await app.goto('bills')
    expect(await app.act('Acme Office Supplies', 'Approve')).toBe('Acme Office Supplies: approved.')
    expect(await app.billStatus('Acme Office Supplies')).toBe('approved')
    await app.screenshot('justpaid-user-approves')
    expect([...admin.errors, ...app.errors]).toEqual([])
  })
})
