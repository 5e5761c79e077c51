import { describe, expect, it } from 'vitest'
import { justPaid, signedInStores, useStack } from './support.ts'

/**
 * The member_list and role_member_counts views over REST (20261130140000, 20261130140100), read with the
 * real supabase-js as the stores read them: security_invoker, so the members and roles policies decide
 * the rows. Without it the views run as their owner and every organization's members show.
 */
const server = await useStack()
/** Profit's organization id in supabase/seed.sql: JustPaid's demo users are not its members. */
const profit = 'a0000000-0000-4000-8000-000000000003'

describe('member_list and role_member_counts over HTTP', () => {
  it('show a member its own organization, nothing of another, and nothing once deactivated', async () => {
    const admin = (await signedInStores(server, 'admin@justpaid.demo')).session.requireApi()
    const member = (await signedInStores(server, 'user@justpaid.demo')).session.requireApi()
    const page = { page: 0, pageSize: 100, byRole: true }

    const team = await member.members.list({ org: justPaid, ...page })
    expect(team.rows.map((m) => m.organization_id)).toEqual(team.rows.map(() => justPaid))
    expect(team.rows.find((m) => m.email === 'admin@justpaid.demo')).toMatchObject({ role_rank: expect.any(Number) })
    const counts = await member.roles.memberCounts(justPaid)
    expect(counts.reduce((sum, c) => sum + c.members!, 0)).toBe(team.total)

    // the admin of JustPaid is no member of Profit: its rows and counts stay out of reach
    expect(await admin.members.list({ org: profit, ...page })).toEqual({ rows: [], total: 0 })
    expect(await admin.roles.memberCounts(profit)).toEqual([])

    // deactivated: access stops at once, in these views too (a member row of its own, but no role to join)
    const me = team.rows.find((m) => m.email === 'user@justpaid.demo')!
    await admin.members.deactivate(me.id)
    expect(await member.members.list({ org: justPaid, ...page })).toEqual({ rows: [], total: 0 })
    expect(await member.roles.memberCounts(justPaid)).toEqual([])
    // the admin still counts the deactivated member under its role (it still blocks deleting the role)
    const after = await admin.roles.memberCounts(justPaid)
    expect(after.reduce((sum, c) => sum + c.members!, 0)).toBe(team.total)
  })
})
