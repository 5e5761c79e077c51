import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import { chromiumPath } from './browser.ts'

/**
 * Builds the demo and the widget it embeds from their current sources (a few seconds), so the browser
 * tests never run against a stale dist/, and fails early with the fix when Debian's chromium is missing.
 */
export default async function setup(): Promise<void> {
  if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} is missing: apt-get install -y chromium (.ci/run does)`)
  for (const config of ['../../../demo/vite.config.ts', '../../../widget.vite.config.ts']) {
    await build({ configFile: fileURLToPath(new URL(config, import.meta.url)), logLevel: 'warn' })
  }
}
