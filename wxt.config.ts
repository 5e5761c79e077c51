import { defineConfig } from 'wxt'

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-vue', '@wxt-dev/unocss'],
  manifest: {
    name: 'Rolecall',
    description: 'See what you may do in your team, and why; accept invitations.',
  },
})
