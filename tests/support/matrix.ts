import { randomUUID } from 'node:crypto'
import type { PGlite } from '@electric-sql/pglite'
import type pg from 'pg'
import { type Actor, anon, requestSettings, serviceRole, user } from './db.ts'
import { type ExpectedObject, type Outcome, type RowRule, expectedObjects, exampleWrites } from './matrix-expected.ts'

// The authorization matrix, built from pg_catalog: every table, view, sequence and function of the
// Rolecall schemas, checked structurally (RLS, grants, search_path) and behaviourally (what each
// actor reads, writes and executes). Written against a small runner so the same checks run on
// node-postgres (tests/db/authorization-matrix.test.ts) and on PGlite (tests/db/pglite.test.ts).

/** The schemas the matrix covers. */
export const matrixSchemas = ['rolecall', 'rolecall_private', 'rolecall_rpc', 'example', 'example_private']

/** The roles PostgREST switches to, plus PUBLIC; grants to anyone else (the owner) are ignored. */
export const apiGrantees = ['PUBLIC', 'anon', 'authenticated', 'service_role'] as const
export type Grantee = (typeof apiGrantees)[number]

/** What the matrix needs from a database: superuser SQL and simulated API requests. */
export interface MatrixRunner {
  /** Runs SQL as the superuser (the SQL editor), outside any request. */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>
  /** Runs SQL as one API request of `actor`; rolled back unless `commit` is set. */
  request<T = Record<string, unknown>>(actor: Actor, text: string, params?: unknown[], options?: { commit?: boolean }): Promise<T[]>
}

const requestSetup = `select set_config('role', $1, true), set_config('request.jwt.claims', $2, true),
  set_config('request.headers', $3, true), set_config('request.method', 'POST', true)`

function settingsParams(actor: Actor): string[] {
  const { role, claims, headers } = requestSettings(actor)
  return [role, JSON.stringify(claims), JSON.stringify(headers)]
}

/** A runner over a node-postgres pool: each request on its own client, as PostgREST does it. */
export function pgMatrixRunner(pool: pg.Pool): MatrixRunner {
  return {
    sql: async <T>(text: string, params?: unknown[]) => (await pool.query(text, params)).rows as T[],
    request: async <T>(actor: Actor, text: string, params: unknown[] = [], options: { commit?: boolean } = {}) => {
      const client = await pool.connect()
      try {
        await client.query('begin')
        try {
          await client.query(requestSetup, settingsParams(actor))
          const rows = (await client.query(text, params)).rows as T[]
          await client.query(options.commit ? 'commit' : 'rollback')
          return rows
        } catch (error) {
          await client.query('rollback')
          throw error
        }
      } finally {
        client.release()
      }
    },
  }
}

/** A runner over PGlite's single connection (requests run one after another). */
export function pgliteMatrixRunner(db: PGlite): MatrixRunner {
  return {
    sql: async <T>(text: string, params?: unknown[]) => (await db.query<T>(text, params)).rows,
    request: async <T>(actor: Actor, text: string, params: unknown[] = [], options: { commit?: boolean } = {}) => {
      await db.exec('begin')
      try {
        await db.query(requestSetup, settingsParams(actor))
        const rows = (await db.query<T>(text, params)).rows
        await db.exec(options.commit ? 'commit' : 'rollback')
        return rows
      } catch (error) {
        await db.exec('rollback')
        throw error
      }
    },
  }
}

