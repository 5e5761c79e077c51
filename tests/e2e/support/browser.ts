import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { type Browser, chromium, type Page } from 'playwright-core'

/** Debian's chromium (`apt-get install chromium`); playwright-core downloads no browser of its own. */
export const chromiumPath = '/usr/bin/chromium'

/** Where screenshots go: gitignored, kept after the run for people (and CI) to look at. */
export const artifactsDir = join(process.cwd(), 'test-artifacts', 'e2e')

/** Launches headless chromium. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    // NOTE: chromium's sandbox cannot start as root (CI containers); the pages are our own demo.
    chromiumSandbox: false,
    args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
}

/** Saves a full-page screenshot as test-artifacts/e2e/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true })
  const path = join(artifactsDir, `${name}.png`)
  await page.screenshot({ path, fullPage: true })
  return path
}
