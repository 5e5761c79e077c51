import { describe, expect, it } from 'vitest'
import { useDemo } from './support/fixtures.ts'

const demo = useDemo()

describe('Profit', () => {
  it('"contact support if you need to change this or add multiple owners": the Owner row is locked in the panel', async () => {
    const app = await demo.newApp()
    await app.signInAs('owner@profit.demo')
    await app.goto('settings')
    const ownerRow = app.page.locator('rolecall-team-panel [role=row]', { hasText: 'owner@profit.demo' })
    await ownerRow.getByText('Contact support to change the owner').waitFor()
    expect(await ownerRow.getByRole('button', { name: 'Deactivate' }).isDisabled()).toBe(true)
    await app.screenshot('profit-owner-row-locked')
    expect(app.errors).toEqual([])
  })

  it('"Cardholders … accessing their assigned card … Cannot view or manage budgets": the Cardholder sees only card •4242', async () => {
    const app = await demo.newApp()
    await app.signInAs('cardholder@profit.demo')
    await app.goto('budgets')
    const page = await app.page.locator('main').innerText()
    expect(page).toContain('4242')
    expect(page).not.toContain('5555')
    expect(page).not.toContain('Marketing')
    await app.screenshot('profit-cardholder-own-card')

    const administrator = await demo.newApp()
    await administrator.signInAs('administrator@profit.demo')
    await administrator.goto('budgets')
    const all = await administrator.page.locator('main').innerText()
    expect(all).toContain('4242')
    expect(all).toContain('5555')
    expect(all).toContain('Marketing')
  })
})
