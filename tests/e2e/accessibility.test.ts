import { expect, it } from 'vitest'
import type { DemoApp, DemoRoute } from './support/demo-app.ts'
import { useDemo } from './support/fixtures.ts'
import { violations as pageViolations } from './support/panel.ts'

const demo = useDemo()

/** Serious and critical axe violations on the page, as `rule: target` lines (empty when clean). */
function violations(app: DemoApp): Promise<string[]> {
  return pageViolations(app.page)
}

const routes: DemoRoute[] = ['bills', 'banking', 'reports', 'projects', 'budgets', 'settings']

// NOTE: one signed-in page walks every route: a sign-in per route would only repeat the same checks.
// The JustPaid Admin holds every permission, so any alert on a page is a broken page, not a refusal.
it('every demo page has no serious or critical axe violations (light theme)', async () => {
  const app = await demo.newApp()
  await app.open()
  expect(await violations(app)).toEqual([])
  await app.screenshot('demo-sign-in-light')
  await app.signInAs('admin@justpaid.demo')
  for (const route of routes) {
    await app.goto(route)
    expect(await app.alerts(), route).toEqual([])
    expect(await violations(app), route).toEqual([])
    await app.screenshot(`demo-${route}-light`)
  }
  expect(app.errors).toEqual([])
})
