import { resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import VueI18n from '@intlify/unplugin-vue-i18n/vite'
import { build, type Plugin, type PluginOption } from 'vite'
import { componentsDir, generatePanelCss } from './panel-css.ts'
import { formatSizeReport, importCycle, sizeReport } from './sizes.ts'

const cssId = 'virtual:rolecall-panel-styles'

/** Serves `virtual:rolecall-panel-styles`: the panel's whole stylesheet as a string, for the shadow root. */
export function panelCssPlugin(): Plugin {
  return {
    name: 'rolecall-panel-css',
    resolveId: (id) => (id === cssId ? `\0${cssId}` : undefined),
    async load(id) {
      if (id === `\0${cssId}`) return `export default ${JSON.stringify(await generatePanelCss())}`
    },
  }
}

/**
 * Makes the build a production build whatever the caller's NODE_ENV (vitest's global setup builds the widget
 * with NODE_ENV=test): Vite decides `isProduction`, and with it the SFC compiler's and the message
 * precompiler's mode (dev builds are 10 KB gzip bigger), from NODE_ENV right after the plugins' `config`
 * hooks, as its docs advise. The caller's NODE_ENV comes back once the config is resolved.
 */
export function productionBuildPlugin(): Plugin {
  let callerNodeEnv: string | undefined
  return {
    name: 'rolecall-production-build',
    config() {
      callerNodeEnv = process.env.NODE_ENV
      process.env.NODE_ENV = 'production'
    },
    configResolved() {
      if (callerNodeEnv === undefined) delete process.env.NODE_ENV
      else process.env.NODE_ENV = callerNodeEnv
    },
  }
}

/**
 * The panel's message modules (each `messages.ts` and `*-messages.ts` under components/, `export default { en, uk }`)
 * compiled at build time into vue-i18n's message ASTs, and vue-i18n without its message compiler.
 * NOTE: @intlify/unplugin-vue-i18n reads TS modules whose default export is an object literal (esbuild
 * strips the types, then each string becomes an AST the runtime formats without eval); a malformed
 * message fails the build instead of a user's screen. `runtimeOnly` aliases vue-i18n to its runtime
 * build, and `dropMessageCompiler` removes the compiler from it (in vue-i18n 11 that define, not the
 * alias, is what drops it). A string message that did not pass through here would show as typed.
 */
export function precompiledMessagesPlugin(): PluginOption {
  return VueI18n({
    include: [resolve(componentsDir, '**/messages.ts'), resolve(componentsDir, '**/*-messages.ts')],
    runtimeOnly: true,
    dropMessageCompiler: true,
    compositionOnly: true,
    fullInstall: false,
  })
}

/**
 * Prints the widget's sizes after the build and fails it when a first view exceeds `budgetKb` gzip, or when
 * chunks import each other in a cycle (widget.vite.config.ts's chunk grouping must never produce one).
 */
export function sizeReportPlugin(budgetKb: number): Plugin {
  return {
    name: 'rolecall-size-report',
    async writeBundle(_options, bundle) {
      const chunks = Object.values(bundle).flatMap((output) => (output.type === 'chunk'
        ? [{ fileName: output.fileName, code: output.code, isEntry: output.isEntry, imports: output.imports, moduleIds: output.moduleIds }]
        : []))
      const cycle = importCycle(chunks)
      if (cycle) this.error(`the widget's chunks import each other in a cycle: ${cycle.join(' → ')}`)
      const inline = chunks.some((chunk) => chunk.isEntry && chunk.moduleIds.some((id) => id.includes('/@supabase/')))
      const rows = sizeReport(chunks, inline ? await standaloneSize("export { createClient } from '@supabase/supabase-js'") : undefined)
      console.log(`\n${formatSizeReport(rows)}\n`)
      for (const firstView of rows.filter((row) => row.budgeted)) {
        if (firstView.gzip > budgetKb * 1024) {
          this.error(`the widget's ${firstView.label} is ${(firstView.gzip / 1024).toFixed(1)} KB gzip, over the ${budgetKb} KB budget`)
        }
      }
    },
  }
}

/** Raw and gzip bytes of `source` bundled and minified on its own (the share of a library inside a bigger chunk). */
async function standaloneSize(source: string): Promise<{ raw: number, gzip: number }> {
  const id = '\0rolecall-standalone'
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    plugins: [{ name: 'rolecall-standalone', resolveId: (name) => (name === 'standalone' ? id : undefined), load: (name) => (name === id ? source : undefined) }],
    build: { write: false, modulePreload: false, rolldownOptions: { input: 'standalone', preserveEntrySignatures: 'exports-only' } },
  })
  const codes = (Array.isArray(result) ? result : [result])
    .flatMap((output) => ('output' in output ? output.output : []))
    .flatMap((chunk) => (chunk.type === 'chunk' ? [chunk.code] : []))
  return {
    raw: codes.reduce((sum, code) => sum + Buffer.byteLength(code), 0),
    gzip: codes.reduce((sum, code) => sum + gzipSync(code, { level: 9 }).length, 0),
  }
}
