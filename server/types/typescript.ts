import type { Catalog, CatalogColumn, CatalogFunction, CatalogRelation, CatalogRelationship } from './introspect.ts'

// The shape `supabase gen types typescript --schema <schema>` writes (postgres-meta's TypeScript template):
// columns and arguments sorted by name, `Relationships` per relation, `SetofOptions` for functions that return
// rows of a relation, the `Tables` / `Enums` helpers and `Constants`. Relationships of views (which the CLI
// derives from view definitions) are left empty.

const strings = new Set(['bytea', 'bpchar', 'varchar', 'date', 'text', 'citext', 'time', 'timetz', 'timestamp', 'timestamptz', 'uuid', 'vector', 'interval'])
const numbers = new Set(['int2', 'int4', 'int8', 'float4', 'float8', 'numeric'])
const inputModes = new Set(['i', 'b', 'v'])

/** A property name as prettier prints it: bare when it is an identifier. */
function key(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name)
}

/** Indents every line of a block by `depth` levels of two spaces. */
function indent(text: string, depth: number): string {
  const pad = '  '.repeat(depth)
  return text.split('\n').map((line) => (line ? pad + line : line)).join('\n')
}

/** `{ a: x; b: y }` on several lines, or `{}`. */
function object(entries: string[]): string {
  return entries.length === 0 ? '{}' : `{\n${indent(entries.join('\n'), 1)}\n}`
}

/** Entries of a map type, or the `[_ in never]: never` placeholder the CLI writes for an empty one. */
function section(entries: string[]): string {
  return object(entries.length === 0 ? ['[_ in never]: never'] : entries)
}

/** `T[]`, with parentheses only where prettier keeps them (unions). */
function array(element: string): string {
  return /[ |&]/.test(element) ? `(${element})[]` : `${element}[]`
}

/** A string tuple as prettier prints it: `["a", "b"]`. */
function tuple(items: string[]): string {
  return `[${items.map((i) => JSON.stringify(i)).join(', ')}]`
}

function nullable(type: string, isNullable: boolean): string {
  return isNullable && type !== 'unknown' ? `${type} | null` : type
}

