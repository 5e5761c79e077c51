import { type Cast, parseCast } from './cast.ts'
import { clip, parseError } from './errors.ts'
import { restLimits } from './limits.ts'

/** A column reference, optionally followed by a JSON path (`data->a->>b`). */
export interface Field {
  column: string
  path: { arrow: '->' | '->>'; key: string }[]
}

/** One item of `select=`. */
export type SelectItem =
  | { kind: 'star' }
  | { kind: 'field'; field: Field; alias: string | null; cast: Cast | null }
  | { kind: 'embed'; name: string; alias: string | null; hint: string | null; inner: boolean; select: SelectItem[] }

/** A filter (`col=op.value`) or a logic tree (`or=(…)`). */
export type Condition =
  | {
      kind: 'filter'
      field: Field
      negate: boolean
      op: string
      modifier: 'any' | 'all' | null
      language: string | null
      /** The raw value; a list for `in` and for `any` / `all` modifiers. */
      value: string | string[]
    }
  | { kind: 'logic'; op: 'and' | 'or'; negate: boolean; children: Condition[] }

/** One item of `order=`. */
export interface OrderItem {
  field: Field
  desc: boolean
  nulls: 'first' | 'last' | null
}

/** Query parameters that are not filters. */
export const reservedParams = new Set(['select', 'order', 'limit', 'offset', 'columns', 'on_conflict', 'and', 'or', 'not.and', 'not.or'])

const operators = new Set([
  'eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'like', 'ilike', 'match', 'imatch', 'is', 'isdistinct', 'in',
  'cs', 'cd', 'ov', 'sl', 'sr', 'nxr', 'nxl', 'adj', 'fts', 'plfts', 'phfts', 'wfts',
])


/** Splits at top-level commas, keeping parentheses and double-quoted parts together. */
export function splitTopLevel(text: string, what: string): string[] {
  const parts: string[] = []
  let depth = 0
  let quoted = false
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '\\' && quoted) {
      i++
      continue
    }
    if (c === '"') quoted = !quoted
    else if (!quoted && c === '(') depth++
    else if (!quoted && c === ')') {
      depth--
      if (depth < 0) throw parseError(what, text, `unexpected ")" at ${i}`)
    } else if (!quoted && depth === 0 && c === ',') {
      parts.push(text.slice(start, i))
      start = i + 1
    }
  }
  if (quoted || depth !== 0) throw parseError(what, text, 'unbalanced quotes or parentheses')
  parts.push(text.slice(start))
  return parts
}

/** Reads a field (`col`, `"my col"`, `data->a->>b`) at the start of `text`; returns it and the rest. */
function readField(text: string, what: string, whole: string): [Field, string] {
  let rest = text
  const name = readName()
  const path: Field['path'] = []
  while (rest.startsWith('->')) {
    const arrow = rest.startsWith('->>') ? '->>' : '->'
    rest = rest.slice(arrow.length)
    // NOTE: a negative array index (`->-1`) is a key of its own: readName stops at "-".
    const index = /^-\d+/.exec(rest)
    if (index) rest = rest.slice(index[0].length)
    path.push({ arrow, key: index ? index[0] : readName() })
    if (path.length > restLimits.jsonPathSteps) throw parseError(what, whole, `a JSON path has at most ${restLimits.jsonPathSteps} steps`)
  }
  return [{ column: name, path }, rest]

  function readName(): string {
    if (rest.startsWith('"')) {
      let out = ''
      let i = 1
      for (; i < rest.length && rest[i] !== '"'; i++) {
        if (rest[i] === '\\') i++
        out += rest[i] ?? ''
      }
      if (rest[i] !== '"') throw parseError(what, whole, 'unterminated quoted identifier')
      rest = rest.slice(i + 1)
      if (out === '') throw parseError(what, whole, 'empty identifier')
      return out
    }
    const match = /^[^.,:()"\s!>-]+(?:-(?!>)[^.,:()"\s!>-]*)*/.exec(rest)
    if (!match) throw parseError(what, whole, `expected an identifier at "${rest.slice(0, 20)}"`)
    rest = rest.slice(match[0].length)
    return match[0]
  }
}

/** Parses `select=` (PostgREST grammar: `alias:col->path::cast`, `*`, `rel(…)` embeds). */
export function parseSelect(text: string, depth = 1): SelectItem[] {
  if (text === '') return [{ kind: 'star' }]
  if (depth > restLimits.nesting) throw parseError('select parameter', text, `embedded resources nest at most ${restLimits.nesting} deep`)
  return splitTopLevel(text, 'select parameter').map((part) => parseSelectItem(part, text, depth))
}

