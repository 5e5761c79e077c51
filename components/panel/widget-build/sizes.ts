import { gzipSync } from 'node:zlib'

/** What the size report needs of one output chunk (a subset of Rollup's / Rolldown's OutputChunk). */
export interface ChunkFacts {
  fileName: string
  code: string
  isEntry: boolean
  imports: string[]
  moduleIds: string[]
}

/** One line of the report: a group of chunks, raw and gzip bytes (each file gzipped on its own, as served). */
export interface SizeRow {
  label: string
  files: string[]
  raw: number
  gzip: number
  /** A first view with supabase-js: what the budget limits. */
  budgeted?: boolean
}

const supabasePath = '/node_modules/@supabase/'

/** The files `roots` load before running: themselves and their static imports, transitively. */
function staticClosure(roots: string[], byName: Map<string, ChunkFacts>): Set<string> {
  const seen = new Set<string>()
  const visit = (name: string) => {
    if (seen.has(name)) return
    seen.add(name)
    byName.get(name)?.imports.forEach(visit)
  }
  roots.forEach(visit)
  return seen
}

/**
 * The widget's sizes: the element alone, the members screen and the sign-in (each the first view's screen,
 * signed in or out), supabase-js, the other screens (lazy), and the first views' totals: with the host's
 * client (supabase-js never loads), signed out on the panel's own client, and the members list on it. When
 * supabase-js sits inside the element, `supabaseAlone` (its size built on its own) gives an estimate of the
 * element without it.
 */
export function sizeReport(chunks: ChunkFacts[], supabaseAlone?: Omit<SizeRow, 'label' | 'files'>): SizeRow[] {
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]))
  const taken = new Set<string>()
  const group = (label: string, roots: string[]): SizeRow => {
    const files = [...staticClosure(roots, byName)].filter((name) => !taken.has(name))
    files.forEach((name) => taken.add(name))
    const codes = files.map((name) => byName.get(name)?.code ?? '')
    return {
      label,
      files,
      raw: codes.reduce((sum, code) => sum + Buffer.byteLength(code), 0),
      gzip: codes.reduce((sum, code) => sum + gzipSync(code, { level: 9 }).length, 0),
    }
  }
  const holding = (part: string) => chunks.filter((chunk) => chunk.moduleIds.some((id) => id.includes(part))).map((chunk) => chunk.fileName)
  const element = group('element', chunks.filter((chunk) => chunk.isEntry).map((chunk) => chunk.fileName))
  // NOTE: supabase-js stays out of the element only while no module imports it statically; say which case this is.
  const inline = element.files.some((name) => byName.get(name)?.moduleIds.some((id) => id.includes(supabasePath)))
  element.label = inline ? 'element (supabase-js inside)' : 'element (no supabase-js)'
  const members = group('members screen', holding('/components/members/'))
  const signIn = group('sign-in screen', holding('/components/sign-in/'))
  const supabase = group('supabase-js (lazy)', holding(supabasePath))
  const others = group('other screens (lazy)', chunks.map((chunk) => chunk.fileName))
  const sum = (label: string, rows: SizeRow[], budgeted = false): SizeRow => ({
    label,
    files: rows.flatMap((row) => row.files),
    raw: rows.reduce((total, row) => total + row.raw, 0),
    gzip: rows.reduce((total, row) => total + row.gzip, 0),
    budgeted,
  })
  const estimate = inline && supabaseAlone
    ? [{ label: 'element without supabase-js (est.)', files: [], raw: element.raw - supabaseAlone.raw, gzip: element.gzip - supabaseAlone.gzip }]
    : []
  return [
    ...[element, members, signIn, supabase, others].filter((row) => row.files.length > 0),
    ...estimate,
    ...(inline ? [] : [sum('first view, host passes its client', [element, members])]),
    ...(signIn.files.length > 0 ? [sum('first view signed out (sign-in)', [element, signIn, supabase], true)] : []),
    sum('first view with supabase-js', [element, members, supabase], true),
  ]
}

/** The first chain of static imports that leads back to where it started (`a.js → b.js → a.js`), if any. */
export function importCycle(chunks: Pick<ChunkFacts, 'fileName' | 'imports'>[]): string[] | null {
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]))
  const done = new Set<string>()
  const visit = (name: string, path: string[]): string[] | null => {
    if (path.includes(name)) return [...path.slice(path.indexOf(name)), name]
    if (done.has(name)) return null
    for (const next of byName.get(name)?.imports ?? []) {
      const cycle = visit(next, [...path, name])
      if (cycle) return cycle
    }
    done.add(name)
    return null
  }
  for (const chunk of chunks) {
    const cycle = visit(chunk.fileName, [])
    if (cycle) return cycle
  }
  return null
}

/** The report as a table, sizes in KB. */
export function formatSizeReport(rows: SizeRow[]): string {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`.padStart(10)
  return [
    `${'widget'.padEnd(36)}${'raw'.padStart(10)}${'gzip'.padStart(10)}`,
    ...rows.map((row) => `${row.label.padEnd(36)}${kb(row.raw)}${kb(row.gzip)}`),
  ].join('\n')
}
