import { readFile } from 'node:fs/promises'
import { parse } from 'smol-toml'

// The conditions of Supabase's Security and Performance Advisors (the linter splinter,
// github.com/supabase/splinter, lints/*.sql), written again from pg_catalog for Rolecall's schemas so
// a test keeps the dashboard clean after `supabase db push`. Each check returns one line per finding,
// naming the object. Where splinter looks at a symptom loosely (any one wrapped `auth.uid()` in a
// policy hides the unwrapped ones; any search_path setting will do), the check here is stricter.

/** Every schema the migrations create. */
export const rolecallSchemas = ['rolecall', 'rolecall_private', 'rolecall_rpc', 'example', 'example_private'] as const

/** Schemas that hold SECURITY DEFINER code and must never be exposed to the API. */
export const unexposedSchemas = ['rolecall_private', 'rolecall_rpc', 'example_private'] as const

/** `[api] schemas` of supabase/config.toml: what PostgREST serves (`pgrst.db_schemas` on a project). */
export async function exposedSchemas(configPath = new URL('../../supabase/config.toml', import.meta.url)): Promise<string[]> {
  const config = parse(await readFile(configPath, 'utf8')) as { api?: { schemas?: string[] } }
  return config.api?.schemas ?? []
}

/** What a check needs: one query on one connection (so a check inside an open transaction sees its objects). */
export type AdvisorQuery = <T>(text: string, params: unknown[]) => Promise<T[]>

/** One lint: its splinter number and name, and the SQL that lists findings ($1 Rolecall's schemas, $2 the exposed ones among them). */
export interface AdvisorCheck {
  lint: string
  name: string
  sql: string
}

// Shared fragments. $1: Rolecall's schemas; $2: those of them exposed to the API.
const notExtensionMember = (oid: string, catalog: string) =>
  `not exists (select 1 from pg_depend e where e.classid = '${catalog}'::regclass and e.objid = ${oid} and e.deptype = 'e')`
const apiCanSelect = (oid: string) =>
  `(has_table_privilege('anon', ${oid}, 'select') or has_table_privilege('authenticated', ${oid}, 'select'))`
const invokerView = (options: string) =>
  `coalesce(${options}, '{}') && array['security_invoker=1', 'security_invoker=true', 'security_invoker=yes', 'security_invoker=on']`
/** Each policy with its expressions as Postgres prints them back (what splinter matches on). */
const policies = `
  select n.nspname as schema, c.relname as table_name, p.polname as policy, c.relrowsecurity as rls, p.polpermissive as permissive,
         p.polcmd as cmd, p.polroles as roles, c.oid as table_oid,
         coalesce(pg_get_expr(p.polqual, p.polrelid), '') as qual, coalesce(pg_get_expr(p.polwithcheck, p.polrelid), '') as with_check
    from pg_policy p join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace
   where n.nspname = any ($1::text[])`

