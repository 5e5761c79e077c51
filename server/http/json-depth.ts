/**
 * Whether JSON text nests arrays and objects deeper than `max`, found in one pass without recursion.
 * NOTE: check before JSON.parse: V8 parses very deep JSON, but JSON.stringify of the result (and
 * Postgres' json functions after it) then overflow the stack; a depth check costs ~2 ms per MB.
 */
export function jsonNestsDeeperThan(text: string, max: number): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++ // backslash: skip the escaped character
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true
    } else if (c === 0x5d || c === 0x7d) depth--
  }
  return false
}
