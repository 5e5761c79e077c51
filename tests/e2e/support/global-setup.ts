import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import { build as buildExtension, type InlineConfig, type Logger } from 'wxt'
import { productionBuildPlugin } from '../../../components/panel/widget-build/plugins.ts'
import { chromiumPath } from './browser.ts'

/**
 * Builds the demo, the widget it embeds and the Chromium extension from their current sources, so the
 * browser tests never run against a stale dist/ or .output/, and fails early with the fix when Debian's
 * chromium is missing.
 */
export default async function setup(): Promise<void> {
  if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} is missing: apt-get install -y chromium (.ci/run does)`)
  for (const config of ['../../../demo/vite.config.ts', '../../../widget.vite.config.ts']) {
    await build({ configFile: fileURLToPath(new URL(config, import.meta.url)), logLevel: 'warn' })
  }
  await buildUnconfiguredExtension()
}

/**
 * The same build as `npm run build:ext`, with WXT's `config` added (bench/extension.ts builds elsewhere).
 * NOTE: a vendor's WXT_ROLECALL_* variables would preconfigure it, and the extension test and bench connect
 * their project on the options page, so they must not leak in here. Inside vitest NODE_ENV is `test`, which
 * would give a development build of Vue: the production plugin makes the tests load what ships.
 */
export async function buildUnconfiguredExtension(config: InlineConfig = {}): Promise<void> {
  delete process.env.WXT_ROLECALL_URL
  delete process.env.WXT_ROLECALL_ANON_KEY
  await buildExtension({
    root: fileURLToPath(new URL('../../../', import.meta.url)),
    logger: quietLogger,
    vite: () => ({ plugins: [productionBuildPlugin()] }),
    ...config,
  })
}

/** WXT's build log, without the per-file listing: warnings and errors only, as the vite builds above. */
const quietLogger: Logger = {
  ...console,
  debug() {}, log() {}, info() {}, success() {},
  fatal: console.error,
  level: 1,
}
