import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import type { RunningServer } from '../../../server/app.ts'
import { chromiumPath } from './browser.ts'
import { startDemoStack } from './stack.ts'

/** The unpacked Chromium build `npm run build:ext` writes (global setup builds it from the current sources). */
export const extensionDir = fileURLToPath(new URL('../../../.output/chrome-mv3', import.meta.url))

/**
 * The id Chromium gives an unpacked extension: the SHA-256 of its absolute path, first 32 hex digits
 * spelled with the letters a–p. Known up front, so a page can be opened before the worker shows up.
 */
export function extensionIdOf(dir: string): string {
  return [...createHash('sha256').update(dir).digest('hex').slice(0, 32)]
    .map((digit) => String.fromCharCode(97 + parseInt(digit, 16)))
    .join('')
}

/** The id of the build in {@link extensionDir}. */
export const extensionId = extensionIdOf(extensionDir)

/** What an extension browser test gets: the stack, a Chromium profile with the extension, its pages. */
export interface ExtensionFixture {
  readonly server: RunningServer
  readonly context: BrowserContext
  /** The extension's service worker (the background). */
  readonly worker: Worker
  /** The extension's id, the host of its chrome-extension:// pages. */
  readonly id: string
  /** Opens one of the extension's pages (`popup.html`, `options.html`, `sidepanel.html`) in a new tab. */
  open(page: string): Promise<Page>
}

/**
 * Launches headless Chromium on the persistent `profile` folder with the unpacked build in `dir` loaded,
 * and waits for the extension's service worker.
 * NOTE: Playwright passes --disable-extensions by default; --disable-extensions-except is what loads it
 * (../shared/toolchain.md). Extensions need a persistent context.
 */
export async function launchWithExtension(profile: string, dir = extensionDir): Promise<{ context: BrowserContext; worker: Worker }> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    chromiumSandbox: false,
    viewport: { width: 420, height: 720 },
    args: [
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
      // NOTE: newer Chromium ignores --load-extension unless this feature is off.
      '--disable-features=DisableLoadExtensionCommandLineSwitch',
    ],
  })
  // NOTE: the worker usually starts with the browser, but on a loaded machine it may only start when an
  // extension page asks for it; opening the options page wakes it either way.
  const id = extensionIdOf(dir)
  const isOurs = (w: Worker) => new URL(w.url()).host === id
  const started = context.serviceWorkers().find(isOurs) ?? context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 30_000 })
  const wake = await context.newPage()
  await wake.goto(`chrome-extension://${id}/options.html`)
  const worker = await started
  await wake.close()
  return { context, worker }
}

/** Starts the stack and a persistent Chromium profile with the unpacked extension for the file. */
export function useExtension(): ExtensionFixture {
  let server: RunningServer | undefined
  let context: BrowserContext | undefined
  let worker: Worker | undefined
  const profile = mkdtempSync(join(tmpdir(), 'rolecall-ext-'))
  beforeAll(async () => {
    ;[server, { context, worker }] = await Promise.all([startDemoStack(), launchWithExtension(profile)])
  })
  afterAll(async () => {
    await context?.close()
    await server?.close()
    rmSync(profile, { recursive: true, force: true })
  })
  const need = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useExtension(): the stack and chromium start in beforeAll')
    return value
  }
  return {
    get server() { return need(server) },
    get context() { return need(context) },
    get worker() { return need(worker) },
    get id() { return extensionId },
    async open(name: string) {
      const page = await need(context).newPage()
      await page.goto(`chrome-extension://${extensionId}/${name}`)
      return page
    },
  }
}