/** `{a,b}`: a Postgres array literal, so array parameters travel as text on both drivers. */
export function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`
}

// ---------------------------------------------------------------------------------------------
// The catalog

/** One input argument of a function. */
export interface FunctionArg {
  name: string
  type: string
  mode: string
  /** First label, when the type is an enum. */
  enum: string | null
}

/** A table, view, sequence or function of the matrix schemas, with its privileges. */
export interface DbObject {
  /** `schema.name` for relations, the regprocedure text (`schema.fn(uuid,text)`) for functions. */
  id: string
  schema: string
  name: string
  kind: 'table' | 'view' | 'sequence' | 'function'
  /** Privileges by API grantee, sorted; `ALL` when the grantee holds every privilege of the kind. */
  grants: Partial<Record<Grantee, string[]>>
  rls?: boolean
  forcedRls?: boolean
  /** Views: whether they run with the caller's rights. */
  securityInvoker?: boolean
  /** Tables and views: the column naming the owning organization (id for organizations). */
  orgColumn?: string | null
  /** Tables and views: the first plain column (what a harmless `update ... set c = c` touches). */
  firstColumn?: string | null
  securityDefiner?: boolean
  config?: string[]
  /** Functions: input arguments without defaults, in order. */
  requiredArgs?: FunctionArg[]
  returnsSet?: boolean
  /** Trigger functions cannot be called directly; the matrix asks has_function_privilege instead. */
  trigger?: boolean
}

const allPrivileges: Record<DbObject['kind'], string[]> = {
  table: ['DELETE', 'INSERT', 'MAINTAIN', 'REFERENCES', 'SELECT', 'TRIGGER', 'TRUNCATE', 'UPDATE'],
  view: ['DELETE', 'INSERT', 'MAINTAIN', 'REFERENCES', 'SELECT', 'TRIGGER', 'TRUNCATE', 'UPDATE'],
  sequence: ['SELECT', 'UPDATE', 'USAGE'],
  function: ['EXECUTE'],
}

function collapse(kind: DbObject['kind'], privileges: string[]): string[] {
  const sorted = [...new Set(privileges)].sort()
  if (kind === 'function') return sorted
  const all = allPrivileges[kind].filter((p) => p !== 'MAINTAIN' || sorted.includes('MAINTAIN'))
  return all.every((p) => sorted.includes(p)) ? ['ALL'] : sorted
}

/** Reads every object of the matrix schemas from pg_catalog. */
export async function loadCatalog(runner: MatrixRunner): Promise<DbObject[]> {
  const schemas = arrayLiteral(matrixSchemas)
  const relations = await runner.sql<{
    id: string; schema: string; name: string; relkind: string; rls: boolean; forced: boolean; options: string[] | null; org_column: string | null; first_column: string | null
  }>(
    `select format('%I.%I', n.nspname, c.relname) as id, n.nspname as schema, c.relname as name, c.relkind::text as relkind,
            c.relrowsecurity as rls, c.relforcerowsecurity as forced, c.reloptions as options,
            (select a.attname::text from pg_attribute a
              where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                and a.attname in ('organization_id', 'org_id')
              union all select 'id' where c.relname = 'organizations' and n.nspname = 'rolecall'
              limit 1) as org_column,
            (select a.attname::text from pg_attribute a
              where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attidentity = '' and a.attgenerated = ''
              order by a.attnum limit 1) as first_column
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = any($1::text[]) and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
        and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'e')
      order by 1`,
    [schemas],
  )
  const relationGrants = await runner.sql<{ id: string; grantee: string; privilege: string }>(
    `select format('%I.%I', n.nspname, c.relname) as id,
            case when a.grantee = 0 then 'PUBLIC' else pg_get_userbyid(a.grantee)::text end as grantee,
            a.privilege_type::text as privilege
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      cross join lateral aclexplode(coalesce(c.relacl, acldefault(case c.relkind when 'S' then 's'::"char" else 'r'::"char" end, c.relowner))) a
      where n.nspname = any($1::text[]) and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f') and a.grantee <> c.relowner`,
    [schemas],
  )
  const functions = await runner.sql<{
    id: string; schema: string; name: string; definer: boolean; config: string[] | null; trigger: boolean; nargs: number; ndefaults: number; retset: boolean
    args: FunctionArg[]
  }>(
    `select p.oid::regprocedure::text as id, n.nspname as schema, p.proname::text as name, p.prosecdef as definer,
            p.proconfig as config, p.prorettype = 'trigger'::regtype as trigger, p.pronargs::int as nargs, p.pronargdefaults::int as ndefaults, p.proretset as retset,
            (select coalesce(json_agg(json_build_object(
                      'name', a.name, 'type', format_type(a.type, null), 'mode', a.mode,
                      'enum', (select e.enumlabel from pg_enum e where e.enumtypid = a.type order by e.enumsortorder limit 1))
                    order by a.ord), '[]'::json)
               from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[]),
                           coalesce(p.proargmodes::text[], array_fill('i'::text, array[p.pronargs::int])),
                           coalesce(p.proargnames, array_fill(''::text, array[p.pronargs::int])))
                    with ordinality as a(type, mode, name, ord)) as args
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = any($1::text[])
        and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
      order by 1`,
    [schemas],
  )
  const functionGrants = await runner.sql<{ id: string; grantee: string; privilege: string }>(
    `select p.oid::regprocedure::text as id,
            case when a.grantee = 0 then 'PUBLIC' else pg_get_userbyid(a.grantee)::text end as grantee,
            a.privilege_type::text as privilege
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      cross join lateral aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
      where n.nspname = any($1::text[]) and a.grantee <> p.proowner`,
    [schemas],
  )

  const grantsOf = (kind: DbObject['kind'], rows: { grantee: string; privilege: string }[]) => {
    const out: Partial<Record<Grantee, string[]>> = {}
    for (const grantee of apiGrantees) {
      const privileges = rows.filter((r) => r.grantee === grantee).map((r) => r.privilege)
      if (privileges.length) out[grantee] = collapse(kind, privileges)
    }
    return out
  }
  const kindOf = (relkind: string): DbObject['kind'] => (relkind === 'S' ? 'sequence' : relkind === 'v' || relkind === 'm' ? 'view' : 'table')

  const objects: DbObject[] = relations.map((r) => {
    const kind = kindOf(r.relkind)
    return {
      id: r.id, schema: r.schema, name: r.name, kind,
      grants: grantsOf(kind, relationGrants.filter((g) => g.id === r.id)),
      rls: r.rls, forcedRls: r.forced,
      securityInvoker: (r.options ?? []).some((o) => /^security_invoker=(true|on|1)$/i.test(o)),
      orgColumn: r.org_column,
      firstColumn: r.first_column,
    }
  })
  for (const f of functions) {
    const inputs = f.args.filter((a) => ['i', 'b', 'v'].includes(a.mode))
    objects.push({
      id: f.id, schema: f.schema, name: f.name, kind: 'function',
      grants: grantsOf('function', functionGrants.filter((g) => g.id === f.id)),
      securityDefiner: f.definer, config: f.config ?? [],
      requiredArgs: inputs.slice(0, f.nargs - f.ndefaults),
      returnsSet: f.retset,
      trigger: f.trigger,
    })
  }
  return objects
}

