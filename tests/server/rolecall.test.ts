import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../../server/app.ts'
import type { MailMessage } from '../../server/mailbox.ts'
import { useTestDatabase } from '../support/db.ts'
import { clientFor, signedInUser } from './support/server.ts'

// The real Rolecall schema and seed (supabase/migrations, supabase/seed.sql) behind the local stack,
// on the suite's Postgres (a clone of the migrated and seeded template).
const justPaid = 'a0000000-0000-4000-8000-000000000001'
const demoPassword = 'rolecall-demo'

describe('Rolecall through the local stack (Postgres)', () => {
  let server: RunningServer
  beforeAll(async () => {
    const db = await useTestDatabase()
    server = await startServer({ port: 0, databaseUrl: db.url, log: false, env: {} })
  })
  afterAll(async () => server?.close())

  async function signIn(email: string) {
    const client = clientFor(server, server.config.anonKey, { schema: 'rolecall' })
    const { data, error } = await client.auth.signInWithPassword({ email, password: demoPassword })
    expect(error).toBeNull()
    return { client, session: data.session! }
  }

  it('a seeded demo user reads only their own organization', async () => {
    const { client } = await signIn('admin@justpaid.demo')
    const { data, error } = await client.from('organizations').select('id, name')
    expect(error).toBeNull()
    expect(data).toEqual([{ id: justPaid, name: expect.any(String) }])
    const { data: members } = await client.from('members').select('organization_id')
    expect(new Set(members!.map((m) => m.organization_id))).toEqual(new Set([justPaid]))
  })

  it('an outsider sees no organization, and anon is refused', async () => {
    const outsider = await signedInUser(server)
    const { data } = await outsider.client.schema('rolecall').from('organizations').select('id')
    expect(data).toEqual([])
    const anon = await clientFor(server, server.config.anonKey, { schema: 'rolecall' }).from('organizations').select('id')
    expect(anon.error?.code).toBe('42501')
  })

  it('creates an organization through rpc and lists it', async () => {
    const outsider = await signedInUser(server)
    const rolecall = outsider.client.schema('rolecall')
    const { data: id, error } = await rolecall.rpc('create_organization', { p_name: 'Acme', p_template: 'blank' })
    expect(error).toBeNull()
    expect(typeof id).toBe('string')
    const { data } = await rolecall.from('organizations').select('id, name')
    expect(data).toEqual([{ id, name: 'Acme' }])
    const { data: mine } = await rolecall.rpc('my_organizations')
    expect((mine as { id?: string; organization_id?: string }[]).length).toBe(1)
  })

  it('runs the real invite edge function, which emails through the mailbox', async () => {
    const { client } = await signIn('admin@justpaid.demo')
    const { data: role } = await client.from('roles').select('id').eq('organization_id', justPaid).eq('name', 'User').single()
    const email = `invitee-${Date.now()}@example.test`
    const { data, error } = await client.functions.invoke('invite', { body: { organization_id: justPaid, email, role_id: role!.id } })
    expect(error).toBeNull()
    expect(data).toMatchObject({ ok: true, email, email_sent: true })
    const mail = (await (await fetch(`${server.url}/mailbox/api/messages?to=${email}`)).json()) as MailMessage[]
    expect(mail).toHaveLength(1)
    expect(mail[0]!.text).toContain('#token=')
  })
})
