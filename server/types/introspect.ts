import type { SqlRunner } from '../db/apply.ts'

/** A column of a table or view, as the type generator needs it. */
export interface CatalogColumn {
  name: string
  /** `pg_type.typname` (arrays as `_elem`, domains as their base type). */
  type: string
  nullable: boolean
  /** Has a default (or is generated): optional on insert. */
  hasDefault: boolean
  /** `pg_attribute.attidentity`: `a` (always), `d` (by default) or empty. */
  identity: string
  /** Whether an insert or update through the view may set it. */
  updatable: boolean
}

/** A foreign key from one relation of the schema to another of the same schema. */
export interface CatalogRelationship {
  name: string
  columns: string[]
  oneToOne: boolean
  referencedRelation: string
  referencedColumns: string[]
}

/** A table or view of the schema. */
export interface CatalogRelation {
  name: string
  kind: 'table' | 'view'
  /** Views only: whether PostgREST may insert and update through it. */
  updatable: boolean
  columns: CatalogColumn[]
  relationships: CatalogRelationship[]
}

/** One argument of a function, in declaration order. */
export interface CatalogArg {
  name: string
  /** `i` in, `o` out, `b` inout, `v` variadic, `t` a column of `returns table`. */
  mode: string
  type: string
  hasDefault: boolean
}

/** A function of the schema. */
export interface CatalogFunction {
  name: string
  /** `pg_get_function_identity_arguments`: orders overloads. */
  argumentTypes: string
  /** `format_type` of the result: orders overloads. */
  returnType: string
  /** `pg_type.typname` of the result. */
  returnTypeName: string
  /** The table, view or composite type whose row the function returns, if any. */
  returnRelation: string | null
  returnsSet: boolean
  /** The planner's row estimate (`prorows`). */
  rows: number
  args: CatalogArg[]
}

/** What `supabase gen types` reads about one schema. */
export interface Catalog {
  schema: string
  relations: CatalogRelation[]
  functions: CatalogFunction[]
  enums: { name: string; values: string[] }[]
  /** Stand-alone composite types (`create type … as (…)`), attributes in declaration order. */
  compositeTypes: { name: string; attributes: { name: string; type: string }[] }[]
}

// NOTE: one statement that renders JSON in SQL, so PGlite and node-postgres return the same text.
const query = `
with ns as (select $1::regnamespace as oid),
rels as (select c.oid, c.relname, c.relkind from pg_class c, ns where c.relnamespace = ns.oid and c.relkind in ('r', 'p', 'f', 'v', 'm'))
select json_build_object(
  'relations', (select coalesce(json_agg(json_build_object(
    'name', r.relname,
    'kind', case when r.relkind in ('r', 'p', 'f') then 'table' else 'view' end,
    'updatable', r.relkind = 'v' and (pg_relation_is_updatable(r.oid, false) & 20) = 20,
    'columns', (select coalesce(json_agg(json_build_object(
        'name', a.attname,
        'type', coalesce(bt.typname, t.typname),
        'nullable', not a.attnotnull,
        'hasDefault', a.atthasdef,
        'identity', a.attidentity::text,
        'updatable', pg_column_is_updatable(r.oid, a.attnum, false)
      ) order by a.attname), '[]')
      from pg_attribute a join pg_type t on t.oid = a.atttypid left join pg_type bt on t.typtype = 'd' and bt.oid = t.typbasetype
      where a.attrelid = r.oid and a.attnum > 0 and not a.attisdropped),
    'relationships', (select coalesce(json_agg(json_build_object(
        'name', k.conname,
        'columns', (select json_agg(a.attname order by u.i) from unnest(k.conkey) with ordinality u(n, i)
                    join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.n),
        'oneToOne', exists (select 1 from pg_index x where x.indrelid = k.conrelid and x.indisunique
                    and x.indkey::int2[] @> k.conkey and x.indkey::int2[] <@ k.conkey),
        'referencedRelation', fc.relname,
        'referencedColumns', (select json_agg(a.attname order by u.i) from unnest(k.confkey) with ordinality u(n, i)
                    join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.n)
      ) order by k.conname, fc.relname), '[]')
      from pg_constraint k join pg_class fc on fc.oid = k.confrelid, ns
      where k.conrelid = r.oid and k.contype = 'f' and fc.relnamespace = ns.oid)
  ) order by r.relname), '[]') from rels r),
  'functions', (select coalesce(json_agg(json_build_object(
    'name', p.proname,
    'argumentTypes', pg_get_function_identity_arguments(p.oid),
    'returnType', format_type(p.prorettype, null),
    'returnTypeName', rt.typname,
    'returnRelation', (select c.relname from pg_class c where c.oid = rt.typrelid and c.relkind in ('r', 'p', 'f', 'v', 'm', 'c')),
    'returnsSet', p.proretset,
    'rows', p.prorows,
    'args', (select coalesce(json_agg(json_build_object(
        'name', coalesce(p.proargnames[a.i], ''),
        'mode', coalesce(p.proargmodes[a.i]::text, 'i'),
        'type', (select coalesce(bt.typname, t.typname) from pg_type t left join pg_type bt on t.typtype = 'd' and bt.oid = t.typbasetype where t.oid = a.t),
        'hasDefault', coalesce(p.proargmodes[a.i]::text, 'i') in ('i', 'b', 'v')
          and (select count(*) from unnest(coalesce(p.proargmodes::text[], array_fill('i'::text, array[p.pronargs::int]))) with ordinality m(m, j)
               where m.j > a.i and m.m in ('i', 'b', 'v')) < p.pronargdefaults
      ) order by a.i), '[]')
      from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) with ordinality a(t, i))
  ) order by p.proname, pg_get_function_identity_arguments(p.oid)), '[]')
    from pg_proc p join pg_type rt on rt.oid = p.prorettype, ns
    where p.pronamespace = ns.oid and p.prokind = 'f' and rt.typname not in ('trigger', 'event_trigger')),
  'enums', (select coalesce(json_agg(json_build_object(
    'name', t.typname,
    'values', (select json_agg(e.enumlabel order by e.enumsortorder) from pg_enum e where e.enumtypid = t.oid)
  ) order by t.typname), '[]') from pg_type t, ns where t.typnamespace = ns.oid and t.typtype = 'e'),
  'compositeTypes', (select coalesce(json_agg(json_build_object(
    'name', t.typname,
    'attributes', (select coalesce(json_agg(json_build_object('name', a.attname, 'type', at.typname) order by a.attnum), '[]')
                   from pg_attribute a join pg_type at on at.oid = a.atttypid where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped)
  ) order by t.typname), '[]') from pg_type t join pg_class c on c.oid = t.typrelid and c.relkind = 'c', ns where t.typnamespace = ns.oid)
)::text as catalog`

/** Reads one schema's tables, views, foreign keys, functions, enums and composite types from pg_catalog. */
export async function readCatalog(db: SqlRunner, schema: string): Promise<Catalog> {
  const { rows } = await db.query<{ catalog: string }>(query, [schema])
  return { schema, ...(JSON.parse(rows[0]!.catalog) as Omit<Catalog, 'schema'>) }
}
