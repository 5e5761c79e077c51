import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import type { BulkInviteResult, Invitation, InvitationPreview, InviteRequest } from './api/index.ts'
import { useOrganizationStore } from './organization.ts'
import { useRequestState } from './request-state.ts'
import { useSessionStore } from './session.ts'

/** The organization's invitations, sending them, and the accept page's link. */
export const useInvitationsStore = defineStore('invitations', () => {
  const session = useSessionStore()
  const organization = useOrganizationStore()
  /** The organization's invitations, newest first. */
  const invitations = shallowRef<Invitation[]>([])
  /** Per-row results of the last bulk (CSV) invite. */
  const bulkResults = shallowRef<BulkInviteResult[]>([])
  /** The link the accept page shows. */
  const preview = shallowRef<InvitationPreview | null>(null)
  /** Loading / the last refusal. */
  const { loading, error, track } = useRequestState()

  const api = () => session.requireApi().invitations

  /** Reads the organization's invitations. */
  function load() {
    return track(async () => {
      invitations.value = await api().list(organization.requireId())
    })
  }

  /** Invites one person, then reloads the list. */
  function invite(request: InviteRequest) {
    return track(async () => {
      const sent = await api().invite(organization.requireId(), request)
      invitations.value = await api().list(organization.requireId())
      return sent
    })
  }

  /** Invites many (rows or CSV text); `bulkResults` holds each row's outcome. */
  function inviteMany(rows: InviteRequest[] | { csv: string }, language?: 'en' | 'uk') {
    return track(async () => {
      bulkResults.value = (await api().inviteMany(organization.requireId(), rows, language)).results
      invitations.value = await api().list(organization.requireId())
      return bulkResults.value
    })
  }

  /** Sends a new link (the old one stops working), then reloads. */
  function resend(invitationId: string, language?: 'en' | 'uk') {
    return track(async () => {
      const sent = await api().resend(invitationId, language)
      invitations.value = await api().list(organization.requireId())
      return sent
    })
  }

  /** Revokes a pending invitation (shown at once, rolled back on refusal). */
  function revoke(invitationId: string) {
    const before = invitations.value
    invitations.value = before.map((i) => (i.id === invitationId ? { ...i, status: 'revoked' } : i))
    return track(async () => {
      try {
        await api().revoke(invitationId)
      } catch (refusal) {
        invitations.value = before
        throw refusal
      }
    })
  }

  /** Reads what a link is, for the accept page (no session needed). */
  function loadPreview(token: string) {
    return track(async () => {
      preview.value = (await api().preview(token)).invitation
    })
  }

  /** Accepts with the link while signed in. */
  function accept(token: string) {
    return track(async () => (await api().accept(token)).member)
  }

  /** Creates the invited account with a password, joins, and signs in with the returned session. */
  function acceptAsNewUser(token: string, password: string) {
    return track(async () => {
      const { member, session: created } = await api().acceptAsNewUser(token, password)
      await session.adoptSession(created)
      return member
    })
  }

  /** Declines with the link. */
  function decline(token: string) {
    return track(async () => (await api().decline(token)).invitation)
  }

  return { invitations, bulkResults, preview, loading, error, load, invite, inviteMany, resend, revoke, loadPreview, accept, acceptAsNewUser, decline }
})
