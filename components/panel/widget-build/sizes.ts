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
 * The widget's sizes: the element alone, the members screen and supabase-js (both loaded at first view),
 * the other screens (lazy), and the first view's total with and without supabase-js (a host that passes its
 * own `client` never loads it). When supabase-js sits inside the element, `supabaseAlone` (its size built on
 * its own) gives an estimate of the element without it.
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
  const supabase = group('supabase-js (lazy)', holding(supabasePath))
  const others = group('other screens (lazy)', chunks.map((chunk) => chunk.fileName))
  const sum = (label: string, rows: SizeRow[]): SizeRow => ({
    label,
    files: rows.flatMap((row) => row.files),
    raw: rows.reduce((total, row) => total + row.raw, 0),
    gzip: rows.reduce((total, row) => total + row.gzip, 0),
  })
  const estimate = inline && supabaseAlone
    ? [{ label: 'element without supabase-js (est.)', files: [], raw: element.raw - supabaseAlone.raw, gzip: element.gzip - supabaseAlone.gzip }]
    : []
  return [
    ...[element, members, supabase, others].filter((row) => row.files.length > 0),
    ...estimate,
    ...(inline ? [] : [sum('first view, host passes its client', [element, members])]),
    sum('first view with supabase-js', [element, members, supabase]),
  ]
}

/** The report as a table, sizes in KB. */
export function formatSizeReport(rows: SizeRow[]): string {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`.padStart(10)
  return [
    `${'widget'.padEnd(36)}${'raw'.padStart(10)}${'gzip'.padStart(10)}`,
    ...rows.map((row) => `${row.label.padEnd(36)}${kb(row.raw)}${kb(row.gzip)}`),
  ].join('\n')
}
