import { describe, expect, it } from 'vitest'
import {
  type DbObject, type MatrixActor, type MatrixRunner, type World,
  anonProblems, attempt, callAs, columnGrantProblems, definerExecuteProblems, expectedObjects, exampleWrites,
  grantTableProblems, loadCatalog, policyRoleProblems, rlsProblems, schemaProblems, searchPathProblems, selectAs,
  serviceOnlyProblems, viewProblems, writeGrantProblems, writeStatements,
} from './matrix.ts'

// The authorization matrix as vitest suites, shared by the node-postgres run (every actor, every
// object) and the PGlite run (a sample). Test names spell out actor × object × operation.

/** What the suites run against. */
export interface MatrixContext {
  runner: MatrixRunner
  world: World
  catalog: DbObject[]
}

/** Which part of the matrix to generate. */
export interface MatrixSelection {
  /** Actors of the read matrix (default: all). */
  readers?: (actor: MatrixActor, index: number) => boolean
  /** Actors that try direct writes (default: outsider, deactivated, the demo org's primary and one of its other roles). */
  writers?: (actor: MatrixActor) => boolean
  /** Functions whose calls are generated (default: all). */
  functions?: (fn: DbObject) => boolean
}

const find = (ctx: MatrixContext, kind: MatrixActor['kind']) => ctx.world.actors.find((a) => a.kind === kind)!
const relations = (ctx: MatrixContext) => ctx.catalog.filter((o) => o.kind === 'table' || o.kind === 'view')

/** Structural checks on pg_catalog: RLS, grants, search_path, definer exposure. */
export function describeStructure(ctx: MatrixContext): void {
  describe('structure (pg_catalog)', () => {
    it.each([
      ['every object has an entry in the expected-privileges table, with exactly its grants', () => grantTableProblems(ctx.catalog)],
      ['every table has row level security enabled', () => rlsProblems(ctx.catalog)],
      ['anon and PUBLIC hold no privilege on any object', () => anonProblems(ctx.catalog)],
      ['authenticated holds no write privilege on rolecall tables (writes are RPC only), on example tables only the documented ones', () => writeGrantProblems(ctx.catalog)],
      ['every function sets search_path to \'\'', () => searchPathProblems(ctx.catalog)],
      ['no SECURITY DEFINER or rolecall_private function is executable by PUBLIC or anon', () => definerExecuteProblems(ctx.catalog)],
      ['operator objects (ops_*, members report, *_as entry points) are service_role only', () => serviceOnlyProblems(ctx.catalog)],
      ['views that run with their owner\'s rights are readable by service_role only', () => viewProblems(ctx.catalog)],
      ['no column-level grants to API roles', () => columnGrantProblems(ctx.runner)],
      ['every policy names its roles (none applies to PUBLIC)', () => policyRoleProblems(ctx.runner)],
      ['no API role creates objects in the Rolecall schemas; anon cannot use the unexposed schemas', () => schemaProblems(ctx.runner)],
    ] as const)('%s', async (_name, check) => {
      expect(await check()).toEqual([])
    })
  })
}

/** Every actor × every table and view: what select returns. */
export function describeReads(ctx: MatrixContext, selection: MatrixSelection = {}): void {
  const actors = ctx.world.actors.filter(selection.readers ?? (() => true))
  describe.each(actors.map((a) => [a.label, a] as const))('select as %s', (_label, actor) => {
    it.each(relations(ctx).map((o) => [o.id, o] as const))('%s', async (_id, object) => {
      const entry = expectedObjects[object.id]
      expect(entry, `${object.id} has no entry in tests/support/matrix-expected.ts`).toBeDefined()
      const result = await selectAs(ctx.runner, actor, object, entry!.rows ?? { sql: 'false', exact: true })
      if (actor.kind === 'anon') {
        expect(result.error, 'anon reads nothing: permission denied').toBe('42501')
        return
      }
      if (actor.kind === 'service_role') {
        expect(result.error).toBeUndefined()
        expect(result.seen, 'service_role bypasses RLS').toBe(result.total)
        return
      }
      if (!entry!.grants.authenticated?.includes('SELECT')) {
        expect(result.error, `${object.id} is not readable by signed-in users`).toBe('42501')
        return
      }
      expect(result.error).toBeUndefined()
      expect(result.seen, 'rows outside the rule (another organization\'s, or not this actor\'s)').toBe(result.allowedSeen)
      if (entry!.rows!.exact) expect(result.seen, 'rows the rule allows but RLS hid').toBe(result.allowed)
      if ((actor.kind === 'role' || actor.kind === 'primary') && ['rolecall.organizations', 'rolecall.members', 'rolecall.roles'].includes(object.id)) {
        expect(result.seen, 'a member sees its own organization').toBeGreaterThan(0)
      }
      if (actor.kind === 'deactivated' && object.id === 'rolecall.members') expect(result.seen, 'only its own member row').toBe(1)
      if (actor.kind === 'outsider' && object.orgColumn) expect(result.seen, 'an outsider sees no organization\'s rows').toBe(0)
    })
  })
}

