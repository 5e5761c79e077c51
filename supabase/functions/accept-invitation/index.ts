import type { User } from '@supabase/supabase-js'
import { anonClient, bearerToken, clientAs, serviceClient, userOf } from '../_shared/clients.ts'
import { FunctionError, fromPostgrest, json, readJson, requireString, serve } from '../_shared/http.ts'
import type { InvitationPreview } from '../_shared/invitation-preview.ts'
import { notifyAdmins } from '../_shared/notify.ts'
import { actAs } from '../_shared/team-action.ts'
import { tokenHash } from '../_shared/token.ts'

const minPasswordLength = 8

/**
 * The link from the invitation email leads here (through the product's accept page).
 * GET ?token=…  → what the invitation is (organization, role, inviter, expiry, status).
 * POST { token, action: 'accept' | 'decline' } with the invitee signed in → joins (or declines).
 * POST { invitation_id } signed in → joins without the link (the extension's list); SQL allows it
 *   only for an email confirmed before the invitation was sent (RC410 otherwise).
 * POST { token, password } without a session → creates the account for the invited email (the link
 *   proves the mailbox), joins, and returns the new session.
 * Accepting runs only here (rolecall.accept_invitation_as), so the admins always hear who joined.
 * verify_jwt is off for this function (supabase/config.toml): a new user has no session yet.
 */
Deno.serve(serve(['GET', 'POST'], async (req) => {
  if (req.method === 'GET') {
    const token = new URL(req.url).searchParams.get('token') ?? ''
    return json({ invitation: await preview(token) })
  }
  const body = await readJson(req)
  const action = body.action === 'decline' ? 'decline' : 'accept'
  const jwt = bearerToken(req)
  const user = await userOf(jwt)
  if (user && typeof body.invitation_id === 'string' && body.token === undefined) {
    if (action === 'decline') throw new FunctionError('invalid_body', 'Decline by id with rolecall.decline_invitation', 400)
    return json({ member: await accept(req, user, { p_invitation: requireString(body, 'invitation_id') }) })
  }
  const token = requireString(body, 'token')
  if (user) {
    return json(action === 'accept'
      ? { member: await accept(req, user, { p_token_hash: await tokenHash(token) }) }
      : { invitation: await decline(jwt, token) })
  }
  if (action === 'decline' || typeof body.password !== 'string') {
    throw new FunctionError('not_signed_in', 'Sign in, or choose a password to create your account', 401)
  }
  return json(await acceptAsNewUser(req, token, body.password), 201)
}))

async function preview(token: string): Promise<InvitationPreview> {
  if (token === '') throw new FunctionError('RC401', 'This invitation link is not valid', 404)
  const { data, error } = await serviceClient().rpc('invitation_by_token', { p_token_hash: await tokenHash(token) })
  if (error) throw fromPostgrest(error)
  if (!data) throw new FunctionError('RC401', 'This invitation link is not valid', 404)
  return data as InvitationPreview
}

/** Accepts as the verified user (by token hash or invitation id); the admins hear who joined. */
async function accept(req: Request, user: User, args: { p_token_hash: string } | { p_invitation: string }) {
  const member = await actAs(req, user, 'accept_invitation_as', args)
  await announce(member.organization_id, member.email, member.role_id)
  return member
}

/** Declines as the signed-in user: no email is promised, so the user's own RPC. */
async function decline(jwt: string, token: string) {
  const { data, error } = await clientAs(jwt).rpc('decline_invitation', { p_token_hash: await tokenHash(token) })
  if (error) throw fromPostgrest(error)
  return data
}

/** The payments-platform flow: the invitee has no account yet and sets a password from the link. */
async function acceptAsNewUser(req: Request, token: string, password: string) {
  if (password.length < minPasswordLength) {
    throw new FunctionError('weak_password', `Choose a password of at least ${minPasswordLength} characters`, 400)
  }
  const invitation = await preview(token)
  if (invitation.status !== 'pending') {
    const codes = { accepted: 'RC404', declined: 'RC404', revoked: 'RC403', expired: 'RC402' } as const
    throw fromPostgrest({ code: codes[invitation.status], message: `This invitation is ${invitation.status}` })
  }
  if (invitation.user_exists) {
    throw new FunctionError('account_exists', 'You already have an account: sign in, then accept the invitation', 409)
  }
  const service = serviceClient()
  const created = await service.auth.admin.createUser({ email: invitation.email, password, email_confirm: true })
  if (created.error || !created.data.user) {
    throw new FunctionError('account_not_created', created.error?.message ?? 'The account could not be created', 400)
  }
  const signIn = await anonClient().auth.signInWithPassword({ email: invitation.email, password })
  if (signIn.error || !signIn.data.session) throw new FunctionError('internal', 'The new account could not sign in', 500)
  try {
    const member = await accept(req, created.data.user, { p_token_hash: await tokenHash(token) })
    return { member, session: signIn.data.session }
  } catch (error) {
    // NOTE: another request used the link first; the account made for it must not linger.
    await service.auth.admin.deleteUser(created.data.user.id)
    throw error
  }
}

async function announce(organizationId: string, email: string, roleId: string): Promise<void> {
  const service = serviceClient()
  const [{ data: org }, { data: role }] = await Promise.all([
    service.from('organizations').select('name').eq('id', organizationId).single(),
    service.from('roles').select('name').eq('id', roleId).single(),
  ])
  await notifyAdmins(service, organizationId, {
    kind: 'invitation_accepted',
    organization: org?.name ?? '',
    member: email,
    role: role?.name ?? '',
  })
}
