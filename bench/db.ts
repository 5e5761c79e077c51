import { mkdir, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { createMigratedDatabase, startPostgres } from '../tests/support/postgres.ts'

// The database benchmark of issue 3 (not part of `npm test`): does RLS stay cheap at scale?
//   (a) listing the 10,000 members of one organization as its admin, through RLS, against the same
//       query run by the table owner (no RLS)                                      goal ≤ 1.5x
//   (b) a filtered scan of example.bills (100,000 rows, policy built on
//       rolecall.permitted_org_ids) as a member, against the owner                  goal ≤ 1.5x
//   (c) one rolecall.has_permission call                                           goal < 0.1 ms
// Times are the server's own (EXPLAIN ANALYZE planning + execution, medians of many runs after a
// warm-up), so the network and row transfer, the same on both sides, do not flatten the ratios;
// client round trips are reported next to them. Results go to bench/results/db.json.

const bigMembers = 10_000
const otherOrganizations = 50
const membersPerOtherOrganization = 100
const bills = 100_000
const repetitions = 120
const warmup = 15

/** The median of a list of numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

const round = (n: number, digits = 3) => Number(n.toFixed(digits))

/** Who runs a benchmarked statement: the table owner (superuser, no RLS) or a signed-in user. */
type Side = { kind: 'owner' } | { kind: 'user'; id: string }

async function inRequest<T>(client: pg.Client, side: Side, work: () => Promise<T>): Promise<T> {
  await client.query('begin')
  try {
    if (side.kind === 'user') {
      await client.query(
        `select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true),
                set_config('request.headers', '{"x-forwarded-for":"127.0.0.1"}', true)`,
        [JSON.stringify({ sub: side.id, role: 'authenticated', aud: 'authenticated' })],
      )
    }
    return await work()
  } finally {
    await client.query('rollback')
  }
}

/** Server-side milliseconds (planning + execution) and the row count of one run of `sql`. */
async function serverTime(client: pg.Client, side: Side, sql: string, params: unknown[]): Promise<{ ms: number; rows: number }> {
  return inRequest(client, side, async () => {
    const { rows } = await client.query(`explain (analyze, timing off, summary on, format json) ${sql}`, params)
    const plan = (rows[0]['QUERY PLAN'] as { 'Planning Time': number; 'Execution Time': number; Plan: { 'Actual Rows': number } }[])[0]!
    return { ms: plan['Planning Time'] + plan['Execution Time'], rows: plan.Plan['Actual Rows'] }
  })
}

/** Client wall-clock milliseconds of one run of `sql` (inside the request transaction). */
async function clientTime(client: pg.Client, side: Side, sql: string, params: unknown[]): Promise<number> {
  return inRequest(client, side, async () => {
    const start = performance.now()
    await client.query(sql, params)
    return performance.now() - start
  })
}

/** Runs `sql` as the user (RLS) and as the owner, interleaved, and compares the medians. */
async function compare(client: pg.Client, user: Side, sql: string, params: unknown[]) {
  const owner: Side = { kind: 'owner' }
  for (let i = 0; i < warmup; i++) {
    await serverTime(client, user, sql, params)
    await serverTime(client, owner, sql, params)
  }
  const rls: number[] = []
  const plain: number[] = []
  const rlsWall: number[] = []
  const plainWall: number[] = []
  let rows = { rls: 0, owner: 0 }
  for (let i = 0; i < repetitions; i++) {
    const a = await serverTime(client, user, sql, params)
    const b = await serverTime(client, owner, sql, params)
    rls.push(a.ms)
    plain.push(b.ms)
    rows = { rls: a.rows, owner: b.rows }
    if (i % 4 === 0) {
      rlsWall.push(await clientTime(client, user, sql, params))
      plainWall.push(await clientTime(client, owner, sql, params))
    }
  }
  return {
    rows,
    rls_ms: round(median(rls)),
    owner_ms: round(median(plain)),
    ratio: round(median(rls) / median(plain), 2),
    client_rls_ms: round(median(rlsWall)),
    client_owner_ms: round(median(plainWall)),
    client_ratio: round(median(rlsWall) / median(plainWall), 2),
  }
}

/** Seeds the big organization, the 50 others and the bills. Returns the ids the measurements use. */
async function seed(client: pg.Client): Promise<{ bigOrg: string; admin: string; member: string }> {
  await client.query('begin')
  const { rows: [big] } = await client.query<{ org: string; admin: string }>(
    `with creator as (
       insert into auth.users (id, aud, role, email, raw_user_meta_data, created_at, updated_at)
       values (gen_random_uuid(), 'authenticated', 'authenticated', 'admin@big.bench', '{"full_name": "Big Admin"}', now(), now())
       returning id)
     select rolecall_private.instantiate_template(null, 'Big Bench Ltd', 'justpaid', 'en', creator.id) as org, creator.id as admin
       from creator`)
  await client.query(
    `insert into auth.users (id, aud, role, email, raw_user_meta_data, created_at, updated_at)
     select gen_random_uuid(), 'authenticated', 'authenticated', format('member%s@big.bench', g),
            jsonb_build_object('full_name', format('Member %s', g)), now(), now()
       from generate_series(1, $1::int - 1) g`, [bigMembers])
  // Mostly Users, some Accountants and a few more Admins, like a real large customer.
  await client.query(
    `insert into rolecall.members (organization_id, user_id, role_id)
     select $1::uuid, u.id, r.id
       from (select id, row_number() over (order by email) as n from auth.users where email like 'member%@big.bench') u
       join rolecall.roles r on r.organization_id = $1::uuid
        and r.template_key = case when u.n % 500 = 0 then 'admin' when u.n % 20 = 0 then 'accountant' else 'user' end`,
    [big!.org])
  await client.query(
    `insert into rolecall.member_overrides (member_id, organization_id, permission_key, effect)
     select m.id, m.organization_id, 'bills.view', 'grant'
       from rolecall.members m join rolecall.roles r on r.id = m.role_id
      where m.organization_id = $1::uuid and r.template_key = 'user'`, [big!.org])
  const templates = ['justpaid', 'jusnote', 'profit', 'paycove', 'payments_platform', 'blank']
  for (let i = 0; i < otherOrganizations; i++) {
    await client.query(
      `with creator as (
         insert into auth.users (id, aud, role, email, raw_user_meta_data, created_at, updated_at)
         values (gen_random_uuid(), 'authenticated', 'authenticated', format('creator@org%s.bench', $1::int), '{}', now(), now())
         returning id),
       org as (select rolecall_private.instantiate_template(null, format('Other %s', $1::int), $2, 'en', creator.id) as id from creator),
       users as (
         insert into auth.users (id, aud, role, email, raw_user_meta_data, created_at, updated_at)
         select gen_random_uuid(), 'authenticated', 'authenticated', format('m%s@org%s.bench', g, $1::int), '{}', now(), now()
           from generate_series(1, $3::int - 1) g
         returning id)
       insert into rolecall.members (organization_id, user_id, role_id)
       select org.id, users.id,
              (select r.id from rolecall.roles r where r.organization_id = org.id and not r.all_permissions order by r.rank limit 1)
         from org, users
        where exists (select 1 from rolecall.roles r where r.organization_id = org.id and not r.all_permissions)`,
      [i + 1, templates[i % templates.length], membersPerOtherOrganization])
  }
  await client.query(
    `insert into example.bills (organization_id, vendor_name, amount, due_on, status)
     select case when g % 2 = 0 then $1::uuid else o.ids[1 + g % cardinality(o.ids)] end,
            format('Vendor %s', g % 977), 1 + (g % 10000) / 3.0, current_date + (g % 365),
            (array['draft', 'approved', 'paid'])[1 + g % 3]
       from generate_series(1, $2::int) g,
            (select array_agg(id) as ids from rolecall.organizations where name like 'Other %') o`,
    [big!.org, bills])
  await client.query('commit')
  await client.query('analyze')
  const { rows: [member] } = await client.query<{ user_id: string }>(
    `select m.user_id from rolecall.members m join rolecall.roles r on r.id = m.role_id
      where m.organization_id = $1::uuid and r.template_key = 'user' limit 1`, [big!.org])
  return { bigOrg: big!.org, admin: big!.admin, member: member!.user_id }
}

/** Per-call server time of has_permission in a PL/pgSQL loop, and of a `select 1` loop, as the user. */
async function perCall(client: pg.Client, user: Side, org: string, key: string, calls = 5_000) {
  await client.query(`
    create or replace function pg_temp.bench_has_permission(p_org uuid, p_key text, p_n integer) returns double precision
    language plpgsql as $$
    declare v_start timestamptz := clock_timestamp(); v_ok boolean;
    begin
      for i in 1 .. p_n loop v_ok := rolecall.has_permission(p_org, p_key); end loop;
      return extract(epoch from clock_timestamp() - v_start) * 1000.0 / p_n;
    end $$;
    create or replace function pg_temp.bench_select_1(p_n integer) returns double precision
    language plpgsql as $$
    declare v_start timestamptz := clock_timestamp(); v_one integer;
    begin
      for i in 1 .. p_n loop v_one := (select 1); end loop;
      return extract(epoch from clock_timestamp() - v_start) * 1000.0 / p_n;
    end $$;`)
  const permission: number[] = []
  const baseline: number[] = []
  for (let i = 0; i < 7; i++) {
    await inRequest(client, user, async () => {
      permission.push((await client.query('select pg_temp.bench_has_permission($1, $2, $3) as ms', [org, key, calls])).rows[0].ms)
      baseline.push((await client.query('select pg_temp.bench_select_1($1) as ms', [calls])).rows[0].ms)
    })
  }
  const wall: number[] = []
  const wallBaseline: number[] = []
  for (let i = 0; i < warmup + repetitions; i++) {
    const a = await clientTime(client, user, 'select rolecall.has_permission($1, $2)', [org, key])
    const b = await clientTime(client, user, 'select 1', [])
    if (i >= warmup) {
      wall.push(a)
      wallBaseline.push(b)
    }
  }
  return {
    ms_per_call: round(median(permission), 4),
    select_1_ms_per_call: round(median(baseline), 4),
    ratio_to_select_1: round(median(permission) / median(baseline), 1),
    client_round_trip_ms: round(median(wall)),
    client_select_1_ms: round(median(wallBaseline)),
    client_ratio_to_select_1: round(median(wall) / median(wallBaseline), 2),
  }
}

/** Starts Postgres, seeds, measures, prints and writes bench/results/db.json. */
export async function runDbBench(): Promise<Record<string, unknown>> {
  const server = await startPostgres()
  const database = 'rolecall_bench'
  try {
    const started = performance.now()
    await createMigratedDatabase(server, database, { seed: true })
    const client = new pg.Client({ connectionString: server.urlFor(database) })
    await client.connect()
    try {
      const ids = await seed(client)
      const seededIn = (performance.now() - started) / 1000
      const admin: Side = { kind: 'user', id: ids.admin }
      const member: Side = { kind: 'user', id: ids.member }
      const { rows: [version] } = await client.query<{ server_version: string }>('show server_version')

      const memberListing = await compare(client, admin,
        `select m.id, m.user_id, m.role_id, m.status, m.is_primary, m.email, m.display_name, m.created_at
           from rolecall.members m where m.organization_id = $1 order by m.display_name, m.id`, [ids.bigOrg])
      const billsScan = await compare(client, member,
        `select b.id, b.vendor_name, b.amount, b.due_on, b.status
           from example.bills b where b.organization_id = $1 and b.status = 'approved' and b.amount >= $2
          order by b.due_on, b.id`, [ids.bigOrg, 1000])
      const hasPermissionMember = await perCall(client, member, ids.bigOrg, 'bills.approve')
      const hasPermissionAdmin = await perCall(client, admin, ids.bigOrg, 'bills.approve')

      const results = {
        measured_at: new Date().toISOString(),
        postgres: version!.server_version,
        data: {
          big_organization_members: bigMembers, other_organizations: otherOrganizations,
          members_per_other_organization: membersPerOtherOrganization, bills, seeded_in_s: round(seededIn, 1),
        },
        method: `server time = EXPLAIN ANALYZE planning + execution, median of ${repetitions} interleaved runs after ${warmup} warm-up runs; client = wall clock of the query in its request transaction`,
        member_listing: { ...memberListing, goal: 'ratio <= 1.5', met: memberListing.ratio <= 1.5 },
        bills_filtered_scan: { ...billsScan, goal: 'ratio <= 1.5', met: billsScan.ratio <= 1.5 },
        has_permission: {
          member_by_policy: hasPermissionMember,
          all_permissions_admin: hasPermissionAdmin,
          goal: 'ms_per_call < 0.1',
          met: hasPermissionMember.ms_per_call < 0.1 && hasPermissionAdmin.ms_per_call < 0.1,
        },
      }
      print(results)
      const dir = fileURLToPath(new URL('./results/', import.meta.url))
      await mkdir(dir, { recursive: true })
      await writeFile(`${dir}db.json`, `${JSON.stringify(results, null, 2)}\n`)
      return results
    } finally {
      await client.end()
    }
  } finally {
    await server.stop()
  }
}

function print(r: {
  postgres: string
  member_listing: { rls_ms: number; owner_ms: number; ratio: number; client_ratio: number; met: boolean; rows: { rls: number } }
  bills_filtered_scan: { rls_ms: number; owner_ms: number; ratio: number; client_ratio: number; met: boolean; rows: { rls: number } }
  has_permission: { member_by_policy: { ms_per_call: number; ratio_to_select_1: number }; all_permissions_admin: { ms_per_call: number; ratio_to_select_1: number }; met: boolean }
}): void {
  const mark = (met: boolean) => (met ? 'ok' : 'MISSED')
  const l = r.member_listing
  const b = r.bills_filtered_scan
  const h = r.has_permission
  console.log(`\nRolecall database benchmark (PostgreSQL ${r.postgres})`)
  console.log(`  member listing, ${l.rows.rls} rows:   RLS ${l.rls_ms} ms vs owner ${l.owner_ms} ms = ${l.ratio}x (client ${l.client_ratio}x)  goal <= 1.5x  ${mark(l.met)}`)
  console.log(`  bills filtered scan, ${b.rows.rls} rows: RLS ${b.rls_ms} ms vs owner ${b.owner_ms} ms = ${b.ratio}x (client ${b.client_ratio}x)  goal <= 1.5x  ${mark(b.met)}`)
  console.log(`  has_permission: ${h.member_by_policy.ms_per_call} ms/call via policies (${h.member_by_policy.ratio_to_select_1}x select 1), ` +
    `${h.all_permissions_admin.ms_per_call} ms/call as admin (${h.all_permissions_admin.ratio_to_select_1}x)  goal < 0.1 ms  ${mark(h.met)}`)
}
