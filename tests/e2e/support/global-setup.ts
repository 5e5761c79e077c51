import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import { chromiumPath } from './browser.ts'

/**
 * Builds the demo from its current sources (about 1.5 s), so the browser tests never run against a
 * stale dist/demo, and fails early with the fix when Debian's chromium is missing.
 */
export default async function setup(): Promise<void> {
  if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} is missing: apt-get install -y chromium (.ci/run does)`)
  await build({ configFile: fileURLToPath(new URL('../../../demo/vite.config.ts', import.meta.url)), logLevel: 'warn' })
}