/** For each organization-scoped relation, some signed-in actor of the matrix is denied some rows: the deny side is real. */
export function describeDenySides(ctx: MatrixContext): void {
  const signedIn = ctx.world.actors.filter((a) => a.kind === 'role' || a.kind === 'primary' || a.kind === 'deactivated')
  const scoped = relations(ctx).filter((o) => o.orgColumn && expectedObjects[o.id]?.grants.authenticated?.includes('SELECT'))
  describe('the data leaves something to hide', () => {
    it.each(scoped.map((o) => [o.id, o] as const))('%s has rows some member may not read, and rows some member may read', async (_id, object) => {
      const results = []
      for (const actor of signedIn) results.push(await selectAs(ctx.runner, actor, object, expectedObjects[object.id]!.rows!, { truthOnly: true }))
      expect(results.some((r) => r.allowed! < r.total!), 'no member is denied anything').toBe(true)
      expect(results.some((r) => r.allowed! > 0), 'no member may read anything').toBe(true)
    })
  })
}

/** Direct insert / update / delete / truncate by signed-in users: refused on rolecall objects. */
export function describeWrites(ctx: MatrixContext, selection: MatrixSelection = {}): void {
  const demoOrg = ctx.world.demo.org
  const defaultWriters = (a: MatrixActor) =>
    a.kind === 'outsider' || a.kind === 'deactivated' || (a.orgId === demoOrg && a.kind === 'primary')
  const writers = ctx.world.actors.filter(selection.writers ?? defaultWriters)
  const demoRole = ctx.world.actors.find((a) => a.orgId === demoOrg && a.kind === 'role')
  if (!selection.writers && demoRole) writers.push(demoRole)
  const cases = relations(ctx).flatMap((o) =>
    (o.kind === 'view' ? (['insert', 'update', 'delete'] as const) : (['insert', 'update', 'delete', 'truncate'] as const))
      .map((op) => [`${op} ${o.id}`, o, op] as const))
  describe.each(writers.map((a) => [a.label, a] as const))('direct writes as %s', (_label, actor) => {
    it.each(cases)('%s', async (_name, object, op) => {
      const allowed = object.schema === 'example' ? (exampleWrites[object.name] ?? []) : []
      const statement = writeStatements(object)[op]
      if (!allowed.includes(op.toUpperCase())) {
        const result = await attempt(ctx.runner, actor.actor, statement)
        // NOTE: a view that is not auto-updatable refuses before privileges are checked (55000).
        const refusals = object.kind === 'view' ? ['42501', '55000'] : ['42501']
        expect(refusals, `${statement} as ${actor.label} gave ${result.code}`).toContain(result.code)
        return
      }
      // Granted on an example table: RLS must keep the actor away from other organizations' rows.
      const col = `"${object.orgColumn}"`
      const [mine] = await ctx.runner.sql<{ orgs: string }>(
        `select coalesce(array_agg(organization_id), '{}')::text as orgs from rolecall.members where user_id = $1::uuid`,
        [actor.userId ?? '00000000-0000-0000-0000-000000000000'])
      if (op === 'insert') {
        const [other] = await ctx.runner.sql<{ row: string }>(
          `select to_jsonb(t)::text as row from ${object.id} t where not (${col} = any ($1::uuid[])) limit 1`, [mine!.orgs])
        expect(other, `${object.id} needs a row of another organization to copy`).toBeDefined()
        const copy = `insert into ${object.id} select * from jsonb_populate_record(null::${object.id}, $1::jsonb || jsonb_build_object('id', gen_random_uuid()))`
        const result = await attempt(ctx.runner, actor.actor, copy, [other!.row])
        expect(result.code, `a row for another organization inserted into ${object.id}`).toBe('42501')
        return
      }
      const scoped = op === 'update'
        ? `with x as (update ${object.id} set ${col} = ${col} where not (${col} = any ($1::uuid[])) returning 1) select count(*)::int as n from x`
        : `with x as (delete from ${object.id} where not (${col} = any ($1::uuid[])) returning 1) select count(*)::int as n from x`
      const result = await attempt(ctx.runner, actor.actor, scoped, [mine!.orgs])
      expect(result.code).toBe('ok')
      expect((result.rows[0] as { n: number }).n, `${op} reached another organization's rows`).toBe(0)
    })
  })
}