// ---------------------------------------------------------------------------------------------
// Structural checks: each returns the problems it found, each naming the object.

function describeGrants(grants: Partial<Record<Grantee, string[]>>): string {
  const parts = apiGrantees.filter((g) => grants[g]?.length).map((g) => `${g}: ${grants[g]!.join(', ')}`)
  return parts.length ? parts.join('; ') : 'none'
}

/** The catalog's grants against the explicit table: a new object, a new grant or a stale entry fails. */
export function grantTableProblems(catalog: DbObject[], expected: Record<string, ExpectedObject> = expectedObjects): string[] {
  const problems: string[] = []
  for (const object of catalog) {
    const entry = expected[object.id]
    if (!entry) {
      problems.push(`${object.kind} ${object.id} has no entry in tests/support/matrix-expected.ts (its grants: ${describeGrants(object.grants)})`)
      continue
    }
    for (const grantee of apiGrantees) {
      const actual = (object.grants[grantee] ?? []).join(', ') || 'none'
      const wanted = (entry.grants[grantee] ?? []).join(', ') || 'none'
      if (actual !== wanted) problems.push(`${object.id}: ${grantee} holds ${actual}, expected ${wanted}`)
    }
  }
  const ids = new Set(catalog.map((o) => o.id))
  for (const id of Object.keys(expected)) if (!ids.has(id)) problems.push(`${id} is in tests/support/matrix-expected.ts but not in the database`)
  return problems
}

/** Every table has RLS on. (Not forced: the owner is the migration role, whose SECURITY DEFINER functions must write.) */
export function rlsProblems(catalog: DbObject[]): string[] {
  return catalog.filter((o) => o.kind === 'table' && !o.rls).map((o) => `${o.id}: row level security is off`)
}

/** Nobody outside the API roles' intended grants: anon and PUBLIC hold nothing on any matrix object. */
export function anonProblems(catalog: DbObject[]): string[] {
  return catalog.flatMap((o) =>
    (['anon', 'PUBLIC'] as const)
      .filter((g) => o.grants[g]?.length)
      .map((g) => `${o.kind} ${o.id}: ${g} holds ${o.grants[g]!.join(', ')}`))
}

const writePrivileges = ['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER', 'MAINTAIN', 'ALL']

/** authenticated writes no rolecall table or view (writes are RPC only), and example tables only as documented. */
export function writeGrantProblems(catalog: DbObject[]): string[] {
  const problems: string[] = []
  for (const o of catalog.filter((x) => x.kind === 'table' || x.kind === 'view' || x.kind === 'sequence')) {
    const held = (o.grants.authenticated ?? []).filter((p) => writePrivileges.includes(p) || (o.kind === 'sequence' && p === 'USAGE'))
    const allowed = o.schema === 'example' ? (exampleWrites[o.name] ?? []) : []
    const extra = held.filter((p) => !allowed.includes(p))
    if (extra.length) problems.push(`${o.id}: authenticated holds ${extra.join(', ')}`)
  }
  return problems
}

