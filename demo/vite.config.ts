import { readFileSync } from 'node:fs'
import vue from '@vitejs/plugin-vue'
import { defineConfig, type Plugin } from 'vite'
import { panelCssPlugin } from '../components/panel/widget-build/plugins.ts'
import { localDefaults } from '../server/config.ts'
import { defaultPaths } from '../server/db/apply.ts'
import { seedPassword, seedUsers } from '../server/db/seed-demo.ts'

/**
 * `virtual:demo-seed`: seed.sql's demo users and password, and the local stack's publishable key (the
 * same for every local stack; the gateway maps it to the configured anon key). Read at build time, so
 * a new demo user appears in the sign-in picker without touching the app.
 */
function demoSeed(): Plugin {
  const id = 'virtual:demo-seed'
  return {
    name: 'rolecall-demo-seed',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load(resolved) {
      if (resolved !== `\0${id}`) return undefined
      const seed = readFileSync(defaultPaths.seed, 'utf8')
      this.addWatchFile(defaultPaths.seed)
      return [
        `export const users = ${JSON.stringify(seedUsers(seed))}`,
        `export const password = ${JSON.stringify(seedPassword(seed) ?? '')}`,
        `export const publishableKey = ${JSON.stringify(localDefaults.publishableKey)}`,
      ].join('\n')
    },
  }
}

// The demo vendor app ("Acme Finance"), served by the local stack at /demo/ (`npm run build:demo`), and
// the accept-invitation page (accept.html), served at /accept-invitation with the panel's styles.
export default defineConfig({
  root: import.meta.dirname,
  base: '/demo/',
  plugins: [demoSeed(), vue(), panelCssPlugin()],
  define: {
    // vue-i18n's bundler flags (as widget.vite.config.ts): composition API only, no eval.
    __VUE_I18N_FULL_INSTALL__: 'false',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
    __INTLIFY_JIT_COMPILATION__: 'true',
  },
  build: {
    outDir: '../dist/demo',
    emptyOutDir: true,
    reportCompressedSize: false,
    rolldownOptions: { input: { main: 'index.html', accept: 'accept.html' } },
  },
})
