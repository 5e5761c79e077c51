import { randomUUID } from 'node:crypto'
import type { SupabaseClient } from '@supabase/supabase-js'
import { afterAll } from 'vitest'
import type { RunningServer } from '../../server/app.ts'
import { clientFor, startOn, testRateLimits } from '../server/support/server.ts'

/** A mail as the local mailbox's JSON API returns it. */
export interface MailboxMessage {
  id: string
  to: string[]
  subject: string
  text: string
  html: string
}

/** What a function answered: status and parsed JSON body. */
export interface FunctionReply<T = any> {
  status: number
  body: T
}

/** The local stack on the real migrations and functions, on a database of its own; closed after the file. */
export async function useStack(): Promise<RunningServer> {
  const server = await startOn('postgres', { port: 0, dataDir: null, log: false, env: {}, seed: false, auth: { rateLimit: testRateLimits } })
  afterAll(() => server.close())
  return server
}

/** A signed-up user: a supabase-js client on the `rolecall` schema with their session. */
export async function signUp(server: RunningServer, email = `${randomUUID().slice(0, 8)}@example.test`, password = 'correct horse battery') {
  const client = clientFor(server, server.config.anonKey, { schema: 'rolecall' })
  const { data, error } = await client.auth.signUp({ email, password })
  if (error || !data.session) throw error ?? new Error('no session after sign-up')
  return { client, session: data.session, userId: data.user!.id, email, password }
}

/** Invokes an edge function with supabase-js and returns its status and JSON, errors included. */
export async function invoke(client: SupabaseClient<any, any>, name: string, body: unknown): Promise<FunctionReply> {
  const { data, error, response } = await client.functions.invoke(name, { body: body as Record<string, unknown> })
  if (!error) return { status: response?.status ?? 200, body: data }
  const context = (error as { context?: Response }).context
  if (!context) throw error
  return { status: context.status, body: await context.json() }
}

/** The messages sent to an address, newest first. */
export async function mailTo(server: RunningServer, address: string): Promise<MailboxMessage[]> {
  const response = await fetch(`${server.url}/mailbox/api/messages?to=${encodeURIComponent(address)}`)
  return (await response.json()) as MailboxMessage[]
}

/** The token in the newest invitation email to the address. */
export async function tokenFromMail(server: RunningServer, address: string): Promise<string> {
  const [latest] = await mailTo(server, address)
  const match = /#token=([A-Za-z0-9_-]+)/.exec(latest?.text ?? '')
  if (!match) throw new Error(`no invitation link in the mail to ${address}`)
  return match[1]!
}

/** An organization created from a template by a freshly signed-up admin, with its role ids by template key. */
export async function organization(server: RunningServer, template: string, options: { language?: 'en' | 'uk' } = {}) {
  const admin = await signUp(server)
  const { data: orgId, error } = await admin.client.rpc('create_organization', {
    p_name: `${template} ${randomUUID().slice(0, 6)}`, p_template: template, ...(options.language ? { p_language: options.language } : {}),
  })
  if (error) throw error
  const { data: roles } = await admin.client.from('roles').select('id, template_key').eq('organization_id', orgId)
  const roleIds = Object.fromEntries((roles ?? []).map((r: { id: string; template_key: string }) => [r.template_key, r.id]))
  return { admin, orgId: orgId as string, roles: roleIds as Record<string, string> }
}

/** Invites a fresh user to the role and accepts, both through the edge functions. */
export async function join(server: RunningServer, org: Awaited<ReturnType<typeof organization>>, roleKey: string) {
  const email = `${roleKey}-${randomUUID().slice(0, 8)}@example.test`
  const sent = await invoke(org.admin.client, 'invite', { organization_id: org.orgId, email, role_id: org.roles[roleKey] })
  if (sent.status !== 201) throw new Error(`invite failed: ${JSON.stringify(sent.body)}`)
  const member = await signUp(server, email)
  const accepted = await invoke(member.client, 'accept-invitation', { token: await tokenFromMail(server, email) })
  if (accepted.status !== 200) throw new Error(`accept failed: ${JSON.stringify(accepted.body)}`)
  return { ...member, memberId: accepted.body.member.id as string }
}
