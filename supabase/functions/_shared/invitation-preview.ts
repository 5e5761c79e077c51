/**
 * What the accept page shows about a link: the JSON of rolecall.invitation_by_token, as `accept-invitation`
 * GET returns it. The product's API (stores/api/invitations.ts) reads this same type, so the two cannot drift.
 */
export interface InvitationPreview {
  id: string
  email: string
  organization_id: string
  organization_name: string
  role_name: string
  language: 'en' | 'uk'
  expires_at: string
  status: 'pending' | 'accepted' | 'declined' | 'revoked' | 'expired'
  inviter_email: string | null
  user_exists: boolean
}
