import type { AuthContext } from './context.ts'

/** GET /settings: which providers and options are on. */
export function settingsJson(ctx: AuthContext): Record<string, unknown> {
  const s = ctx.settings
  return {
    external: {
      anonymous_users: false, apple: false, azure: false, bitbucket: false, discord: false, email: true, facebook: false,
      figma: false, github: false, gitlab: false, google: false, keycloak: false, kakao: false, linkedin_oidc: false,
      notion: false, phone: false, slack_oidc: false, spotify: false, twitch: false, twitter: false, workos: false, zoom: false,
    },
    disable_signup: !s.enableSignup,
    mailer_autoconfirm: !s.enableConfirmations,
    phone_autoconfirm: false,
    sms_provider: '',
    saml_enabled: false,
  }
}
