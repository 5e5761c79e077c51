import type { Page } from 'playwright-core'
import { screenshot } from './browser.ts'

/** The demo's pages, as their hash routes. */
export type DemoRoute = 'bills' | 'banking' | 'reports' | 'projects' | 'budgets' | 'settings'

/**
 * Page object of the Acme Finance demo (demo/): what a user does there, in the user's words. Uncaught
 * page errors are collected in `errors`, so a scenario can prove the page stayed sound.
 */
export class DemoApp {
  /** Uncaught exceptions the page threw. */
  readonly errors: Error[] = []

  constructor(readonly page: Page, readonly baseUrl: string) {
    page.on('pageerror', (error) => this.errors.push(error))
  }

  /** Opens the sign-in picker. */
  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/demo/`)
    await this.page.getByRole('heading', { name: 'Sign in as a demo user' }).waitFor()
  }

  /** Picks a demo user on the sign-in page and waits until their organization is loaded. */
  async signInAs(email: string): Promise<void> {
    await this.open()
    await this.page.locator(`button[data-email="${email}"]`).click()
    await this.page.locator('header .who', { hasText: '(' }).waitFor()
  }

  /** Goes to a page of the app (reloading it when already there, to read fresh rows) and waits for its content. */
  async goto(route: DemoRoute): Promise<void> {
    const url = `${this.baseUrl}/demo/#/${route}`
    // NOTE: a goto that changes nothing but an equal hash does not navigate at all.
    if (this.page.url() === url) await this.page.reload()
    else await this.page.goto(url)
    await this.page.locator('main h2').waitFor()
    await this.page.locator('main .muted', { hasText: 'Loading' }).waitFor({ state: 'detached' })
  }

  /** The refusals and errors the page shows (its `role=alert` messages). */
  async alerts(): Promise<string[]> {
    return (await this.page.getByRole('alert').allTextContents()).map((t) => t.trim())
  }

  /** The row of a bill on the bills page. */
  bill(vendor: string) {
    return this.page.locator(`tr[data-bill="${vendor}"]`)
  }

  /** A bill's status as the table shows it. */
  async billStatus(vendor: string): Promise<string> {
    return (await this.bill(vendor).locator('td').nth(3).textContent())?.trim() ?? ''
  }

  /** Clicks Approve (or Pay) on a bill and returns what the page then says about it. */
  async act(vendor: string, button: 'Approve' | 'Pay'): Promise<string> {
    await this.bill(vendor).getByRole('button', { name: button }).click()
    const outcome = this.page.locator('[data-test=outcome]', { hasText: vendor })
    await outcome.waitFor()
    return (await outcome.textContent())?.trim() ?? ''
  }

  /** Saves a screenshot of the page as a test artifact. */
  screenshot(name: string): Promise<string> {
    return screenshot(this.page, name)
  }
}
