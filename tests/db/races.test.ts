import type pg from 'pg'
import { describe, expect, it } from 'vitest'
import { beginRequest, type DbError, rpcCall, user, useTestDatabase } from '../support/db.ts'
import { createOrg } from '../support/orgs.ts'
import { type Call, throughFunction } from './function-paths.ts'

/**
 * Races on real connections: both transactions are open before either call runs, so the calls
 * overlap and only the locks (the organization row, then the role row) decide who wins. Every race
 * runs ROUNDS times on a fresh organization, and the invariants are checked after each.
 */
const db = await useTestDatabase()
const ROUNDS = 10

/** Runs each call in its own simulated request on its own connection, all at once (function-wrapped actions as their function runs them). */
async function race(requested: Call[]): Promise<PromiseSettledResult<unknown>[]> {
  const calls = requested.map(throughFunction)
  const clients = await Promise.all(calls.map(() => db.pool.connect()))
  try {
    await Promise.all(clients.map((client, i) => beginRequest(client, calls[i]![0])))
    return await Promise.allSettled(clients.map(async (client, i) => {
      const { text, params } = rpcCall(calls[i]![1], calls[i]![2])
      try {
        const result = await client.query(text, params)
        await client.query('commit')
        return result.rows
      } catch (error) {
        await client.query('rollback')
        throw error
      }
    }))
  } finally {
    for (const client of clients) client.release()
  }
}

/** Runs each SQL statement as the superuser in its own transaction, all at once. */
async function editorRace(statements: [string, unknown[]][]): Promise<PromiseSettledResult<unknown>[]> {
  const clients: pg.PoolClient[] = await Promise.all(statements.map(() => db.pool.connect()))
  try {
    await Promise.all(clients.map((client) => client.query('begin')))
    return await Promise.allSettled(clients.map(async (client, i) => {
      try {
        await client.query(statements[i]![0], statements[i]![1])
        await client.query('commit')
      } catch (error) {
        await client.query('rollback')
        throw error
      }
    }))
  } finally {
    for (const client of clients) client.release()
  }
}

/** Exactly one call won; the others failed with one of the expected SQLSTATEs. */
function expectOneWinner(results: PromiseSettledResult<unknown>[], codes: string[]) {
  const losers = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
  expect(results.length - losers.length).toBe(1)
  for (const loser of losers) expect(codes).toContain((loser.reason as DbError).code)
}

/**
 * Every organization: one primary, active, in an all-permissions role; no role over max_members;
 * single-admin organizations with exactly one member in an all-permissions role.
 */
async function expectInvariants() {
  const broken = await db.sql(
    `select o.id from rolecall.organizations o
      where (select count(*) from rolecall.members m where m.organization_id = o.id and m.is_primary) <> 1
         or not exists (select 1 from rolecall.members m join rolecall.roles r on r.id = m.role_id
                         where m.organization_id = o.id and m.is_primary and m.status = 'active' and r.all_permissions)
         or exists (select 1 from rolecall.roles r where r.organization_id = o.id and r.max_members is not null
                       and (select count(*) from rolecall.members m where m.role_id = r.id) > r.max_members)
         or (o.admin_mode = 'single' and (select count(*) from rolecall.members m join rolecall.roles r on r.id = m.role_id
                                           where m.organization_id = o.id and r.all_permissions) <> 1)`)
  expect(broken).toEqual([])
}

