import { describe, expect, it } from 'vitest'
import { useDemo } from './support/fixtures.ts'
import { panel, panelAs, panelViolations } from './support/panel.ts'
import { apiAs } from './support/stack.ts'

const demo = useDemo()
const paycove = 'a0000000-0000-4000-8000-000000000004'

describe('Paycove', () => {
  it('"promoting another user to Admin replaces the old one": the Admin promotes the Manager after the preview → one Admin remains', async () => {
    const app = await demo.newApp()
    await panelAs(app, 'admin@paycove.demo')
    const team = panel(app.page)
    // My Account > Team: the Admin and Manager headings, then the users; "+" icons in each row
    const order = async () => (await team.locator('[data-test=role-heading], [data-test=member-row] [role=gridcell]:nth-child(2)').allTextContents())
      .map((text) => text.trim())
    await expect.poll(order).toEqual(['Admin', 'admin@paycove.demo', 'Manager', 'manager@paycove.demo', 'Standard user', 'standard@paycove.demo'])
    await app.screenshot('paycove-team')
    expect(await panelViolations(app.page)).toEqual([])
    await team.locator('[role=row]', { hasText: 'manager@paycove.demo' }).getByRole('button', { name: '+ Make Admin' }).click()
    // the preview, from promote-admin { preview }, says exactly what happens before anything does
    const confirm = team.getByRole('alertdialog')
    await confirm.getByText(/Morgan Manager becomes Admin and the primary member\. Pat Admin steps down from Admin to Manager/).waitFor()
    await app.screenshot('paycove-promote-preview')
    await confirm.getByRole('button', { name: 'Ok' }).click()
    await team.getByText('Morgan Manager is now the Admin.', { exact: true }).waitFor()
    // the list is read again in the new order, and the old Admin no longer sees the "+" icons
    await expect.poll(async () => (await order()).slice(0, 4)).toEqual(['Admin', 'manager@paycove.demo', 'Manager', 'admin@paycove.demo'])
    expect(await team.getByRole('button', { name: '+ Make Admin' }).count()).toBe(0)

    const api = await apiAs(demo.server, 'manager@paycove.demo')
    const { data: members } = await api.from('members').select('email, is_primary, role_id').eq('organization_id', paycove)
    const { data: roles } = await api.from('roles').select('id, name').eq('organization_id', paycove)
    const roleOf = (email: string) => roles!.find((r) => r.id === members!.find((m) => m.email === email)?.role_id)?.name
    expect(roleOf('manager@paycove.demo')).toBe('Admin')
    expect(roleOf('admin@paycove.demo')).toBe('Manager')
    expect(members!.filter((m) => roleOf(m.email) === 'Admin')).toHaveLength(1)
    expect(members!.find((m) => m.is_primary)?.email).toBe('manager@paycove.demo')
    expect(app.errors).toEqual([])
  })
})
