import type { Plugin } from 'vite'
import { generatePanelCss } from './panel-css.ts'
import { formatSizeReport, sizeReport } from './sizes.ts'

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

/** Prints the widget's sizes after the build and fails it when the first view exceeds `budgetKb` gzip. */
export function sizeReportPlugin(budgetKb: number): Plugin {
  return {
    name: 'rolecall-size-report',
    writeBundle(_options, bundle) {
      const chunks = Object.values(bundle).flatMap((output) => (output.type === 'chunk'
        ? [{ fileName: output.fileName, code: output.code, isEntry: output.isEntry, imports: output.imports, moduleIds: output.moduleIds }]
        : []))
      const rows = sizeReport(chunks)
      console.log(`\n${formatSizeReport(rows)}\n`)
      const firstView = rows.at(-1)
      if (firstView && firstView.gzip > budgetKb * 1024) {
        this.error(`the widget's first view is ${(firstView.gzip / 1024).toFixed(1)} KB gzip, over the ${budgetKb} KB budget`)
      }
    },
  }
}
