import { defineConfig } from 'wxt'
import { precompiledMessagesPlugin } from './components/panel/widget-build/plugins.ts'

/** Loopback hosts the local stack (`npm start`) listens on; any port (match patterns ignore it). */
const loopbackHosts = ['http://127.0.0.1/*', 'http://localhost/*']
/** Any project a user may connect on the options page; one origin is requested at a time, on connect. */
const anyProject = ['https://*/*', 'http://*/*']

/**
 * The host of a vendor build's project (`WXT_ROLECALL_URL`, from the environment or a `.env` file, which
 * WXT loads before it writes the manifest), granted at install since the user never connects it by hand.
 */
function buildTimeHosts(): string[] {
  const url = process.env.WXT_ROLECALL_URL
  if (!url) return []
  const { protocol, hostname } = new URL(url)
  return [`${protocol}//${hostname}/*`]
}

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-vue', '@wxt-dev/unocss', '@wxt-dev/i18n/module'],
  // NOTE: every module imports what it uses, as the widget's build (plain vite) requires; WXT's auto-imports
  // would scan components/ and warn about names exported twice (components/index.ts re-exports i18n.ts).
  imports: false,
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    action: { default_title: '__MSG_actionTitle__' },
    // NOTE: sidePanel is Chrome's; Firefox gets a sidebar_action from the side panel entrypoint instead.
    permissions: ['storage', 'alarms', 'notifications', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // NOTE: Supabase answers CORS for any origin, so these are not what makes requests possible; they let the
    // background reach a loopback or intranet project without Chrome's local-network checks, and whatever
    // CORS a self-hosted gateway sends. MV2 (Firefox) has no optional_host_permissions: its
    // optional_permissions take the patterns.
    host_permissions: [...loopbackHosts, ...buildTimeHosts()],
    ...(manifestVersion === 3 ? { optional_host_permissions: anyProject } : { optional_permissions: anyProject }),
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'rolecall@rolecall.dev',
          // The session and the user's address go to the connected project (the vendor's), nowhere else.
          data_collection_permissions: { required: ['authenticationInfo', 'personallyIdentifyingInfo'] },
        },
      },
    }),
  }),
  hooks: {
    // NOTE: WXT takes the toolbar button's title from the popup page's <title>; the manifest's own,
    // translated by the browser, wins (`action` in MV3, `browser_action` in Firefox's MV2 build).
    'build:manifestGenerated': (_wxt, manifest) => {
      for (const button of [manifest.action, manifest.browser_action]) {
        if (button) button.default_title = '__MSG_actionTitle__'
      }
    },
  },
  // Firefox's review rebuilds the extension from the sources zip (npm ci, then build:ext:firefox; tried): build
  // output, tests, benchmarks and screenshots stay out (npm install builds the demo, so it and the stack stay).
  zip: {
    excludeSources: ['dist/**', 'test-artifacts/**', '.data/**', 'docs/**', 'tests/**', 'bench/**'],
  },
  vite: () => ({
    // The views' messages compiled at build time, as for the widget: an extension page's CSP forbids eval.
    plugins: [precompiledMessagesPlugin()],
    define: { __INTLIFY_PROD_DEVTOOLS__: 'false' },
  }),
})