/** Every function × anon, an outsider, a deactivated member, a member and service_role. */
export function describeCalls(ctx: MatrixContext, selection: MatrixSelection = {}): void {
  const functions = ctx.catalog.filter((o) => o.kind === 'function').filter(selection.functions ?? (() => true))
  const cases = functions.map((f) => [f.id, f] as const)
  const outsider = find(ctx, 'outsider')
  const deactivated = find(ctx, 'deactivated')
  const primary = ctx.world.actors.find((a) => a.kind === 'primary' && a.orgId === ctx.world.demo.org)!
  const serviceRole = find(ctx, 'service_role')
  const anonActor = find(ctx, 'anon')

  describe('execute as anon', () => {
    it.each(cases)('%s', async (_id, fn) => {
      expect(await callAs(ctx.runner, anonActor.actor, fn, ctx.world.demo)).toBe('42501')
    })
  })

  const forSignedIn = cases.filter(([id]) => expectedObjects[id]?.grants.authenticated?.includes('EXECUTE') && id.startsWith('rolecall.'))
  const notForSignedIn = cases.filter(([id]) => !expectedObjects[id]?.grants.authenticated?.includes('EXECUTE'))
  describe('execute as an outsider (demo organization arguments)', () => {
    it.each(forSignedIn)('%s', async (id, fn) => {
      expect(await callAs(ctx.runner, outsider.actor, fn, ctx.world.demo)).toBe(expectedObjects[id]!.outsider)
    })
  })
  describe('execute as a deactivated member of the demo organization', () => {
    it.each(forSignedIn)('%s', async (id, fn) => {
      const entry = expectedObjects[id]!
      expect(await callAs(ctx.runner, deactivated.actor, fn, ctx.world.demo)).toBe(entry.deactivated ?? entry.outsider)
    })
  })
  describe(`execute as ${primary.label}: refused where not granted to authenticated`, () => {
    it.each(notForSignedIn)('%s', async (_id, fn) => {
      expect(await callAs(ctx.runner, primary.actor, fn, ctx.world.demo)).toBe('42501')
    })
  })
  const forService = cases.filter(([id]) => expectedObjects[id]?.grants.service_role?.includes('EXECUTE'))
  describe('execute as service_role: granted, so never a permission error', () => {
    it.each(forService)('%s', async (_id, fn) => {
      expect(await callAs(ctx.runner, serviceRole.actor, fn, ctx.world.demo)).not.toBe('42501')
    })
  })
}

/** A sabotaged schema (a table without RLS, a wide grant, an unpinned definer function) must fail the checks. */
export function describeSabotage(ctx: MatrixContext): void {
  describe('the checks catch a sabotaged schema', () => {
    it('flags a new table without RLS, a grant too wide and an exposed definer function, each by name', async () => {
      await ctx.runner.sql(`
        create table rolecall.matrix_sabotage (id int primary key, organization_id uuid);
        grant select, insert on rolecall.matrix_sabotage to authenticated;
        grant select on rolecall.matrix_sabotage to anon;
        create function rolecall.matrix_sabotage_fn() returns int language sql security definer as 'select 1';
        grant update on rolecall.members to authenticated;`)
      try {
        const catalog = await loadCatalog(ctx.runner)
        const messages = [
          ...grantTableProblems(catalog), ...rlsProblems(catalog), ...anonProblems(catalog), ...writeGrantProblems(catalog),
          ...searchPathProblems(catalog), ...definerExecuteProblems(catalog),
        ].join('\n')
        expect(messages).toContain('table rolecall.matrix_sabotage has no entry')
        expect(messages).toContain('rolecall.matrix_sabotage: row level security is off')
        expect(messages).toContain('table rolecall.matrix_sabotage: anon holds SELECT')
        expect(messages).toContain('rolecall.matrix_sabotage: authenticated holds INSERT')
        expect(messages).toContain('rolecall.members: authenticated holds UPDATE')
        expect(messages).toContain('rolecall.members: authenticated holds SELECT, UPDATE, expected SELECT')
        expect(messages).toContain('rolecall.matrix_sabotage_fn() (security definer): search_path is not set')
        expect(messages).toContain('rolecall.matrix_sabotage_fn() (security definer): PUBLIC may execute it')
      } finally {
        await ctx.runner.sql(`
          drop table rolecall.matrix_sabotage; drop function rolecall.matrix_sabotage_fn();
          revoke update on rolecall.members from authenticated;`)
      }
    })
  })
}
