// The accept-invitation page the local stack serves at /accept-invitation: the invitation email's
// link lands here (README, "The demo product").
import { createPinia } from 'pinia'
import panelCss from 'virtual:rolecall-panel-styles'
import { publishableKey } from 'virtual:demo-seed'
import { createApp } from 'vue'
import AcceptInvitationPage from '../../components/accept-invitation/AcceptInvitationPage.vue'
import { createPanelI18n } from '../../components/i18n.ts'
import { createRolecallClient } from '../../stores/api/create-client.ts'

const style = document.createElement('style')
style.textContent = panelCss
document.head.append(style)

// NOTE: same origin and key as the demo's own client, so a user already signed in to Acme Finance
// answers without signing in again, and one who joins arrives there signed in.
createApp(AcceptInvitationPage, { client: createRolecallClient(window.location.origin, publishableKey), continueUrl: '/demo/' })
  .use(createPinia())
  .use(createPanelI18n(navigator.language))
  .mount('#app')