/** Every function pins search_path to '' (a SECURITY DEFINER one would otherwise run a caller's objects). */
export function searchPathProblems(catalog: DbObject[]): string[] {
  return catalog
    .filter((o) => o.kind === 'function' && !(o.config ?? []).some((c) => c === 'search_path=""' || c === "search_path=''"))
    .map((o) => `${o.id}${o.securityDefiner ? ' (security definer)' : ''}: search_path is not set to ''`)
}

/** SECURITY DEFINER functions are executable by neither PUBLIC nor anon; rolecall_private by no anon at all. */
export function definerExecuteProblems(catalog: DbObject[]): string[] {
  return catalog
    .filter((o) => o.kind === 'function' && (o.securityDefiner || o.schema === 'rolecall_private'))
    .flatMap((o) => (['PUBLIC', 'anon'] as const).filter((g) => o.grants[g]?.includes('EXECUTE'))
      .map((g) => `${o.id}${o.securityDefiner ? ' (security definer)' : ''}: ${g} may execute it`))
}

/** Operator objects (rolecall.ops_*, the members report, the *_as edge entry points) belong to service_role alone. */
export function serviceOnlyProblems(catalog: DbObject[], expected: Record<string, ExpectedObject> = expectedObjects): string[] {
  const serviceOnly = (o: DbObject) =>
    o.schema === 'rolecall' && (/^ops_/.test(o.name) || o.name === 'members_permissions_report' || expected[o.id]?.serviceOnly)
  return catalog.filter(serviceOnly).flatMap((o) =>
    (['PUBLIC', 'anon', 'authenticated'] as const).filter((g) => o.grants[g]?.length)
      .map((g) => `${o.id}: ${g} holds ${o.grants[g]!.join(', ')}, but it is for service_role only`))
}

/** A view that runs with its owner's rights skips RLS, so only service_role may read it. */
export function viewProblems(catalog: DbObject[]): string[] {
  return catalog
    .filter((o) => o.kind === 'view' && !o.securityInvoker)
    .flatMap((o) => (['PUBLIC', 'anon', 'authenticated'] as const).filter((g) => o.grants[g]?.length)
      .map((g) => `${o.id}: runs with its owner's rights (no security_invoker) yet ${g} may read it`))
}

/** Column-level grants to API roles (a way around the table grants above). */
export async function columnGrantProblems(runner: MatrixRunner): Promise<string[]> {
  const rows = await runner.sql<{ problem: string }>(
    `select format('%I.%I(%I): %s holds %s', n.nspname, c.relname, a.attname,
                   case when x.grantee = 0 then 'PUBLIC' else pg_get_userbyid(x.grantee)::text end, x.privilege_type) as problem
       from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
      cross join lateral aclexplode(a.attacl) x
      where n.nspname = any($1::text[]) and a.attacl is not null
        and (x.grantee = 0 or pg_get_userbyid(x.grantee) in ('anon', 'authenticated', 'service_role'))
      order by 1`,
    [arrayLiteral(matrixSchemas)],
  )
  return rows.map((r) => r.problem)
}

/** Policies name their roles (`to authenticated`): a policy for PUBLIC would also admit anon. */
export async function policyRoleProblems(runner: MatrixRunner): Promise<string[]> {
  const rows = await runner.sql<{ problem: string }>(
    `select format('%I.%I: policy "%s" applies to PUBLIC', n.nspname, c.relname, p.polname) as problem
       from pg_policy p join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = any($1::text[]) and 0::oid = any(p.polroles)
      order by 1`,
    [arrayLiteral(matrixSchemas)],
  )
  return rows.map((r) => r.problem)
}

const unexposed = ['rolecall_private', 'rolecall_rpc', 'example_private']

/** Schema privileges: nobody but the owner creates objects; anon cannot even look into the unexposed schemas. */
export async function schemaProblems(runner: MatrixRunner): Promise<string[]> {
  const rows = await runner.sql<{ schema: string; grantee: string; usage: boolean; create: boolean }>(
    `select n.nspname as schema, r.rolname as grantee,
            has_schema_privilege(r.oid, n.oid, 'usage') as usage, has_schema_privilege(r.oid, n.oid, 'create') as create
       from pg_namespace n cross join pg_roles r
      where n.nspname = any($1::text[]) and r.rolname in ('anon', 'authenticated', 'service_role')`,
    [arrayLiteral(matrixSchemas)],
  )
  return rows.flatMap((r) => [
    ...(r.create ? [`schema ${r.schema}: ${r.grantee} may create objects in it`] : []),
    ...(r.usage && unexposed.includes(r.schema) && r.grantee === 'anon' ? [`schema ${r.schema}: anon has usage`] : []),
  ])
}

