import type pg from 'pg'
import { describe, expect, it } from 'vitest'
import {
  type AdvisorQuery, advisorChecks, advisorFindings, designChecks, exposedSchemas, rolecallSchemas, runCheck, unexposedSchemas,
} from '../support/advisor.ts'
import { useTestDatabase } from '../support/db.ts'

// Supabase's Security and Performance Advisors must have nothing to say about Rolecall after
// `supabase db push`: the conditions of splinter's lints (tests/support/advisor.ts) and Rolecall's
// stricter design rules, read from pg_catalog of the migrated and seeded database. A sabotage test
// plants one problem per check inside a rolled-back transaction and asserts each is found by name,
// so a check that silently matches nothing fails.

const db = await useTestDatabase()
const exposed = await exposedSchemas()
const onPool: AdvisorQuery = async <T>(text: string, params: unknown[]) => (await db.pool.query(text, params)).rows as T[]
const onClient = (client: pg.ClientBase): AdvisorQuery => async <T>(text: string, params: unknown[]) => (await client.query(text, params)).rows as T[]

describe('supabase/config.toml exposes what it should', () => {
  it('exposes rolecall and example, and none of the schemas that hold SECURITY DEFINER code', () => {
    expect(exposed).toEqual(expect.arrayContaining(['rolecall', 'example']))
    expect(exposed.filter((s) => (unexposedSchemas as readonly string[]).includes(s))).toEqual([])
  })
})

describe('the advisors find nothing in Rolecall\'s schemas', () => {
  it.each(advisorChecks.map((c) => [`${c.lint} ${c.name}`, c] as const))('%s', async (_name, check) => {
    expect(await runCheck(onPool, check, rolecallSchemas, exposed)).toEqual([])
  })
})

describe('Rolecall\'s stricter rules hold', () => {
  it.each(designChecks.map((c) => [c.name, c] as const))('%s', async (_name, check) => {
    expect(await runCheck(onPool, check, rolecallSchemas, exposed)).toEqual([])
  })

  it('every RPC of rolecall and example is SECURITY INVOKER (the definer bodies live in rolecall_rpc / example_private)', async () => {
    const rows = await db.sql<{ schema: string; definer: number; invoker: number }>(
      `select n.nspname as schema, count(*) filter (where p.prosecdef)::int as definer, count(*) filter (where not p.prosecdef)::int as invoker
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname in ('rolecall', 'rolecall_rpc', 'example', 'example_private') group by 1 order by 1`)
    const bySchema = Object.fromEntries(rows.map((r) => [r.schema, r]))
    expect(bySchema.rolecall?.definer).toBe(0)
    expect(bySchema.example?.definer).toBe(0)
    expect(bySchema.rolecall_rpc?.invoker).toBe(0)
    expect(bySchema.example_private?.invoker).toBe(0)
    // the move happened: the API's RPCs (a few dozen) are implemented privately
    expect(bySchema.rolecall_rpc?.definer).toBeGreaterThan(30)
    expect(bySchema.example_private?.definer).toBe(2)
  })
})

