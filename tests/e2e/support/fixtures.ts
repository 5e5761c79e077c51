import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, afterEach, beforeAll } from 'vitest'
import type { RunningServer } from '../../../server/app.ts'
import { launchChromium } from './browser.ts'
import { DemoApp } from './demo-app.ts'
import { startDemoStack } from './stack.ts'

/** What a browser test file gets: the stack, chromium, and a fresh demo page per call. */
export interface DemoFixture {
  /** The running stack (PGlite, real schema and seed). */
  readonly server: RunningServer
  /** A new browser context (no session, light theme) with the demo's page object. */
  newApp(): Promise<DemoApp>
}

/**
 * Starts the stack and chromium once for the file and closes both after it; every context opened by
 * `newApp` is closed after its test, so no session leaks from one test into the next.
 */
export function useDemo(): DemoFixture {
  let server: RunningServer | undefined
  let browser: Browser | undefined
  const contexts: BrowserContext[] = []
  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startDemoStack(), launchChromium()])
  })
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()))
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })
  return {
    get server() {
      if (!server) throw new Error('useDemo(): the stack starts in beforeAll')
      return server
    },
    async newApp() {
      if (!browser || !server) throw new Error('useDemo(): chromium starts in beforeAll')
      const context = await browser.newContext({ colorScheme: 'light', viewport: { width: 1100, height: 720 } })
      contexts.push(context)
      // NOTE: well under the test timeout, so a stuck step fails with its own locator, not a bare timeout.
      context.setDefaultTimeout(10_000)
      return new DemoApp(await context.newPage(), server.url)
    },
  }
}