// ---------------------------------------------------------------------------------------------
// The world: demo organizations (the seed's, or one per template made here) and the actors.

/** An actor of the matrix, with a readable label for test names. */
export interface MatrixActor {
  label: string
  kind: 'anon' | 'outsider' | 'deactivated' | 'role' | 'primary' | 'service_role'
  actor: Actor
  userId?: string
  orgId?: string
}

/** Ids the generated RPC calls point at: all inside the demo organization. */
export interface DemoIds {
  org: string
  member: string
  memberUser: string
  role: string
  policy: string
  invitation: string
  primaryUser: string
}

export interface World {
  orgs: { id: string; name: string; template: string }[]
  actors: MatrixActor[]
  demo: DemoIds
}

async function createUser(runner: MatrixRunner, label: string): Promise<{ id: string; email: string }> {
  const id = randomUUID()
  const email = `${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${id.slice(0, 8)}@matrix.test`
  await runner.sql(
    `insert into auth.users (id, aud, role, email, raw_user_meta_data, raw_app_meta_data, email_confirmed_at, created_at, updated_at)
     values ($1::uuid, 'authenticated', 'authenticated', $2, jsonb_build_object('full_name', $3::text), '{"provider":"email"}', now(), now(), now())`,
    [id, email, label],
  )
  return { id, email }
}

/**
 * Makes sure every template has a demo organization (the seed's when it has one, else created here
 * through rolecall.create_organization), every role an active member, and the side tables (overrides,
 * resource grants, invitations) a row per organization; adds an outsider and a deactivated member.
 * Then lists the actors. Fixture writes run as the superuser: they set the stage, they are not under test.
 */