function parseSelectItem(part: string, whole: string, depth: number): SelectItem {
  if (part === '*') return { kind: 'star' }
  if (part === '') throw parseError('select parameter', whole, 'empty item')
  let rest = part
  let alias: string | null = null
  const aliasMatch = /^("(?:[^"\\]|\\.)+"|[^:"(]+):(?!:)/.exec(rest)
  if (aliasMatch) {
    alias = aliasMatch[1]!.startsWith('"') ? aliasMatch[1]!.slice(1, -1) : aliasMatch[1]!
    rest = rest.slice(aliasMatch[0].length)
  }
  // NOTE: no ":" in an embed's name, so `col::numeric(10,2)` is a bad cast, not an embed.
  const embed = /^([^!(.":]+)((?:![^!(]+)*)\((.*)\)$/s.exec(rest)
  if (embed) {
    const hints = embed[2]!.split('!').filter(Boolean)
    const inner = hints.includes('inner')
    const hint = hints.find((h) => h !== 'inner' && h !== 'left') ?? null
    return { kind: 'embed', name: embed[1]!, alias, hint, inner, select: parseSelect(embed[3]!, depth + 1) }
  }
  const [field, after] = readField(rest, 'select parameter', whole)
  let cast: Cast | null = null
  if (after.startsWith('::')) {
    cast = parseCast(after.slice(2))
    if (!cast) throw parseError('select parameter', whole, `"${clip(after.slice(2))}" is not a type name`)
  } else if (after !== '') {
    throw parseError('select parameter', whole, `unexpected "${clip(after)}"`)
  }
  return { kind: 'field', field, alias, cast }
}

/** Unquotes a double-quoted value (`"a,b"` → `a,b`); leaves others alone. */
function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) return value.slice(1, -1).replace(/\\(.)/g, '$1')
  return value
}

/** Parses `(a,"b,c",d)` into its items. */
function parseList(text: string, what: string, whole: string): string[] {
  if (!text.startsWith('(') || !text.endsWith(')')) throw parseError(what, whole, 'expected a list in parentheses')
  const inner = text.slice(1, -1)
  if (inner === '') return []
  return splitTopLevel(inner, what).map(unquote)
}