/** The advisor's lints that concern Rolecall, each written from the lint's documented rule. */
export const advisorChecks: AdvisorCheck[] = [
  {
    // A foreign key needs an index whose leading columns are the key's, in order: otherwise every
    // delete or key update of the referenced row scans the referencing table.
    lint: '0001', name: 'unindexed_foreign_keys',
    sql: `
      select format('%I.%I: foreign key %I (%s) has no index leading with its columns', n.nspname, c.relname, k.conname,
                    (select string_agg(a.attname, ', ' order by u.ord) from unnest(k.conkey) with ordinality u(attnum, ord)
                       join pg_attribute a on a.attrelid = c.oid and a.attnum = u.attnum)) as finding
        from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
       where k.contype = 'f' and n.nspname = any ($1::text[]) and ${notExtensionMember('c.oid', 'pg_class')}
         and not exists (
           select 1 from pg_index i
            where i.indrelid = c.oid and i.indisvalid and i.indpred is null
              and (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(k.conkey)] = k.conkey)
       order by 1`,
  },
  {
    // A view or materialized view over auth.users that the API roles may read leaks every user's
    // email and metadata, unless it runs as the reader and auth.users' own RLS applies.
    lint: '0002', name: 'auth_users_exposed',
    sql: `
      select distinct format('%I.%I: exposes auth.users to the API roles', n.nspname, c.relname) as finding
        from pg_depend d join pg_rewrite r on r.oid = d.objid join pg_class c on c.oid = r.ev_class
        join pg_namespace n on n.oid = c.relnamespace
       where d.classid = 'pg_rewrite'::regclass and d.refobjid = 'auth.users'::regclass
         and n.nspname = any ($2::text[]) and c.relkind in ('v', 'm') and ${apiCanSelect('c.oid')}
         and (c.relkind = 'm' or not (${invokerView('c.reloptions::text[]')})
              or not (select relrowsecurity from pg_class where oid = 'auth.users'::regclass))
       order by 1`,
  },
  {
    // auth.uid() / auth.jwt() / auth.role() / auth.email() / current_setting() in a policy must be a
    // scalar subquery, `(select auth.uid())`, so Postgres computes it once per statement (an
    // initPlan), not once per row. Every occurrence is counted, not just the first.
    lint: '0003', name: 'auth_rls_initplan',
    sql: `
      select format('%I.%I: policy "%s" calls %s per row (wrap it: (select %s))', p.schema, p.table_name, p.policy, f.call, f.call) as finding
        from (${policies}) p
       cross join (values ('auth.uid()'), ('auth.jwt()'), ('auth.role()'), ('auth.email()'), ('current_setting(')) f(call)
       cross join lateral (select lower(p.qual || ' ' || p.with_check) as expr) x
       where p.rls
         and (length(x.expr) - length(replace(x.expr, f.call, ''))) / length(f.call)
           > (length(x.expr) - length(replace(x.expr, 'select ' || f.call, ''))) / length('select ' || f.call)
       order by 1`,
  },
  {
    // Postgres ORs every permissive policy that applies to a role and command and evaluates all of
    // them for each row: one policy per table, role and command.
    lint: '0006', name: 'multiple_permissive_policies',
    sql: `
      select format('%I.%I: %s policies for %s on %s: %s', p.schema, p.table_name, count(*), r.rolname, x.cmd,
                    string_agg('"' || p.policy || '"', ', ' order by p.policy)) as finding
        from (${policies}) p
        join pg_roles r on r.oid = any (p.roles) or p.roles = array[0::oid]
       cross join lateral unnest(case p.cmd when 'r' then array['select'] when 'a' then array['insert'] when 'w' then array['update']
                                            when 'd' then array['delete'] else array['select', 'insert', 'update', 'delete'] end) x(cmd)
       where p.permissive and not r.rolbypassrls and r.rolname not like 'pg\\_%' and r.rolname not like 'supabase%admin'
         and (select relkind from pg_class where oid = p.table_oid) = 'r'
       group by p.schema, p.table_name, r.rolname, x.cmd
      having count(*) > 1
       order by 1`,
  },
  {
    lint: '0007', name: 'policy_exists_rls_disabled',
    sql: `
      select distinct format('%I.%I: has policies but row level security is off', p.schema, p.table_name) as finding
        from (${policies}) p where not p.rls order by 1`,
  },
  {
    // RLS on and no policy means nobody but the owner and bypassrls roles reads a row: almost
    // always a forgotten policy.
    lint: '0008', name: 'rls_enabled_no_policy',
    sql: `
      select format('%I.%I: row level security is on but no policy exists', n.nspname, c.relname) as finding
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where c.relkind in ('r', 'p') and c.relrowsecurity and n.nspname = any ($1::text[])
         and not exists (select 1 from pg_policy p where p.polrelid = c.oid) and ${notExtensionMember('c.oid', 'pg_class')}
       order by 1`,
  },
  {
    // Two indexes whose definitions differ only in their names: every write maintains both.
    lint: '0009', name: 'duplicate_index',
    sql: `
      select format('%I.%I: identical indexes %s', n.nspname, c.relname, string_agg(ic.relname, ', ' order by ic.relname)) as finding
        from pg_index i join pg_class ic on ic.oid = i.indexrelid join pg_class c on c.oid = i.indrelid
        join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = any ($1::text[]) and c.relkind in ('r', 'm', 'p') and ${notExtensionMember('c.oid', 'pg_class')}
       group by n.nspname, c.relname, replace(pg_get_indexdef(i.indexrelid), format('INDEX %I ON', ic.relname), 'INDEX ON')
      having count(*) > 1
       order by 1`,
  },
  {
    // A view without security_invoker reads its tables with its owner's rights, so RLS is skipped
    // for whoever selects it through the API.
    lint: '0010', name: 'security_definer_view',
    sql: `
      select format('%I.%I: runs with its owner''s rights (no security_invoker) and the API roles may select it', n.nspname, c.relname) as finding
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where c.relkind = 'v' and n.nspname = any ($2::text[]) and ${apiCanSelect('c.oid')}
         and not (${invokerView('c.reloptions::text[]')}) and ${notExtensionMember('c.oid', 'pg_class')}
       order by 1`,
  },
  {
    // A function without its own search_path resolves names through the caller's: stricter than the
    // lint, Rolecall pins every function to '' and qualifies every name.
    lint: '0011', name: 'function_search_path_mutable',
    sql: `
      select format('%s: search_path is not pinned to ''''', p.oid::regprocedure) as finding
        from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = any ($1::text[]) and ${notExtensionMember('p.oid', 'pg_proc')}
         and not (coalesce(p.proconfig, '{}') && array['search_path=""', 'search_path='''''])
       order by 1`,
  },
  {
    // 0013 asks it of exposed tables the API may select; Rolecall keeps RLS on every table it has.
    lint: '0013', name: 'rls_disabled_in_public',
    sql: `
      select format('%I.%I: row level security is off', n.nspname, c.relname) as finding
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where c.relkind in ('r', 'p') and not c.relrowsecurity and n.nspname = any ($1::text[])
       order by 1`,
  },
  {
    // An extension's objects in an exposed schema become API endpoints (and public is on every
    // search_path): extensions belong in the extensions schema.
    lint: '0014', name: 'extension_in_public',
    sql: `
      select format('extension %I is installed in schema %I', e.extname, e.extnamespace::regnamespace) as finding
        from pg_extension e
       where e.extname <> 'plpgsql' and (e.extnamespace::regnamespace::text = 'public' or e.extnamespace::regnamespace::text = any ($1::text[]))
       order by 1`,
  },
  {
    // user_metadata is written by the user (supabase.auth.updateUser): never a basis for access.
    lint: '0015', name: 'rls_references_user_metadata',
    sql: `
      select format('%I.%I: policy "%s" reads user metadata', p.schema, p.table_name, p.policy) as finding
        from (${policies}) p
       where lower(p.qual || ' ' || p.with_check) ~ '(user_metadata|raw_user_meta_data)'
       order by 1`,
  },
  {
    // A materialized view has no RLS: readable through the API, it shows every row.
    lint: '0016', name: 'materialized_view_in_api',
    sql: `
      select format('%I.%I: materialized view the API roles may select', n.nspname, c.relname) as finding
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where c.relkind = 'm' and n.nspname = any ($1::text[]) and ${apiCanSelect('c.oid')}
       order by 1`,
  },
  {
    // A write policy for signed-in users (or everyone) that is always true lets any of them write
    // any row: RLS in name only. (A select policy `using (true)` is a deliberate public read.)
    lint: '0024', name: 'rls_policy_always_true',
    sql: `
      select format('%I.%I: policy "%s" (%s) is always true', p.schema, p.table_name, p.policy,
                    case p.cmd when 'a' then 'insert' when 'w' then 'update' when 'd' then 'delete' else 'all' end) as finding
        from (${policies}) p
       where p.permissive and p.cmd in ('a', 'w', 'd', '*')
         and (p.roles = array[0::oid] or exists (select 1 from pg_roles r where r.oid = any (p.roles) and r.rolname in ('anon', 'authenticated')))
         and ((p.cmd in ('w', 'd', '*') and p.qual in ('', 'true', '(true)'))
              or (p.cmd in ('a', 'w', '*') and p.with_check in ('true', '(true)'))
              or (p.cmd = 'a' and p.with_check = ''))
       order by 1`,
  },
  {
    lint: '0028', name: 'anon_security_definer_function_executable',
    sql: `
      select format('%s: SECURITY DEFINER in an exposed schema, executable by anon', p.oid::regprocedure) as finding
        from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where p.prosecdef and n.nspname = any ($2::text[]) and has_function_privilege('anon', p.oid, 'execute')
       order by 1`,
  },
  {
    lint: '0029', name: 'authenticated_security_definer_function_executable',
    sql: `
      select format('%s: SECURITY DEFINER in an exposed schema, executable by authenticated', p.oid::regprocedure) as finding
        from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where p.prosecdef and n.nspname = any ($2::text[]) and has_function_privilege('authenticated', p.oid, 'execute')
       order by 1`,
  },
]