export async function buildWorld(runner: MatrixRunner): Promise<World> {
  const missing = await runner.sql<{ key: string }>(
    `select t.key from rolecall.templates t
      where not exists (select 1 from rolecall.organizations o where o.template = t.key) order by t.position, t.key`)
  for (const { key } of missing) {
    const creator = await createUser(runner, `${key} creator`)
    await runner.request(user(creator.id, { email: creator.email }),
      `select rolecall.create_organization(p_name => $1, p_template => $2)`, [`Matrix ${key}`, key], { commit: true })
  }

  // One active member in every role that has room for one.
  const emptyRoles = await runner.sql<{ id: string; organization_id: string; name: string }>(
    `select r.id, r.organization_id, r.name from rolecall.roles r
      where not exists (select 1 from rolecall.members m where m.role_id = r.id and m.status = 'active')
        and (r.max_members is null or (select count(*) from rolecall.members m where m.role_id = r.id) < r.max_members)
      order by r.organization_id, r.rank desc`)
  for (const role of emptyRoles) {
    const u = await createUser(runner, role.name)
    await runner.sql('insert into rolecall.members (organization_id, user_id, role_id) values ($1::uuid, $2::uuid, $3::uuid)',
      [role.organization_id, u.id, role.id])
  }

  // Rows in the side tables of every organization, so each read rule has something to hide.
  const orgs = await runner.sql<{ id: string; name: string; template: string }>(
    'select id::text, name, template from rolecall.organizations order by template, name, id')
  for (const org of orgs) {
    const [target] = await runner.sql<{ id: string; role_id: string }>(
      `select m.id::text, m.role_id::text from rolecall.members m join rolecall.roles r on r.id = m.role_id
        where m.organization_id = $1::uuid and not m.is_primary and not r.all_permissions order by r.rank, m.created_at limit 1`, [org.id])
    const [anyRole] = await runner.sql<{ id: string }>(
      `select id::text from rolecall.roles where organization_id = $1::uuid and not all_permissions order by rank limit 1`, [org.id])
    if (target) {
      await runner.sql(
        `insert into rolecall.member_overrides (member_id, organization_id, permission_key, effect)
         select $1::uuid, $2::uuid, 'bills.view', 'grant'
          where not exists (select 1 from rolecall.member_overrides where organization_id = $2::uuid)`, [target.id, org.id])
      await runner.sql(
        `insert into rolecall.resource_grants (member_id, organization_id, resource_type, resource_id)
         select $1::uuid, $2::uuid, 'project', 'matrix-project'
          where not exists (select 1 from rolecall.resource_grants where organization_id = $2::uuid)`, [target.id, org.id])
    }
    if (anyRole) {
      await runner.sql(
        `insert into rolecall.invitations (organization_id, email, role_id, token_hash, expires_at)
         select $1::uuid, 'invitee-' || left($1::text, 8) || '@matrix.test', $2::uuid, sha256(convert_to($1::text || 'matrix', 'utf8')), now() + interval '72 hours'
          where not exists (select 1 from rolecall.invitations where organization_id = $1::uuid and status = 'pending')`, [org.id, anyRole.id])
    }
  }

  // The demo organization: JustPaid's when there is one (roles with checkboxes), else the first.
  const demoOrg = orgs.find((o) => o.template === 'justpaid') ?? orgs[0]!
  const outsider = await createUser(runner, 'Outsider')
  const deactivated = await createUser(runner, 'Deactivated')
  const [lowest] = await runner.sql<{ id: string }>(
    `select id::text from rolecall.roles where organization_id = $1::uuid and not all_permissions
        and (max_members is null or (select count(*) from rolecall.members m where m.role_id = roles.id) < max_members)
      order by rank limit 1`, [demoOrg.id])
  if (!lowest) throw new Error(`demo organization ${demoOrg.name} has no role for a deactivated member`)
  await runner.sql(
    `insert into rolecall.members (organization_id, user_id, role_id, status, deactivated_at) values ($1::uuid, $2::uuid, $3::uuid, 'deactivated', now())`,
    [demoOrg.id, deactivated.id, lowest.id])

  const members = await runner.sql<{
    organization_id: string; org_name: string; role_name: string; user_id: string; email: string; is_primary: boolean; all_permissions: boolean; ip: string | null
  }>(
    `select distinct on (m.organization_id, m.role_id, m.is_primary)
            m.organization_id::text, o.name as org_name, r.name as role_name, m.user_id::text, m.email, m.is_primary, r.all_permissions,
            host((m.ip_ranges[1]).low) as ip
       from rolecall.members m join rolecall.roles r on r.id = m.role_id join rolecall.organizations o on o.id = m.organization_id
      where m.status = 'active'
      order by m.organization_id, m.role_id, m.is_primary, m.created_at`)
  const sorted = [...members].sort((a, b) => `${a.org_name}/${a.role_name}`.localeCompare(`${b.org_name}/${b.role_name}`))
  const actors: MatrixActor[] = [
    { label: 'anon', kind: 'anon', actor: anon },
    { label: 'outsider', kind: 'outsider', actor: user(outsider.id, { email: outsider.email }), userId: outsider.id },
    { label: `deactivated member of ${demoOrg.name}`, kind: 'deactivated', actor: user(deactivated.id, { email: deactivated.email }), userId: deactivated.id, orgId: demoOrg.id },
    ...sorted.map((m): MatrixActor => ({
      label: `${m.org_name} / ${m.role_name}${m.is_primary ? ' (primary)' : ''}`,
      kind: m.is_primary ? 'primary' : 'role',
      actor: user(m.user_id, { email: m.email, ...(m.ip ? { ip: m.ip } : {}) }),
      userId: m.user_id,
      orgId: m.organization_id,
    })),
    { label: 'service_role', kind: 'service_role', actor: serviceRole },
  ]

  const [ids] = await runner.sql<DemoIds>(
    `select $1::text as org,
            (select m.id::text from rolecall.members m join rolecall.roles r on r.id = m.role_id
              where m.organization_id = $1::uuid and not m.is_primary and m.status = 'active' order by r.rank, m.created_at limit 1) as member,
            (select m.user_id::text from rolecall.members m join rolecall.roles r on r.id = m.role_id
              where m.organization_id = $1::uuid and not m.is_primary and m.status = 'active' order by r.rank, m.created_at limit 1) as "memberUser",
            (select id::text from rolecall.roles where organization_id = $1::uuid and not all_permissions order by rank limit 1) as role,
            (select id::text from rolecall.policies where organization_id = $1::uuid order by name limit 1) as policy,
            (select id::text from rolecall.invitations where organization_id = $1::uuid order by created_at limit 1) as invitation,
            (select user_id::text from rolecall.members where organization_id = $1::uuid and is_primary) as "primaryUser"`,
    [demoOrg.id])
  return { orgs, actors, demo: ids! }
}

