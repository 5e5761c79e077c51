import type { Session } from '@supabase/supabase-js'
import type { InvitationPreview } from '../../supabase/functions/_shared/invitation-preview.ts'
import type { Database } from './database.types.ts'
import type { Member } from './members.ts'
import { type ApiContext, invoke, run } from './request.ts'

/** A row of `invitation_list` (invitations without their token hash). */
export type Invitation = Database['rolecall']['Views']['invitation_list']['Row']
/** An invitation row as `revoke_invitation` / `decline_invitation` return it. */
export type InvitationRow = Database['rolecall']['Tables']['invitations']['Row']

/** One person to invite (the `invite` function's body without the organization). */
export interface InviteRequest {
  email: string
  role_id: string
  /** Checkbox or catalog keys granted / denied on accept. */
  grants?: string[]
  denies?: string[]
  ip_allowlist?: string[]
  /** `{ project: [id, ...], budget: [...] }`, granted on accept. */
  resource_grants?: Record<string, string[]>
  language?: 'en' | 'uk'
}

/** What `invite` answers for one invitation. */
export interface InviteResult {
  ok: true
  email: string
  invitation_id: string
  expires_at: string
  email_sent: boolean
}

/** One row of a bulk invite: sent, or refused with the server's code. */
export type BulkInviteResult = InviteResult | { ok: false; email: string; code: string; message: string; status: number }

/** What the accept page shows about a link (`accept-invitation` GET): the edge function's own type. */
export type { InvitationPreview }

/** Invitations: listing and revoking directly, sending and answering through the edge functions. */
export function invitationsApi({ db, functions }: ApiContext) {
  return {
    /** The organization's invitations, newest first. */
    list: (org: string) => run(db.from('invitation_list').select('*').eq('organization_id', org).order('created_at', { ascending: false })),
    /**
     * The pending invitations addressed to `email` (the signed-in user's), in every organization, newest first.
     * NOTE: filtered by address because RLS also shows an inviter every invitation of their organizations.
     */
    mine: (email: string) => run(db.from('invitation_list').select('*').eq('email', email.toLowerCase()).eq('status', 'pending')
      .order('created_at', { ascending: false })),
    /** Invites one person; the email goes out from the function. */
    invite: (org: string, request: InviteRequest) =>
      invoke<InviteResult>(functions, 'invite', { body: { organization_id: org, ...request } }),
    /** Invites many (a list or a CSV text); one result per row, each sent or refused. */
    inviteMany: (org: string, rows: InviteRequest[] | { csv: string }, language?: 'en' | 'uk') =>
      invoke<{ results: BulkInviteResult[] }>(functions, 'invite', {
        body: { organization_id: org, ...(Array.isArray(rows) ? { invitations: rows } : rows), ...(language ? { language } : {}) },
      }),
    /** Sends a new link; the old one stops working at once. */
    resend: (invitation: string, language?: 'en' | 'uk') =>
      invoke<{ invitation_id: string; expires_at: string; send_count: number; email_sent: boolean }>(functions, 'resend-invitation', {
        body: { invitation_id: invitation, ...(language ? { language } : {}) },
      }),
    /** Revokes a pending invitation. */
    revoke: (invitation: string) => run(db.rpc('revoke_invitation', { p_invitation: invitation })),
    /** Declines an invitation by id (needs an email confirmed before it was sent: RC410). */
    declineById: (invitation: string) => run(db.rpc('decline_invitation', { p_invitation: invitation })),
    /** What a link is: organization, role, inviter, expiry, status (no session needed). */
    preview: (token: string) =>
      invoke<{ invitation: InvitationPreview }>(functions, `accept-invitation?token=${encodeURIComponent(token)}`, { method: 'GET' }),
    /** Accepts with the link, signed in. */
    accept: (token: string) => invoke<{ member: Member }>(functions, 'accept-invitation', { body: { token } }),
    /** Accepts by id, signed in with an email confirmed before the invitation was sent. */
    acceptById: (invitation: string) => invoke<{ member: Member }>(functions, 'accept-invitation', { body: { invitation_id: invitation } }),
    /** Declines with the link. */
    decline: (token: string) => invoke<{ invitation: InvitationRow }>(functions, 'accept-invitation', { body: { token, action: 'decline' } }),
    /** Creates the account for the invited email (the link proves the mailbox), joins, and signs in. */
    acceptAsNewUser: (token: string, password: string) =>
      invoke<{ member: Member; session: Session }>(functions, 'accept-invitation', { body: { token, password } }),
  }
}
