import { describe, expect, it } from 'vitest'
import type { DemoApp } from './support/demo-app.ts'
import { useDemo } from './support/fixtures.ts'
import { panel, panelAs } from './support/panel.ts'
import { apiAs } from './support/stack.ts'

const demo = useDemo()

/** The Jusnote doc's own words for the subscriber's admin and the rule that protects them. */
const primaryBadge = 'Адміністратор, призначений Підписником'
const primaryRule = 'Адміністратор, призначений Підписником, не може бути видалений (змінений) іншими Адміністраторами системи'

/** A member's row in the panel's «Команда» list. */
function memberRow(app: DemoApp, email: string) {
  return panel(app.page).locator('[role=row]', { hasText: email })
}

describe('Jusnote (Ukrainian UI)', () => {
  it('two equal admins: the second sees the subscriber\'s admin locked with the doc\'s reason and cannot deactivate them', async () => {
    const second = await demo.newApp()
    await panelAs(second, 'admin2@jusnote.demo')
    await panel(second.page).getByRole('heading', { name: 'Команда' }).first().waitFor()
    const primary = memberRow(second, 'admin@jusnote.demo')
    expect(await primary.textContent()).toContain(primaryBadge)
    expect(await primary.locator('[data-test=lock-reason]').textContent()).toContain(primaryRule)
    expect(await primary.getByRole('button', { name: 'Деактивувати' }).isDisabled()).toBe(true)
    // «рівні»: both admins hold the same role
    expect(await memberRow(second, 'admin2@jusnote.demo').locator('[role=gridcell]').nth(2).textContent())
      .toBe(await primary.locator('[role=gridcell]').nth(2).textContent())
    await second.screenshot('jusnote-second-admin-sees-primary-locked')

    // The server decides as well: the same deactivation asked through the API is refused (RC105).
    const api = await apiAs(demo.server, 'admin2@jusnote.demo')
    const { data: rows } = await api.from('members').select('id').eq('email', 'admin@jusnote.demo')
    const { error } = await api.rpc('deactivate_member', { p_member: rows![0]!.id })
    expect(error?.code).toBe('RC105')
    expect(second.errors).toEqual([])
  })

  it('the subscriber\'s admin manages the second admin: deactivates and activates them again in the panel', async () => {
    const primary = await demo.newApp()
    await panelAs(primary, 'admin@jusnote.demo')
    const row = memberRow(primary, 'admin2@jusnote.demo')
    expect(await row.locator('[data-test=lock-reason]').count()).toBe(0)

    await row.getByRole('button', { name: 'Деактивувати' }).click()
    await panel(primary.page).getByRole('alertdialog').getByRole('button', { name: 'Деактивувати' }).click()
    await row.locator('[data-test=status]', { hasText: 'Деактивований' }).waitFor()
    await primary.screenshot('jusnote-primary-deactivated-second-admin')

    await row.getByRole('button', { name: 'Активувати' }).click()
    await panel(primary.page).getByRole('alertdialog').getByRole('button', { name: 'Активувати' }).click()
    await row.locator('[data-test=status]', { hasText: 'Активний' }).waitFor()
    expect(primary.errors).toEqual([])
  })

  // seed.sql: user@jusnote.demo is granted «Справа Коваленко» only; «Реєстрація ТОВ «Клієнт»» is not theirs.
  it('"access to a project gives access to all its documents": the User sees the granted project with every document, and no other project', async () => {
    const user = await demo.newApp()
    await user.signInAs('user@jusnote.demo')
    await user.goto('projects')
    const table = user.page.locator('table[data-table=projects] tbody')
    await table.locator('tr').first().waitFor()
    const rows = await table.locator('tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim())))
    expect(rows).toEqual([['Справа Коваленко', 'Договір про надання послуг, Позовна заява']])
    expect(await user.alerts()).toEqual([])
    await user.screenshot('jusnote-user-projects')

    // The absent project exists: the admin, who holds every project, sees it with its document.
    const admin = await demo.newApp()
    await admin.signInAs('admin@jusnote.demo')
    await admin.goto('projects')
    expect(await admin.page.locator('table[data-table=projects] tbody tr', { hasText: 'Реєстрація ТОВ «Клієнт»' }).textContent()).toContain('Статут')
    expect([...user.errors, ...admin.errors]).toEqual([])
  })
})