// ---------------------------------------------------------------------------------------------
// Behaviour

const entitlementCache = new WeakMap<MatrixActor, Promise<string[]>>()

/** What an actor is entitled to (the ctx parameters), computed once per actor as the superuser. */
function entitlements(runner: MatrixRunner, a: MatrixActor): Promise<string[]> {
  let cached = entitlementCache.get(a)
  if (!cached) {
    cached = computeEntitlements(runner, a)
    entitlementCache.set(a, cached)
  }
  return cached
}

async function computeEntitlements(runner: MatrixRunner, a: MatrixActor): Promise<string[]> {
  const ip = a.actor.kind === 'user' ? (a.actor.ip ?? '127.0.0.1') : '127.0.0.1'
  const [row] = await runner.sql<{ me: string; v: string; m: string; email: string; p: string; g: string }>(
    `with mine as (
       select m.*, m.status = 'active' and (cardinality(m.ip_ranges) = 0 or exists (select 1 from unnest(m.ip_ranges) r where $2::inet between r.low and r.high)) as live
         from rolecall.members m where m.user_id = $1::uuid)
     select $1 as me,
            coalesce((select array_agg(organization_id) from mine where live), '{}')::text as v,
            coalesce((select array_agg(id) from mine), '{}')::text as m,
            coalesce((select email from auth.users where id = $1::uuid), '') as email,
            coalesce((select jsonb_object_agg(k.key, k.orgs) from (
               select p.key, jsonb_agg(mine.organization_id) as orgs from mine cross join rolecall.permissions p
                where mine.live and rolecall_private.role_member_holds(mine.id, mine.role_id, p.key) group by p.key) k), '{}')::text as p,
            coalesce((select jsonb_object_agg(k.resource_type, k.ids) from (
               select g.resource_type, jsonb_agg(g.organization_id || ':' || g.resource_id) as ids
                 from mine join rolecall.resource_grants g on g.member_id = mine.id where mine.live group by 1) k), '{}')::text as g`,
    [a.userId ?? '00000000-0000-0000-0000-000000000000', ip],
  )
  return [row!.me, row!.v, row!.m, row!.email, row!.p, row!.g]
}

/**
 * The context row a row rule reads: ctx.me (user id), ctx.v (organizations where the actor is an
 * active member inside its allowlist), ctx.m (its member ids, any status), ctx.email, ctx.p (permission
 * key -> organizations where it holds it now) and ctx.g (resource type -> 'org:id' of its live grants).
 * Computed by the superuser from membership data; see holds() and granted() in matrix-expected.ts.
 */
const contextCte = `with ctx as (select $1::uuid as me, $2::uuid[] as v, $3::uuid[] as m, $4::text as email,
  $5::jsonb as p, $6::jsonb as g)`

/** Outcome of reading one relation as one actor. */
export interface SelectResult {
  error?: string
  /** Rows the actor saw. */
  seen?: number
  /** Of those, rows the rule allows. */
  allowedSeen?: number
  /** Rows the rule allows, counted by the superuser. */
  allowed?: number
  /** All rows of the relation. */
  total?: number
}

/** Reads `object` as the actor and counts what it saw against the rule. */
export async function selectAs(runner: MatrixRunner, a: MatrixActor, object: DbObject, rule: RowRule, options: { truthOnly?: boolean } = {}): Promise<SelectResult> {
  const params = await entitlements(runner, a)
  const where = rule.sql
  const [truth] = await runner.sql<{ allowed: string; total: string }>(
    `${contextCte} select count(*) filter (where ${where}) as allowed, count(*) as total from ${object.id} t, ctx`, params)
  if (options.truthOnly) return { allowed: Number(truth!.allowed), total: Number(truth!.total) }
  try {
    const [seen] = await runner.request<{ seen: string; allowed_seen: string }>(a.actor,
      `${contextCte} select count(*) as seen, count(*) filter (where ${where}) as allowed_seen from ${object.id} t, ctx`, params)
    return { seen: Number(seen!.seen), allowedSeen: Number(seen!.allowed_seen), allowed: Number(truth!.allowed), total: Number(truth!.total) }
  } catch (error) {
    return { error: (error as { code?: string }).code ?? String(error), allowed: Number(truth!.allowed), total: Number(truth!.total) }
  }
}

/** Error code of a statement run as the actor (rolled back), or 'ok' with the rows it touched. */
export async function attempt(runner: MatrixRunner, actor: Actor, text: string, params: unknown[] = []): Promise<{ code: string; rows: unknown[] }> {
  try {
    const rows = await runner.request(actor, text, params)
    return { code: 'ok', rows }
  } catch (error) {
    return { code: (error as { code?: string }).code ?? `(no code) ${String(error)}`, rows: [] }
  }
}

