import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import type { Page } from 'playwright-core'
import { startServer } from '../server/app.ts'
import { launchChromium } from '../tests/e2e/support/browser.ts'
import { percentile, round, writeResult } from './support.ts'

// `npm run bench -- panel`: the admin panel in Chromium. The time from opening the demo's settings page
// to the first rows of the members list for a 10,000-member organization against a 50-member one (goal
// ≤ 1.5×), the page's JS heap with each, and the widget's bundle sizes. Needs dist/demo and dist/widget
// (`npm install` builds both) and Debian's chromium.

const widgetDir = fileURLToPath(new URL('../dist/widget/', import.meta.url))
const blank = 'a0000000-0000-4000-8000-000000000006'
const payments = 'a0000000-0000-4000-8000-000000000005'
const runs = 9

/** Adds `count` members (and their auth users) in the organization's lowest role, in one statement each. */
async function addMembers(db: Awaited<ReturnType<typeof startServer>>['db'], org: string, count: number, tag: string): Promise<void> {
  await db.query(
    `insert into auth.users (id, aud, role, email, raw_user_meta_data, raw_app_meta_data, email_confirmed_at, created_at, updated_at)
     select gen_random_uuid(), 'authenticated', 'authenticated', format('%s-%s@bench.test', $2::text, i),
            jsonb_build_object('full_name', format('Bench Member %s', i)), '{"provider":"email"}', now(), now(), now()
       from generate_series(1, $1::int) i`, [count, tag])
  await db.query(
    `insert into rolecall.members (organization_id, user_id, role_id)
     select $1::uuid, u.id, (select r.id from rolecall.roles r where r.organization_id = $1::uuid order by r.rank limit 1)
       from auth.users u where u.email like $2::text || '-%@bench.test'`, [org, tag])
}

/** Median of the times from opening Settings to the members list's first row, and the JS heap after. */
async function timeToRows(page: Page, baseUrl: string): Promise<{ medianMs: number; heapMb: number; pager: string }> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    await page.goto(`${baseUrl}/demo/#/bills`)
    await page.locator('main h2').waitFor()
    const started = performance.now()
    await page.goto(`${baseUrl}/demo/#/settings`)
    await page.locator('rolecall-team-panel [role=grid] [role=row]').nth(1).waitFor()
    times.push(performance.now() - started)
  }
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Performance.enable')
  await cdp.send('HeapProfiler.collectGarbage')
  const { metrics } = await cdp.send('Performance.getMetrics')
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0
  times.sort((a, b) => a - b)
  // NOTE: the pager's "1–50 of N" proves the list was the organization's whole membership, paged.
  const pager = (await page.locator('rolecall-team-panel').getByText(/\d+–\d+/).first().textContent())?.trim() ?? ''
  return { medianMs: round(percentile(times, 50)), heapMb: round(heap / 1024 / 1024, 1), pager }
}

/** Raw and gzip sizes of every file of dist/widget. */
async function bundleSizes(): Promise<Record<string, { rawKb: number; gzipKb: number }>> {
  const files = (await readdir(widgetDir, { recursive: true })).filter((f) => f.endsWith('.js'))
  const sizes: Record<string, { rawKb: number; gzipKb: number }> = {}
  for (const file of files.sort()) {
    const body = await readFile(join(widgetDir, file))
    sizes[file] = { rawKb: round(body.length / 1024, 1), gzipKb: round(gzipSync(body).length / 1024, 1) }
  }
  return sizes
}

/** Runs the panel benchmark and writes bench/results/panel.json. */
export async function runPanelBench(): Promise<Record<string, unknown>> {
  const rate = 1e6
  const server = await startServer({ port: 0, dataDir: null, log: false, auth: { rateLimit: { emailSent: rate, tokenRefresh: rate, signInSignUps: rate, tokenVerifications: rate } } })
  const browser = await launchChromium()
  try {
    await addMembers(server.db, blank, 9_998, 'big')
    await addMembers(server.db, payments, 48, 'small')
    const measure = async (email: string) => {
      const context = await browser.newContext({ viewport: { width: 1100, height: 800 } })
      const page = await context.newPage()
      await page.goto(`${server.url}/demo/`)
      await page.locator(`button[data-email="${email}"]`).click()
      await page.locator('header .who', { hasText: '(' }).waitFor()
      const result = await timeToRows(page, server.url)
      await context.close()
      return result
    }
    const small = await measure('admin@payments.demo')
    const big = await measure('admin@blank.demo')
    const result = {
      when: new Date().toISOString(),
      method: `median of ${runs} openings of the demo's Settings page (widget cached) until the members list shows its first row; JS heap after a forced GC`,
      members: { small: 50, big: 10_000 },
      timeToFirstRows: { smallMs: small.medianMs, bigMs: big.medianMs, ratio: round(big.medianMs / small.medianMs) },
      heapMb: { small: small.heapMb, big: big.heapMb },
      pager: { small: small.pager, big: big.pager },
      bundle: await bundleSizes(),
      goals: { firstRowsWithin1_5x: big.medianMs / small.medianMs <= 1.5 },
    }
    console.log(`members list first rows: 10,000 members ${result.timeToFirstRows.bigMs} ms vs 50 members ${result.timeToFirstRows.smallMs} ms = ${result.timeToFirstRows.ratio}x (goal <= 1.5x); JS heap ${big.heapMb} MB vs ${small.heapMb} MB (pager: ${big.pager} / ${small.pager})`)
    await writeResult('panel', result)
    return result
  } finally {
    await browser.close()
    await server.close()
  }
}