/** Renders one schema's catalog as the `Database` type and its helpers. */
export function renderTypes(catalog: Catalog, postgrestVersion = '12'): string {
  const ref = (group: string, name: string, tail = '') => `Database[${JSON.stringify(catalog.schema)}][${JSON.stringify(group)}][${JSON.stringify(name)}]${tail}`
  const relations = new Map(catalog.relations.map((r) => [r.name, r]))
  const enums = new Map(catalog.enums.map((e) => [e.name, e]))
  const composites = new Set(catalog.compositeTypes.map((c) => c.name))

  const tsType = (pgType: string): string => {
    if (pgType === 'bool') return 'boolean'
    if (numbers.has(pgType)) return 'number'
    if (strings.has(pgType)) return 'string'
    if (pgType === 'json' || pgType === 'jsonb') return 'Json'
    if (pgType === 'void') return 'undefined'
    if (pgType === 'record') return 'Record<string, unknown>'
    if (pgType.startsWith('_')) return array(tsType(pgType.slice(1)))
    if (enums.has(pgType)) return ref('Enums', pgType)
    if (composites.has(pgType)) return ref('CompositeTypes', pgType)
    const relation = relations.get(pgType)
    if (relation) return ref(relation.kind === 'table' ? 'Tables' : 'Views', pgType, '["Row"]')
    return 'unknown'
  }

  const column = (c: CatalogColumn, options: { optional: boolean; nullable?: boolean }) =>
    `${key(c.name)}${options.optional ? '?' : ''}: ${nullable(tsType(c.type), options.nullable ?? c.nullable)}`

  const relationship = (r: CatalogRelationship) =>
    `${object([
      `foreignKeyName: ${JSON.stringify(r.name)}`,
      `columns: ${tuple(r.columns)}`,
      `isOneToOne: ${r.oneToOne}`,
      `referencedRelation: ${JSON.stringify(r.referencedRelation)}`,
      `referencedColumns: ${tuple(r.referencedColumns)}`,
    ])},`
  const relationships = (r: CatalogRelation) =>
    r.relationships.length === 0 ? 'Relationships: []' : `Relationships: [\n${indent(r.relationships.map(relationship).join('\n'), 1)}\n]`

  const table = (r: CatalogRelation) => {
    const writable = (optional: (c: CatalogColumn) => boolean) =>
      object(r.columns.map((c) => (c.identity === 'a' ? `${key(c.name)}?: never` : column(c, { optional: optional(c) }))))
    return `${key(r.name)}: ${object([
      `Row: ${object(r.columns.map((c) => column(c, { optional: false })))}`,
      `Insert: ${writable((c) => c.nullable || c.identity !== '' || c.hasDefault)}`,
      `Update: ${writable(() => true)}`,
      relationships(r),
    ])}`
  }

  const view = (r: CatalogRelation) => {
    const writable = () =>
      object(r.columns.map((c) => (c.updatable ? column(c, { optional: true, nullable: true }) : `${key(c.name)}?: never`)))
    return `${key(r.name)}: ${object([
      `Row: ${object(r.columns.map((c) => column(c, { optional: false })))}`,
      ...(r.updatable ? [`Insert: ${writable()}`, `Update: ${writable()}`] : []),
      relationships(r),
    ])}`
  }

  const byName = <T extends { name: string }>(items: T[]) => [...items].sort((a, b) => a.name.localeCompare(b.name))

  const signature = (fn: CatalogFunction) => {
    const inputs = byName(fn.args.filter((a) => inputModes.has(a.mode)))
    const args = inputs.length === 0 ? 'never' : `{ ${inputs.map((a) => `${key(a.name)}${a.hasDefault ? '?' : ''}: ${tsType(a.type)}`).join('; ')} }`
    const tableColumns = byName(fn.args.filter((a) => a.mode === 't'))
    const relation = fn.returnRelation ? relations.get(fn.returnRelation) : undefined
    const returns =
      tableColumns.length > 0
        ? object(tableColumns.map((a) => `${key(a.name)}: ${tsType(a.type)}`))
        : relation
          ? object(relation.columns.map((c) => column(c, { optional: false })))
          : tsType(fn.returnTypeName)
    // NOTE: postgrest-js reads SetofOptions to type `.select()` after an rpc returning rows of a relation.
    const oneRow = !(fn.rows > 1)
    const collapsed = oneRow && fn.returnRelation !== null
    const setof = fn.returnRelation
      ? [`SetofOptions: ${object([`from: "*"`, `to: ${JSON.stringify(fn.returnRelation)}`, `isOneToOne: ${oneRow}`, `isSetofReturn: ${fn.returnsSet}`])}`]
      : []
    return object([`Args: ${args}`, `Returns: ${returns}${fn.returnsSet && !collapsed ? '[]' : ''}`, ...setof])
  }

  const functions = () => {
    const groups = new Map<string, CatalogFunction[]>()
    for (const fn of byName(catalog.functions)) {
      // NOTE: PostgREST cannot call a function with unnamed arguments by name; the CLI leaves those out.
      if (fn.args.some((a) => inputModes.has(a.mode) && a.name === '')) continue
      groups.set(fn.name, [...(groups.get(fn.name) ?? []), fn])
    }
    return [...groups].map(([name, fns]) => {
      const sorted = fns.sort((a, b) => a.argumentTypes.localeCompare(b.argumentTypes) || a.returnType.localeCompare(b.returnType))
      return sorted.length === 1 ? `${key(name)}: ${signature(sorted[0]!)}` : `${key(name)}:\n${indent(sorted.map((f) => `| ${signature(f)}`).join('\n'), 1)}`
    })
  }

  const schema = object([
    `Tables: ${section(catalog.relations.filter((r) => r.kind === 'table').map(table))}`,
    `Views: ${section(catalog.relations.filter((r) => r.kind === 'view').map(view))}`,
    `Functions: ${section(functions())}`,
    `Enums: ${section(catalog.enums.map((e) => `${key(e.name)}: ${e.values.map((v) => JSON.stringify(v)).join(' | ')}`))}`,
    `CompositeTypes: ${section(catalog.compositeTypes.map((c) => `${key(c.name)}: ${object(c.attributes.map((a) => `${key(a.name)}: ${nullable(tsType(a.type), true)}`))}`))}`,
  ])
  const constants = object([
    `${key(catalog.schema)}: ${object([`Enums: ${object(catalog.enums.map((e) => `${key(e.name)}: [${e.values.map((v) => JSON.stringify(v)).join(', ')}],`))}`])},`,
  ])

  return `${header}
export type Database = {
  // Allows to automatically instantiate createClient with right options
  // instead of createClient<Database, { PostgrestVersion: 'XX' }>(URL, KEY)
  __InternalSupabase: {
    PostgrestVersion: ${JSON.stringify(postgrestVersion)}
  }
${indent(`${key(catalog.schema)}: ${schema}`, 1)}
}
${helpers}
export const Constants = ${constants} as const
`
}

const header = `export type Json =
  | string
  | number
  | boolean
  | null
  | { [key: string]: Json | undefined }
  | Json[]
`

const helpers = `
type DatabaseWithoutInternals = Omit<Database, "__InternalSupabase">

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "public">]

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
    : never = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    ? (DefaultSchema["Tables"] & DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends {
        Row: infer R
      }
      ? R
      : never
    : never

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Insert: infer I
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Insert: infer I
      }
      ? I
      : never
    : never

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Update: infer U
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Update: infer U
      }
      ? U
      : never
    : never

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    | keyof DefaultSchema["Enums"]
    | { schema: keyof DatabaseWithoutInternals },
  EnumName extends DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never = never,
> = DefaultSchemaEnumNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
    ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
    : never

export type CompositeTypes<
  PublicCompositeTypeNameOrOptions extends
    | keyof DefaultSchema["CompositeTypes"]
    | { schema: keyof DatabaseWithoutInternals },
  CompositeTypeName extends PublicCompositeTypeNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"]
    : never = never,
> = PublicCompositeTypeNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"][CompositeTypeName]
  : PublicCompositeTypeNameOrOptions extends keyof DefaultSchema["CompositeTypes"]
    ? DefaultSchema["CompositeTypes"][PublicCompositeTypeNameOrOptions]
    : never
`