/** The direct writes an API client could try on a relation: insert, update, delete, truncate. */
export function writeStatements(object: DbObject): Record<'insert' | 'update' | 'delete' | 'truncate', string> {
  const col = `"${object.firstColumn}"`
  return {
    insert: `insert into ${object.id} default values`,
    update: `update ${object.id} set ${col} = ${col}`,
    delete: `delete from ${object.id}`,
    truncate: `truncate ${object.id}`,
  }
}

/** A typed, harmless argument value pointing at the demo organization, by argument name and type. */
export function dummyArgument(arg: FunctionArg, demo: DemoIds): { sql: (param: string) => string; value: string | null } {
  const value = (v: string | null) => ({ sql: (param: string) => `${param}::${arg.type}`, value: v })
  if (arg.enum) return value(arg.enum)
  switch (arg.type) {
    case 'uuid': {
      const byName: Record<string, string> = {
        p_org: demo.org, p_organization: demo.org, p_member: demo.member, p_role: demo.role, p_policy: demo.policy,
        p_invitation: demo.invitation, p_user: demo.memberUser, p_actor: demo.primaryUser,
      }
      return value(byName[arg.name] ?? demo.org)
    }
    case 'text':
      if (/key|permission/.test(arg.name)) return value('bills.view')
      if (/email/.test(arg.name)) return value('matrix-dummy@matrix.test')
      if (/type/.test(arg.name)) return value('project')
      if (/template/.test(arg.name)) return value('blank')
      if (/language/.test(arg.name)) return value('en')
      return value('Matrix dummy')
    // NOTE: PGlite serialises a bytea parameter from bytes only, so the value travels as hex text.
    case 'bytea': return { sql: (param) => `decode(${param}::text, 'hex')`, value: 'ab'.repeat(32) }
    case 'inet': return value('127.0.0.1')
    case 'cidr': return value('127.0.0.1/32')
    case 'boolean': return value('false')
    case 'integer': case 'bigint': case 'smallint': case 'numeric': return value('1')
    case 'interval': return value('72 hours')
    case 'jsonb': case 'json': return value('{}')
    case 'uuid[]': return value(`{${demo.member}}`)
    default:
      if (arg.type.endsWith('[]')) return value('{}')
      return value(null)
  }
}

/** `select * from schema.fn(a => $1::uuid, ...)` with dummy arguments for the required inputs. */
export function dummyCall(fn: DbObject, demo: DemoIds): { text: string; params: (string | null)[] } {
  const args = fn.requiredArgs ?? []
  const params = args.map((a) => dummyArgument(a, demo))
  const list = args.map((a, i) => (a.name ? `${a.name} => ` : '') + params[i]!.sql(`$${i + 1}`)).join(', ')
  return { text: `select * from ${fn.schema}.${fn.name}(${list})`, params: params.map((p) => p.value) }
}

/** Whether rows returned by a read mean "nothing for you": no rows, or one row of nulls / false / empty values. */
export function isNothing(rows: unknown[]): boolean {
  if (rows.length === 0) return true
  if (rows.length > 1) return false
  return Object.values(rows[0] as Record<string, unknown>).every((v) =>
    v === null || v === false || (Array.isArray(v) && v.length === 0) || v === '{}' || v === '' ||
    (typeof v === 'object' && v !== null && Object.keys(v).length === 0))
}

/** Calls the function as the actor (rolled back) and reduces the result to an Outcome. */
export async function callAs(runner: MatrixRunner, actor: Actor, fn: DbObject, demo: DemoIds): Promise<Outcome> {
  if (fn.trigger) {
    // NOTE: resolving the name already needs usage on the schema (anon: 42501 for rolecall_private).
    const result = await attempt(runner, actor, `select has_function_privilege($1::regprocedure, 'execute') as ok`, [fn.id])
    if (result.code !== 'ok') return result.code
    return (result.rows[0] as { ok: boolean }).ok ? 'ok' : '42501'
  }
  const call = dummyCall(fn, demo)
  const result = await attempt(runner, actor, call.text, call.params)
  if (result.code !== 'ok') return result.code as Outcome
  return isNothing(result.rows) ? 'nothing' : 'ok'
}

export { type ExpectedObject, type Outcome, type RowRule, expectedObjects, exampleWrites }
