import { describe, expect, it } from 'vitest'
import { expectDbError, serviceRole, user, useTestDatabase } from '../support/db.ts'
import { createOrg } from '../support/orgs.ts'
import { functionWrapped } from './function-paths.ts'

// Hole 2: what an edge function promises around a SQL action (re-authentication, the admins' email)
// must not be skippable. The user-facing RPC of every function-wrapped action is refused to signed-in
// users (42501, 401/403 over HTTP); only the service-role `<name>_as` entry point runs it.

const db = await useTestDatabase()

describe('function-wrapped actions are not callable directly', () => {
  it('every rolecall function with a service-role *_as entry point is itself closed to anon and authenticated', async () => {
    const rows = await db.sql<{ name: string; anon: boolean; authenticated: boolean }>(`
      select p.proname as name,
             bool_or(has_function_privilege('anon', p.oid, 'execute')) as anon,
             bool_or(has_function_privilege('authenticated', p.oid, 'execute')) as authenticated
        from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = 'rolecall'
         and exists (select 1 from pg_proc a join pg_namespace an on an.oid = a.pronamespace
                      where an.nspname = 'rolecall' and a.proname = p.proname || '_as')
       group by p.proname order by 1`)
    expect(rows.map((r) => r.name)).toEqual([...functionWrapped].sort())
    expect(rows.filter((r) => r.anon || r.authenticated)).toEqual([])
  })

  it.each([
    ['transfer_primary', 'jusnote', 'user'],
    ['remove_member', 'jusnote', 'user'],
    ['promote_to_admin', 'paycove', 'manager'],
  ] as const)('%s: refused to the primary member itself (42501), nothing changes; %s_as works for the service role', async (fn, template, target) => {
    const org = await createOrg(db, template, { roles: [target] })
    const before = await db.sql('select id, role_id, is_primary from rolecall.members where organization_id = $1 order by id', [org.orgId])
    const args = { p_member: org.members[target]!.memberId }
    await expectDbError(db.rpc(user(org.primary.userId), fn, args), '42501')
    await expectDbError(db.rpc(user(org.primary.userId), `${fn}_as`, { p_actor: org.primary.userId, ...args }), '42501')
    await expectDbError(db.rpc({ kind: 'anon' }, fn, args), '42501')
    expect(await db.sql('select id, role_id, is_primary from rolecall.members where organization_id = $1 order by id', [org.orgId])).toEqual(before)
    await db.rpc(serviceRole, `${fn}_as`, { p_actor: org.primary.userId, ...args })
    expect(await db.sql('select id, role_id, is_primary from rolecall.members where organization_id = $1 order by id', [org.orgId])).not.toEqual(before)
  })

  it('the preview of a promotion promises nothing and stays callable by the Admin', async () => {
    const org = await createOrg(db, 'paycove', { roles: ['manager'] })
    const [row] = await db.rpc<{ preview_promote_to_admin: { primary_moves: boolean } }>(user(org.primary.userId),
      'preview_promote_to_admin', { p_member: org.members.manager!.memberId })
    expect(row!.preview_promote_to_admin.primary_moves).toBe(true)
  })
})