describe('the checks catch a sabotaged schema', () => {
  it('finds each planted problem, by name', async () => {
    const client = await db.pool.connect()
    try {
      await client.query('begin')
      const [tcn] = (await client.query(`select exists (select 1 from pg_available_extensions where name = 'tcn') as available`)).rows
      await client.query(`
        create table rolecall.advisor_sabotage (
          id int primary key, organization_id uuid references rolecall.organizations (id), created_by uuid, note text);
        alter table rolecall.advisor_sabotage enable row level security;
        grant select on rolecall.advisor_sabotage to authenticated;
        create index advisor_sabotage_note_a on rolecall.advisor_sabotage (note);
        create index advisor_sabotage_note_b on rolecall.advisor_sabotage (note);
        create policy "sabotage per-row uid" on rolecall.advisor_sabotage for select to authenticated
          using (created_by = auth.uid());
        create policy "sabotage second select" on rolecall.advisor_sabotage for select to authenticated
          using (organization_id is not null);
        create policy "sabotage metadata" on rolecall.advisor_sabotage for insert to authenticated
          with check (note = (select auth.jwt() -> 'user_metadata' ->> 'org'));
        create policy "sabotage open delete" on rolecall.advisor_sabotage for delete to authenticated using (true);

        create table rolecall.advisor_sabotage_off (id int primary key);
        create policy "sabotage policy without rls" on rolecall.advisor_sabotage_off for select to authenticated using (true);
        grant select on rolecall.advisor_sabotage_off to authenticated;
        create table example.advisor_sabotage_closed (id int primary key);
        alter table example.advisor_sabotage_closed enable row level security;

        create view rolecall.advisor_sabotage_users as select id, email from auth.users;
        grant select on rolecall.advisor_sabotage_users to authenticated;
        create materialized view example.advisor_sabotage_mv as select 1 as x;
        grant select on example.advisor_sabotage_mv to authenticated;

        create function rolecall.advisor_sabotage_fn() returns int language sql security definer as 'select 1';
        grant execute on function rolecall.advisor_sabotage_fn() to anon, authenticated;
        create function rolecall.advisor_sabotage_ops() returns int language sql security definer set search_path = '' as 'select 1';
        revoke execute on function rolecall.advisor_sabotage_ops() from public;
        create function rolecall_rpc.advisor_sabotage_orphan() returns int language sql security definer set search_path = '' as 'select 1';
        grant execute on function rolecall.leave_organization(uuid) to anon;
        grant usage on schema example_private to anon;
        ${tcn.available ? 'create extension tcn schema example;' : ''}`)
      const findings = (await advisorFindings(onClient(client), rolecallSchemas, exposed)).join('\n')
      const expected = [
        '0001 unindexed_foreign_keys: rolecall.advisor_sabotage: foreign key advisor_sabotage_organization_id_fkey (organization_id)',
        '0002 auth_users_exposed: rolecall.advisor_sabotage_users',
        '0003 auth_rls_initplan: rolecall.advisor_sabotage: policy "sabotage per-row uid" calls auth.uid()',
        '0006 multiple_permissive_policies: rolecall.advisor_sabotage: 2 policies for authenticated on select',
        '0007 policy_exists_rls_disabled: rolecall.advisor_sabotage_off',
        '0008 rls_enabled_no_policy: example.advisor_sabotage_closed',
        '0009 duplicate_index: rolecall.advisor_sabotage: identical indexes advisor_sabotage_note_a, advisor_sabotage_note_b',
        '0010 security_definer_view: rolecall.advisor_sabotage_users',
        '0011 function_search_path_mutable: rolecall.advisor_sabotage_fn()',
        '0013 rls_disabled_in_public: rolecall.advisor_sabotage_off',
        ...(tcn.available ? ['0014 extension_in_public: extension tcn is installed in schema example'] : []),
        '0015 rls_references_user_metadata: rolecall.advisor_sabotage: policy "sabotage metadata"',
        '0016 materialized_view_in_api: example.advisor_sabotage_mv',
        '0024 rls_policy_always_true: rolecall.advisor_sabotage: policy "sabotage open delete" (delete)',
        '0028 anon_security_definer_function_executable: rolecall.advisor_sabotage_fn()',
        '0029 authenticated_security_definer_function_executable: rolecall.advisor_sabotage_fn()',
        '- no_definer_function_exposed: rolecall.advisor_sabotage_ops()',
        '- entry_point_matches_implementation: rolecall_rpc.advisor_sabotage_orphan(): no entry point rolecall.advisor_sabotage_orphan',
        '- entry_point_matches_implementation: rolecall_rpc.leave_organization(uuid): grants',
        '- unexposed_schemas_stay_closed: schema example_private: anon has usage',
      ]
      for (const line of expected) expect(findings, `not found: ${line}`).toContain(line)
      // every check caught something, so none of them matches nothing by construction
      for (const check of [...advisorChecks, ...designChecks].filter((c) => c.lint !== '0014' || tcn.available)) {
        expect(findings, `${check.lint} ${check.name} found nothing`).toContain(`${check.lint} ${check.name}: `)
      }
    } finally {
      await client.query('rollback')
      client.release()
    }
  })
})
