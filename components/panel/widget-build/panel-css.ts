import { readdir, readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { createGenerator } from 'unocss'
import unoConfig from '../../../uno.config.ts'

/** Where the panel's components live: every utility class they use ends up in the element's stylesheet. */
// NOTE: import.meta.dirname, not import.meta.url: under a DOM test environment the URL is not a file: URL.
export const componentsDir = resolve(import.meta.dirname, '../..')

/**
 * The whole panel's CSS (tokens, themes, reset and every utility used in `components/`), for the custom
 * element's shadow root.
 * NOTE: one sheet for all screens, lazy ones included (a few KB): the element adopts it once, and the
 * components stay plain `.vue` files that Vue hosts import directly with their own UnoCSS.
 */
export async function generatePanelCss(dir = componentsDir): Promise<string> {
  const files = (await readdir(dir, { recursive: true }))
    .filter((file) => /\.(vue|ts)$/.test(file) && !file.includes('widget-build'))
  const sources = await Promise.all(files.map((file) => readFile(join(dir, file), 'utf8')))
  const generator = await createGenerator(unoConfig)
  const { css } = await generator.generate(sources.join('\n'), { minify: true })
  return css
}