/** Parses `[not.]op[(modifier)].value` for the field; `inLogic` values may be double-quoted. */
export function parseFilterValue(field: Field, text: string, inLogic: boolean, whole = text): Condition {
  let rest = text
  let negate = false
  if (rest.startsWith('not.')) {
    negate = true
    rest = rest.slice(4)
  }
  const match = /^([a-z]+)(?:\(([a-z_]+)\))?\./.exec(rest)
  if (!match || !operators.has(match[1]!)) throw parseError('filter', whole, `unknown operator in "${text.slice(0, 40)}"`)
  const op = match[1]!
  const modifierOrLanguage = match[2] ?? null
  rest = rest.slice(match[0].length)
  let modifier: 'any' | 'all' | null = null
  let language: string | null = null
  if (modifierOrLanguage) {
    if (op.endsWith('fts')) language = modifierOrLanguage
    else if (modifierOrLanguage === 'any' || modifierOrLanguage === 'all') modifier = modifierOrLanguage
    else throw parseError('filter', whole, `unknown modifier "${clip(modifierOrLanguage)}"`)
  }
  if (modifier && !['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'like', 'ilike', 'match', 'imatch'].includes(op)) {
    throw parseError('filter', whole, `${op} does not take the ${modifier} modifier`)
  }
  let value: string | string[]
  if (op === 'in') value = parseList(rest, 'filter', whole)
  else if (modifier) {
    if (!rest.startsWith('{') || !rest.endsWith('}')) throw parseError('filter', whole, 'expected a list in braces')
    value = rest.slice(1, -1) === '' ? [] : splitTopLevel(rest.slice(1, -1), 'filter').map(unquote)
  } else value = inLogic ? unquote(rest) : rest
  if (op === 'is' && !['null', 'not_null', 'true', 'false', 'unknown'].includes(String(value).toLowerCase())) {
    throw parseError('filter', whole, `"is" takes null, not_null, true, false or unknown, not "${clip(String(value))}"`)
  }
  return { kind: 'filter', field, negate, op, modifier, language, value }
}

/** Parses one query parameter that is a filter (`col=eq.1`) or logic tree (`or=(…)`). */
export function parseCondition(key: string, value: string): Condition {
  if (key === 'or' || key === 'and' || key === 'not.or' || key === 'not.and') {
    const negate = key.startsWith('not.')
    return parseLogic(negate ? key.slice(4) as 'or' | 'and' : key as 'or' | 'and', negate, value, value, 1)
  }
  const [field, after] = readField(key, 'filter', key)
  if (after !== '') throw parseError('filter', key, `unexpected "${clip(after)}" in the column name (embedded filters are not supported)`)
  return parseFilterValue(field, value, false, `${key}=${value}`)
}

function parseLogic(op: 'and' | 'or', negate: boolean, text: string, whole: string, depth: number): Condition {
  if (depth > restLimits.nesting) throw parseError('logic tree', whole, `and / or nest at most ${restLimits.nesting} deep`)
  if (!text.startsWith('(') || !text.endsWith(')')) throw parseError('logic tree', whole, 'expected "(" and ")"')
  const inner = text.slice(1, -1)
  if (inner === '') throw parseError('logic tree', whole, 'empty logic tree')
  const children = splitTopLevel(inner, 'logic tree').map((part): Condition => {
    const logic = /^(not\.)?(and|or)(\(.*\))$/s.exec(part)
    if (logic) return parseLogic(logic[2] as 'and' | 'or', Boolean(logic[1]), logic[3]!, whole, depth + 1)
    const [field, after] = readField(part, 'logic tree', whole)
    if (!after.startsWith('.')) throw parseError('logic tree', whole, `expected "." after the column in "${part.slice(0, 40)}"`)
    return parseFilterValue(field, after.slice(1), true, whole)
  })
  return { kind: 'logic', op, negate, children }
}

/** Parses `order=a.desc.nullslast,b`. */
export function parseOrder(text: string): OrderItem[] {
  return splitTopLevel(text, 'order').map((part) => {
    const [field, after] = readField(part, 'order', text)
    const words = after === '' ? [] : after.slice(1).split('.')
    if (after !== '' && !after.startsWith('.')) throw parseError('order', text, `unexpected "${clip(after)}"`)
    let desc = false
    let nulls: OrderItem['nulls'] = null
    for (const word of words) {
      if (word === 'asc') desc = false
      else if (word === 'desc') desc = true
      else if (word === 'nullsfirst') nulls = 'first'
      else if (word === 'nullslast') nulls = 'last'
      else throw parseError('order', text, `unexpected "${clip(word)}"`)
    }
    return { field, desc, nulls }
  })
}

/** Parses a non-negative integer parameter (limit, offset). */
export function parseCount(name: string, value: string): number {
  if (!/^\d{1,15}$/.test(value)) throw parseError(name, value, 'expected a non-negative integer')
  return Number(value)
}

/** The parsed `Prefer` header(s). */
export interface Preferences {
  return: 'representation' | 'minimal' | 'headers-only' | null
  count: 'exact' | 'planned' | 'estimated' | null
  resolution: 'merge-duplicates' | 'ignore-duplicates' | null
  missing: 'default' | 'null' | null
  tx: 'commit' | 'rollback' | null
  handling: 'strict' | 'lenient' | null
  maxAffected: number | null
  /** Preferences that were understood, for Preference-Applied. */
  applied: string[]
  invalid: string[]
}

/** Parses `Prefer: return=representation, count=exact` (several headers are joined with commas). */
export function parsePrefer(header: string | undefined): Preferences {
  const prefs: Preferences = { return: null, count: null, resolution: null, missing: null, tx: null, handling: null, maxAffected: null, applied: [], invalid: [] }
  for (const raw of (header ?? '').split(',')) {
    const item = raw.trim()
    if (item === '') continue
    const [name, value = ''] = item.split('=').map((s) => s.trim()) as [string, string?]
    let ok = true
    if (name === 'return' && ['representation', 'minimal', 'headers-only'].includes(value)) prefs.return = value as Preferences['return']
    else if (name === 'count' && ['exact', 'planned', 'estimated'].includes(value)) prefs.count = value as Preferences['count']
    else if (name === 'resolution' && ['merge-duplicates', 'ignore-duplicates'].includes(value)) prefs.resolution = value as Preferences['resolution']
    else if (name === 'missing' && ['default', 'null'].includes(value)) prefs.missing = value as Preferences['missing']
    else if (name === 'tx' && ['commit', 'rollback'].includes(value)) prefs.tx = value as Preferences['tx']
    else if (name === 'handling' && ['strict', 'lenient'].includes(value)) prefs.handling = value as Preferences['handling']
    else if (name === 'max-affected' && /^\d+$/.test(value)) prefs.maxAffected = Number(value)
    else ok = false
    if (ok) prefs.applied.push(`${name}=${value}`)
    else prefs.invalid.push(item)
  }
  return prefs
}
