import vue from '@vitejs/plugin-vue'
import { configDefaults, defineConfig } from 'vitest/config'
import { WxtVitest } from 'wxt/testing/vitest-plugin'

export default defineConfig({
  test: {
    // NOTE: two cores; each test file clones its own database, so files run side by side safely.
    maxWorkers: 2,
    projects: [
      {
        plugins: [WxtVitest(), vue()],
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'tests/e2e/**'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/support/global-setup.ts'],
          // NOTE: each browser file runs chromium and a stack of its own; two at once would starve 2 cores.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // After the unit project, so chromium never competes with the database suites.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
})
