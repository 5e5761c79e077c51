import type { SqlRunner } from '../db/apply.ts'

/** A column of a table, view or composite type. */
export interface Column {
  name: string
  /** `format_type()` of the column, e.g. `uuid`, `text[]`. */
  type: string
}

/** A table, view, materialized view or foreign table of an exposed schema. */
export interface Relation {
  schema: string
  name: string
  kind: 'table' | 'view'
  columns: Map<string, Column>
  /** Primary key column names (empty for views and tables without one). */
  primaryKey: string[]
}

/** An input parameter of a function. */
export interface RoutineParam {
  name: string
  type: string
  /** Whether the caller may leave it out (it has a default). */
  optional: boolean
}

/** A function callable through /rest/v1/rpc. */
export interface Routine {
  schema: string
  name: string
  params: RoutineParam[]
  /** Variadic functions and unnamed parameters cannot be called with named arguments. */
  callable: boolean
  returnsSet: boolean
  /** Returns rows (a composite type, a table's row type, `returns table` or OUT parameters). */
  returnsRows: boolean
  returnsVoid: boolean
  /** Columns of the returned rows, when known. */
  columns: Map<string, Column>
  volatility: 'i' | 's' | 'v'
}

/** What PostgREST keeps in its schema cache, for the exposed schemas. */
export interface SchemaCache {
  schemas: string[]
  relations: Map<string, Relation>
  routines: Map<string, Routine[]>
  /** Roles a JWT may switch to: the members of `authenticator`, as on a Supabase project. */
  jwtRoles: Set<string>
  /** Every role name in the cluster (to tell a missing role from a forbidden one). */
  allRoles: Set<string>
  loadedAt: number
}

/** The key of a relation or routine in the cache. */
export function qualified(schema: string, name: string): string {
  return `${schema}.${name}`
}

const introspection = `
with rels as (
  select c.oid, n.nspname, c.relname, c.relkind
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where n.nspname = any($1::text[]) and c.relkind in ('r', 'p', 'v', 'm', 'f')
),
procs as (
  select p.oid, n.nspname, p.proname, p.proretset, p.provolatile, p.pronargs, p.pronargdefaults, p.provariadic,
         p.prorettype, t.typtype, t.typrelid,
         coalesce(p.proargnames, '{}'::text[]) as argnames,
         coalesce(p.proargmodes::text[], array_fill('i'::text, array[p.pronargs::int])) as argmodes,
         array(select format_type(a.t, null) from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) with ordinality a(t, i) order by a.i) as argtypes
  from pg_proc p join pg_namespace n on n.oid = p.pronamespace join pg_type t on t.oid = p.prorettype
  where n.nspname = any($1::text[]) and p.prokind = 'f'
)
select json_build_object(
  'relations', coalesce((select json_agg(json_build_object(
      'schema', r.nspname, 'name', r.relname, 'kind', case when r.relkind in ('r', 'p', 'f') then 'table' else 'view' end,
      'columns', coalesce((select json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod)) order by a.attnum)
                  from pg_attribute a where a.attrelid = r.oid and a.attnum > 0 and not a.attisdropped), '[]'),
      'pk', coalesce((select json_agg(a.attname order by k.i) from pg_index x
                  cross join lateral unnest(x.indkey::int2[]) with ordinality k(attnum, i)
                  join pg_attribute a on a.attrelid = x.indrelid and a.attnum = k.attnum
                  where x.indrelid = r.oid and x.indisprimary), '[]')
    )) from rels r), '[]'),
  'routines', coalesce((select json_agg(json_build_object(
      'schema', p.nspname, 'name', p.proname, 'set', p.proretset, 'volatility', p.provolatile,
      'nargs', p.pronargs, 'ndefaults', p.pronargdefaults, 'variadic', p.provariadic <> 0,
      'rettype', format_type(p.prorettype, null), 'typtype', p.typtype,
      'argnames', p.argnames, 'argmodes', p.argmodes, 'argtypes', p.argtypes,
      'retcolumns', case when p.typrelid <> 0 then coalesce((select json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod)) order by a.attnum)
                  from pg_attribute a where a.attrelid = p.typrelid and a.attnum > 0 and not a.attisdropped), '[]') end
    )) from procs p), '[]'),
  'jwt_roles', coalesce((select json_agg(r.rolname) from pg_auth_members m join pg_roles r on r.oid = m.roleid
      join pg_roles g on g.oid = m.member where g.rolname = 'authenticator'), '[]'),
  'all_roles', (select json_agg(rolname) from pg_roles)
)::text as cache`

interface RawRoutine {
  schema: string
  name: string
  set: boolean
  volatility: 'i' | 's' | 'v'
  nargs: number
  ndefaults: number
  variadic: boolean
  rettype: string
  typtype: string
  argnames: string[]
  argmodes: string[]
  argtypes: string[]
  retcolumns: Column[] | null
}

interface Raw {
  relations: { schema: string; name: string; kind: 'table' | 'view'; columns: Column[]; pk: string[] }[]
  routines: RawRoutine[]
  jwt_roles: string[]
  all_roles: string[]
}

function routineFrom(raw: RawRoutine): Routine {
  const inputs: { name: string; type: string }[] = []
  const outputs: Column[] = []
  raw.argtypes.forEach((type, i) => {
    const mode = raw.argmodes[i] ?? 'i'
    const name = raw.argnames[i] ?? ''
    if (mode === 'i' || mode === 'b' || mode === 'v') inputs.push({ name, type })
    if (mode === 'o' || mode === 'b' || mode === 't') outputs.push({ name, type })
  })
  const required = inputs.length - raw.ndefaults
  const params = inputs.map((p, i) => ({ ...p, optional: i >= required }))
  const returnsRows = raw.typtype === 'c' || (raw.rettype === 'record' && outputs.length > 0)
  return {
    schema: raw.schema,
    name: raw.name,
    params,
    callable: !raw.variadic && params.every((p) => p.name !== ''),
    returnsSet: raw.set,
    returnsRows,
    returnsVoid: raw.rettype === 'void',
    columns: new Map((raw.retcolumns ?? (returnsRows ? outputs : [])).map((c) => [c.name, c])),
    volatility: raw.volatility,
  }
}

/** Reads tables, views, columns, keys, functions and JWT roles of the exposed schemas from pg_catalog. */
export async function loadSchemaCache(db: SqlRunner, schemas: string[]): Promise<SchemaCache> {
  const { rows } = await db.query<{ cache: string }>(introspection, [schemas])
  const raw = JSON.parse(rows[0]!.cache) as Raw
  const relations = new Map<string, Relation>()
  for (const r of raw.relations) {
    relations.set(qualified(r.schema, r.name), {
      schema: r.schema,
      name: r.name,
      kind: r.kind,
      columns: new Map(r.columns.map((c) => [c.name, c])),
      primaryKey: r.pk,
    })
  }
  const routines = new Map<string, Routine[]>()
  for (const r of raw.routines) {
    const key = qualified(r.schema, r.name)
    routines.set(key, [...(routines.get(key) ?? []), routineFrom(r)])
  }
  return {
    schemas,
    relations,
    routines,
    jwtRoles: new Set(raw.jwt_roles),
    allRoles: new Set(raw.all_roles),
    loadedAt: Date.now(),
  }
}
