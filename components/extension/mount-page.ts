// The one module that imports `uno.css`: WXT builds all pages in one Vite build, and UnoCSS's global mode
// keeps only the first of several importers ("imported multiple times"). Tests import ./mount-app.ts, as
// vitest has no UnoCSS.
import 'uno.css'

export { mountExtensionPage } from './mount-app.ts'
