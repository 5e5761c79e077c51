import { anonClient, bearerToken, clientAs, serviceClient, userOf } from '../_shared/clients.ts'
import { FunctionError, fromPostgrest, json, readJson, requireString, serve } from '../_shared/http.ts'
import { notifyAdmins } from '../_shared/notify.ts'
import { tokenHash } from '../_shared/token.ts'

/** What the accept page shows about a link. */
interface InvitationPreview {
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

const minPasswordLength = 8

/**
 * The link from the invitation email leads here (through the product's accept page).
 * GET ?token=…  → what the invitation is (organization, role, inviter, expiry, status).
 * POST { token, action: 'accept' | 'decline' } with the invitee signed in → joins (or declines).
 * POST { token, password } without a session → creates the account for the invited email (the link
 *   proves the mailbox), joins, and returns the new session.
 * verify_jwt is off for this function (supabase/config.toml): a new user has no session yet.
 */
Deno.serve(serve(['GET', 'POST'], async (req) => {
  if (req.method === 'GET') {
    const token = new URL(req.url).searchParams.get('token') ?? ''
    return json({ invitation: await preview(token) })
  }
  const body = await readJson(req)
  const token = requireString(body, 'token')
  const action = body.action === 'decline' ? 'decline' : 'accept'
  const jwt = bearerToken(req)
  if (await userOf(jwt)) return json(await answer(jwt, token, action))
  if (action === 'decline' || typeof body.password !== 'string') {
    throw new FunctionError('not_signed_in', 'Sign in, or choose a password to create your account', 401)
  }
  return json(await acceptAsNewUser(token, body.password), 201)
}))

async function preview(token: string): Promise<InvitationPreview> {
  if (token === '') throw new FunctionError('RC401', 'This invitation link is not valid', 404)
  const { data, error } = await serviceClient().rpc('invitation_by_token', { p_token_hash: await tokenHash(token) })
  if (error) throw fromPostgrest(error)
  if (!data) throw new FunctionError('RC401', 'This invitation link is not valid', 404)
  return data as InvitationPreview
}

/** Accepts or declines as the signed-in user; admins hear of an acceptance. */
async function answer(jwt: string, token: string, action: 'accept' | 'decline') {
  const client = clientAs(jwt)
  const fn = action === 'accept' ? 'accept_invitation' : 'decline_invitation'
  const { data, error } = await client.rpc(fn, { p_token_hash: await tokenHash(token) })
  if (error) throw fromPostgrest(error)
  if (action === 'accept') await announce(data.organization_id, data.email, data.role_id)
  return action === 'accept' ? { member: data } : { invitation: data }
}

/** The payments-platform flow: the invitee has no account yet and sets a password from the link. */
async function acceptAsNewUser(token: string, password: string) {
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
    const { member } = await answer(signIn.data.session.access_token, token, 'accept')
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
