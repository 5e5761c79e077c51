import { writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'

// What the browser benches share: the results folder, rounding and percentiles of their timings.

/** bench/results/: each bench writes its last run there as `<name>.json`. */
export const resultsDir = fileURLToPath(new URL('./results/', import.meta.url))

/** `n` with `digits` decimals, as the results report figures. */
export const round = (n: number, digits = 2): number => Number(n.toFixed(digits))

/** The `p`th percentile (0–100) of ascending `sorted` values, by nearest rank (50 is the median's upper middle). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('percentile of no values')
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

/** Writes `result` as bench/results/<name>.json. */
export async function writeResult(name: string, result: unknown): Promise<void> {
  await writeFile(`${resultsDir}${name}.json`, `${JSON.stringify(result, null, 2)}\n`)
}