describe('races', () => {
  it('two admins demoting each other: exactly one succeeds', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const org = await createOrg(db, 'jusnote', { roles: ['admin', 'admin:2', 'admin:3'] })
      const [a, b] = [org.members['admin:2']!, org.members['admin:3']!]
      const results = await race([
        [user(a.userId), 'change_member_role', { p_member: b.memberId, p_role: org.roles.user }],
        [user(b.userId), 'change_member_role', { p_member: a.memberId, p_role: org.roles.user }],
      ])
      expectOneWinner(results, ['RC103'])
      const { n } = (await db.sql<{ n: number }>('select count(*)::int as n from rolecall.members where organization_id = $1 and role_id = $2', [org.orgId, org.roles.admin]))[0]!
      expect(n).toBe(2)
      await expectInvariants()
    }
  })

  it('two single-admin promotions at once: exactly one Admin and primary after', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const org = await createOrg(db, 'paycove', { roles: ['admin', 'manager', 'manager:2'] })
      const admin = user(org.primary.userId)
      const results = await race([
        [admin, 'promote_to_admin', { p_member: org.members.manager!.memberId }],
        [admin, 'promote_to_admin', { p_member: org.members['manager:2']!.memberId }],
      ])
      expectOneWinner(results, ['RC108'])
      await expectInvariants()
    }
  })

  it('a promotion and the new Admin-to-be being deleted at once', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const org = await createOrg(db, 'paycove', { roles: ['admin', 'manager'] })
      const results = await race([
        [user(org.primary.userId), 'promote_to_admin', { p_member: org.members.manager!.memberId }],
        [user(org.primary.userId), 'remove_member', { p_member: org.members.manager!.memberId }],
      ])
      // the removal first: the promotion finds no member; the promotion first: the caller is no longer the Admin (members.remove lost)
      expectOneWinner(results, ['RC306', 'RC103'])
      await expectInvariants()
    }
  })

  it.each([
    ['two admins removing and deactivating each other', (o: Org) => [
      [user(o.members['admin:2']!.userId), 'remove_member', { p_member: o.members['admin:3']!.memberId }],
      [user(o.members['admin:3']!.userId), 'deactivate_member', { p_member: o.members['admin:2']!.memberId }],
    ] as Call[], ['RC102']],
    ['the primary handing over to an admin another admin deactivates', (o: Org) => [
      [user(o.primary.userId), 'transfer_primary', { p_member: o.members['admin:2']!.memberId }],
      [user(o.members['admin:3']!.userId), 'deactivate_member', { p_member: o.members['admin:2']!.memberId }],
    ] as Call[], ['RC201', 'RC105']],
    ['the primary handing over to an admin who leaves', (o: Org) => [
      [user(o.primary.userId), 'transfer_primary', { p_member: o.members['admin:2']!.memberId }],
      [user(o.members['admin:2']!.userId), 'leave_organization', { p_org: o.orgId }],
    ] as Call[], ['RC306', 'RC204']],
  ])('the last admins from two sides: %s', async (_, calls, codes) => {
    for (let round = 0; round < ROUNDS; round++) {
      const org = await createOrg(db, 'jusnote', { roles: ['admin', 'admin:2', 'admin:3'] })
      expectOneWinner(await race(calls(org)), codes)
      await expectInvariants()
    }
  })

  it('two admins moving different members into a max_members = 1 role: one fits', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const org = await createOrg(db, 'jusnote', { roles: ['admin', 'admin:2', 'user', 'user:2'] })
      const { id: solo } = (await db.sql<{ id: string }>(
        `insert into rolecall.roles (organization_id, name, rank, max_members) values ($1, 'Solo', 5, 1) returning id`, [org.orgId]))[0]!
      const results = await race([
        [user(org.primary.userId), 'change_member_role', { p_member: org.members.user!.memberId, p_role: solo }],
        [user(org.members['admin:2']!.userId), 'change_member_role', { p_member: org.members['user:2']!.memberId, p_role: solo }],
      ])
      expectOneWinner(results, ['RC203'])
      await expectInvariants()
    }
  })

  it('two SQL-editor joins into a max_members = 1 role: the role lock alone keeps the limit', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const org = await createOrg(db, 'jusnote', { roles: ['admin'] })
      const { id: solo } = (await db.sql<{ id: string }>(
        `insert into rolecall.roles (organization_id, name, rank, max_members) values ($1, 'Solo', 5, 1) returning id`, [org.orgId]))[0]!
      const [u1, u2] = [await db.createUser(), await db.createUser()]
      const insert = 'insert into rolecall.members (organization_id, user_id, role_id) values ($1, $2, $3)'
      expectOneWinner(await editorRace([[insert, [org.orgId, u1, solo]], [insert, [org.orgId, u2, solo]]]), ['RC203'])
      await expectInvariants()
    }
  })
})

type Org = Awaited<ReturnType<typeof createOrg>>
