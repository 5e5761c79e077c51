import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'
import { panelCssPlugin, precompiledMessagesPlugin, productionBuildPlugin, sizeReportPlugin } from './components/panel/widget-build/plugins.ts'

/**
 * `npm run build:widget`: `<rolecall-team-panel>` as an ES module in dist/widget/ (entry
 * `rolecall-team-panel.js`, screens and supabase-js as chunks beside it, loaded on demand), then its sizes.
 */
export default defineConfig({
  plugins: [productionBuildPlugin(), vue(), precompiledMessagesPlugin(), panelCssPlugin(), sizeReportPlugin(150)],
  publicDir: false,
  define: {
    'process.env.NODE_ENV': JSON.stringify('production'),
    // Vue's bundler flags: the panel is Composition API only, with no devtools hooks in production.
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    // vue-i18n's devtools flag; its other flags (composition API only, no message compiler: the messages are
    // precompiled to ASTs, formatted without eval on CSP-strict hosts) come from precompiledMessagesPlugin.
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  build: {
    outDir: 'dist/widget',
    emptyOutDir: true,
    target: 'es2022',
    // NOTE: library mode: the element runs inside other people's pages, so no preload helper (it would add
    // <link rel=modulepreload> to the host's <head>; chunks are found relative to the entry by import()).
    lib: { entry: { 'rolecall-team-panel': 'components/panel/widget.ts' }, formats: ['es'] },
    rolldownOptions: {
      // NOTE: the entry may export more than its own API (the shared code the lazy chunks import from it),
      // so the first view is one file; hosts still import `teamPanelTag` and the types by name.
      preserveEntrySignatures: 'allow-extension',
      output: {
        // Library mode keeps whitespace and comments in ES output by default; the widget is served as is.
        minify: true,
        comments: false,
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        // Everything the element imports statically in the entry (Vue, vue-i18n, Pinia, reka-ui's tabs and
        // toasts, the stores): one request and one gzip stream instead of ten small files (about 5 KB gzip less).
        // NOTE: not its dependencies recursively: the screens import reka-ui's barrel, through which every
        // primitive counts as "initial", and the select's floating-ui (12 KB gzip) would join the first view.
        // Lazy chunks then import the entry, never the other way round (sizeReportPlugin fails on a cycle).
        codeSplitting: { groups: [{ name: 'panel', tags: ['$initial'], includeDependenciesRecursively: false }] },
      },
    },
  },
})