/**
 * Rolecall's own rules behind the advisor's: stricter, so a finding shows up here before the
 * dashboard would show it. lint '-' marks them.
 */
export const designChecks: AdvisorCheck[] = [
  {
    // Not only "no definer function that anon / authenticated may execute" (0028 / 0029): none at
    // all in an exposed schema, so revoking a grant can never be the only thing between a caller
    // and the owner's rights.
    lint: '-', name: 'no_definer_function_exposed',
    sql: `
      select format('%s: SECURITY DEFINER in exposed schema %I (move it to an unexposed schema behind a SECURITY INVOKER entry point)',
                    p.oid::regprocedure, n.nspname) as finding
        from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where p.prosecdef and n.nspname = any ($2::text[])
       order by 1`,
  },
  {
    // rolecall_rpc and example_private hold implementations only: each has a SECURITY INVOKER entry
    // point of the same name and arguments in rolecall / example with the same grants, result,
    // volatility and comment (a grant on one but not the other either breaks the call or hides a
    // refusal behind the wrong error).
    lint: '-', name: 'entry_point_matches_implementation',
    sql: `
      with pairs as (
        select i.oid as impl, e.oid as entry, ni.nspname as impl_schema,
               case ni.nspname when 'rolecall_rpc' then 'rolecall' when 'example_private' then 'example' end as entry_schema
          from pg_proc i join pg_namespace ni on ni.oid = i.pronamespace
          left join pg_proc e on e.proname = i.proname and e.proargtypes = i.proargtypes
           and e.pronamespace = (case ni.nspname when 'rolecall_rpc' then 'rolecall' else 'example' end)::regnamespace
         where ni.nspname in ('rolecall_rpc', 'example_private') and ni.nspname = any ($1::text[])
      ), acl as (
        select p.oid, array(select format('%s=%s%s', a.grantee::regrole, a.privilege_type, case when a.is_grantable then '*' else '' end)
                              from aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
                             where a.grantee <> p.proowner order by 1) as grants
          from pg_proc p
      )
      select format('%s: %s', x.impl::regprocedure, x.problem) as finding
        from (
          select impl, format('no entry point %I.%I with the same arguments', entry_schema, (select proname from pg_proc where oid = impl)) as problem
            from pairs where entry is null
          union all
          select impl, format('entry point %s is SECURITY DEFINER', entry::regprocedure) from pairs join pg_proc e on e.oid = entry where e.prosecdef
          union all
          select impl, format('implementation is SECURITY INVOKER: it needs no entry point, move it back') from pairs join pg_proc i on i.oid = impl where not i.prosecdef
          union all
          select impl, format('grants %s, entry point %s', ai.grants, ae.grants)
            from pairs join acl ai on ai.oid = impl join acl ae on ae.oid = entry where ai.grants <> ae.grants
          union all
          select impl, 'entry point differs in result, volatility or strictness'
            from pairs join pg_proc i on i.oid = impl join pg_proc e on e.oid = entry
           where (i.prorettype, i.proretset, i.provolatile, i.proisstrict) is distinct from (e.prorettype, e.proretset, e.provolatile, e.proisstrict)
          union all
          select impl, 'entry point has another comment (or none)'
            from pairs where entry is not null and obj_description(entry, 'pg_proc') is distinct from obj_description(impl, 'pg_proc')
        ) x
       order by 1`,
  },
  {
    // What holds definer code must stay out of the API, and anon may not even resolve names in it.
    lint: '-', name: 'unexposed_schemas_stay_closed',
    sql: `
      select format('schema %I: %s', n.nspname, problem) as finding
        from pg_namespace n
       cross join lateral (values
         (case when n.nspname = any ($2::text[]) then 'exposed to the API, yet it holds SECURITY DEFINER code' end),
         (case when has_schema_privilege('anon', n.oid, 'usage') then 'anon has usage' end)) v(problem)
       where n.nspname in (${unexposedSchemas.map((s) => `'${s}'`).join(', ')}) and problem is not null
       order by 1`,
  },
]

/** Runs one check and returns its findings. */
export async function runCheck(query: AdvisorQuery, check: AdvisorCheck, schemas: readonly string[], exposed: readonly string[]): Promise<string[]> {
  // NOTE: the wrapper names both parameters, so a check may use either or both.
  const rows = await query<{ finding: string }>(
    `select q.finding from (${check.sql}) q where cardinality($1::text[]) >= 0 and cardinality($2::text[]) >= 0`,
    [[...schemas], exposed.filter((s) => schemas.includes(s))])
  return rows.map((r) => `${check.lint} ${check.name}: ${r.finding}`)
}

/** Every check's findings, in lint order. */
export async function advisorFindings(query: AdvisorQuery, schemas: readonly string[], exposed: readonly string[]): Promise<string[]> {
  const findings: string[] = []
  for (const check of [...advisorChecks, ...designChecks]) findings.push(...(await runCheck(query, check, schemas, exposed)))
  return findings
}
