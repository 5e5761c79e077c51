import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'
import { panelCssPlugin, sizeReportPlugin } from './components/panel/widget-build/plugins.ts'

/**
 * `npm run build:widget`: `<rolecall-team-panel>` as an ES module in dist/widget/ (entry
 * `rolecall-team-panel.js`, screens and supabase-js as chunks beside it, loaded on demand), then its sizes.
 */
export default defineConfig({
  plugins: [vue(), panelCssPlugin(), sizeReportPlugin(150)],
  publicDir: false,
  define: {
    'process.env.NODE_ENV': JSON.stringify('production'),
    // Vue's bundler flags: the panel is Composition API only, with no devtools hooks in production.
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    // vue-i18n's bundler flags: composition API only, messages compiled without eval (CSP-safe hosts).
    __VUE_I18N_FULL_INSTALL__: 'false',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
    __INTLIFY_JIT_COMPILATION__: 'true',
  },
  build: {
    outDir: 'dist/widget',
    emptyOutDir: true,
    target: 'es2022',
    // NOTE: no preload helper: chunks are found relative to the entry by the browser's own import().
    modulePreload: false,
    rolldownOptions: {
      input: { 'rolecall-team-panel': 'components/panel/widget.ts' },
      preserveEntrySignatures: 'exports-only',
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
})
