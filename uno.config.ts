import { defineConfig, presetWind3 } from 'unocss'

/**
 * Light and dark palettes as CSS custom properties on `.rc-root` (the panel's outermost element).
 * NOTE: tokens are variables, not fixed colours, so one set of utility classes serves both themes and the
 * vendor's accent (`--rolecall-accent` set anywhere above the element, or the `accent` attribute)
 * flows in without rebuilding the CSS. Custom properties inherit through a shadow boundary, and `all: unset`
 * does not touch them.
 */
const light = `
  --rc-bg: #ffffff; --rc-surface: #f8fafc; --rc-fg: #0f172a; --rc-muted: #475569; --rc-border: #cbd5e1;
  --rc-danger: #b91c1c; --rc-on-danger: #ffffff; --rc-success: #15803d; --rc-on-accent: #ffffff;
  --rc-accent: var(--rolecall-accent, #4338ca); color-scheme: light;`
// NOTE: the dark accent is a light indigo: white on it reads at 3:1 (axe color-contrast), dark text at 5.8:1.
const dark = `
  --rc-bg: #0f172a; --rc-surface: #1e293b; --rc-fg: #f1f5f9; --rc-muted: #94a3b8; --rc-border: #475569;
  --rc-danger: #f87171; --rc-on-danger: #0f172a; --rc-success: #4ade80; --rc-on-accent: #0f172a;
  --rc-accent: var(--rolecall-accent, #818cf8); color-scheme: dark;`

/**
 * The panel's base: palette, theme switch (`data-theme="light" | "dark" | "auto"`) and a small reset
 * (inside `:where()`, so it never outranks a utility class).
 * NOTE: every inherited property is set on `.rc-root` itself, because a host stylesheet such as
 * `* { all: unset }` resets the custom element's own box, and inheritance would carry that inside.
 */
const panelBase = `
.rc-root { ${light}
  display: block; box-sizing: border-box; background: var(--rc-bg); color: var(--rc-fg);
  font: 400 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; text-align: start;
  letter-spacing: normal; word-spacing: normal; text-transform: none; visibility: visible; }
.rc-root[data-theme="dark"] { ${dark} }
@media (prefers-color-scheme: dark) { .rc-root[data-theme="auto"] { ${dark} } }
:where(.rc-root *, .rc-root *::before, .rc-root *::after) { box-sizing: border-box; }
:where(.rc-root button, .rc-root input, .rc-root select, .rc-root textarea) { font: inherit; color: inherit; }
.rc-root [hidden] { display: none !important; }
`

/** Rolecall's design tokens; WXT's UnoCSS module and the widget's shadow-root stylesheet both read this. */
export default defineConfig({
  presets: [presetWind3()],
  theme: {
    colors: {
      rc: {
        bg: 'var(--rc-bg)',
        surface: 'var(--rc-surface)',
        fg: 'var(--rc-fg)',
        muted: 'var(--rc-muted)',
        border: 'var(--rc-border)',
        accent: 'var(--rc-accent)',
        'on-accent': 'var(--rc-on-accent)',
        danger: 'var(--rc-danger)',
        'on-danger': 'var(--rc-on-danger)',
        success: 'var(--rc-success)',
      },
    },
  },
  shortcuts: {
    'bg-base': 'bg-rc-bg text-rc-fg',
    'bg-surface': 'bg-rc-surface text-rc-fg',
    'text-muted': 'text-rc-muted',
    'focus-ring': 'outline-none focus-visible:outline-2 focus-visible:outline-solid focus-visible:outline-rc-accent focus-visible:outline-offset-2',
    'btn': 'focus-ring inline-flex items-center justify-center gap-1.5 rounded-md border border-solid border-rc-border bg-rc-surface px-3 py-1.5 text-sm font-medium text-rc-fg cursor-pointer disabled:cursor-not-allowed disabled:opacity-50',
    'btn-primary': 'btn border-transparent bg-rc-accent text-rc-on-accent',
    'btn-danger': 'btn border-transparent bg-rc-danger text-rc-on-danger',
    'btn-ghost': 'btn border-transparent bg-transparent',
    'card': 'rounded-lg border border-solid border-rc-border bg-rc-surface p-4',
    'input': 'focus-ring block w-full rounded-md border border-solid border-rc-border bg-rc-bg px-2.5 py-1.5 text-sm text-rc-fg',
    'badge': 'inline-flex items-center rounded-full border border-solid border-rc-border px-2 py-0.5 text-xs font-medium',
    'badge-accent': 'badge border-rc-accent text-rc-accent',
    'link': 'focus-ring text-rc-accent underline cursor-pointer',
  },
  preflights: [{ getCSS: () => panelBase }],
})
