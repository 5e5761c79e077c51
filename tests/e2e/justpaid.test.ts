import { describe, expect, it } from 'vitest'
import { useDemo } from './support/fixtures.ts'
import { apiAs } from './support/stack.ts'

const justPaid = 'a0000000-0000-4000-8000-000000000001'
/** user@justpaid.demo's member row (supabase/seed.sql). */
const user = 'c0000000-0000-4000-8000-000000000103'

const demo = useDemo()

describe('JustPaid', () => {
  // NOTE: the tick goes through the API until <rolecall-team-panel> is embedded in the demo's settings.
  it('the Admin ticks "Approve Bills" for a User → that User approves a bill on the vendor page; unticks → refused', async () => {
    const admin = await apiAs(demo.server, 'admin@justpaid.demo')
    const tick = (boxes: string[]) => admin.rpc('set_member_overrides', { p_member: user, p_grants: boxes, p_denies: [] })

    expect((await tick(['approve_bills'])).error).toBeNull()
    const app = await demo.newApp()
    await app.signInAs('user@justpaid.demo')
    await app.goto('bills')
    expect(await app.act('Acme Office Supplies', 'Approve')).toBe('Acme Office Supplies: approved.')
    expect(await app.billStatus('Acme Office Supplies')).toBe('approved')
    await app.screenshot('justpaid-user-approves')

    expect((await tick([])).error).toBeNull()
    // A second draft: the first one is approved now, and approving it again would be refused for that reason.
    await demo.server.db.query(`insert into example.bills (organization_id, vendor_name, amount, status) values ($1, 'Paper Mill', 90, 'draft')`, [justPaid])
    await app.goto('bills')
    expect(await app.act('Paper Mill', 'Approve')).toMatch(/^Paper Mill: Not allowed\. .*bills\.approve/)
    expect(await app.billStatus('Paper Mill')).toBe('draft')
    await app.screenshot('justpaid-user-refused')
    expect(app.errors).toEqual([])
  })
})
