/** The panel's stylesheet, generated at build time by `widget-build/panel-css.ts` (see widget.vite.config.ts). */
declare module 'virtual:rolecall-panel-styles' {
  const css: string
  export default css
}
