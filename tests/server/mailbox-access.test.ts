import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../server/app.ts'
import { loadConfig } from '../../server/config.ts'
import type { MailMessage } from '../../server/mailbox.ts'
import { clientFor, fixtureOptions, startOn } from './support/server.ts'

// Whoever reads /mailbox can sign in as anyone (recover, then the link): only this machine may read it,
// unless ROLECALL_MAILBOX turns it on for a stack bound to another address.
describe('when /mailbox answers', () => {
  it.each([
    ['127.0.0.1', undefined, true],
    ['127.1.2.3', undefined, true],
    ['::1', undefined, true],
    ['localhost', undefined, true],
    ['0.0.0.0', undefined, false],
    ['::', undefined, false],
    ['192.168.1.20', undefined, false],
    ['0.0.0.0', '1', true],
    ['0.0.0.0', 'on', true],
    ['127.0.0.1', 'off', false],
  ])('host %s with ROLECALL_MAILBOX=%s: %s', (host, value, on) => {
    expect(loadConfig({}, { ROLECALL_HOST: host, ROLECALL_MAILBOX: value }).mailbox).toBe(on)
    expect(loadConfig({ host }, { ROLECALL_MAILBOX: value }).mailbox).toBe(on)
  })
})

describe('a stack bound to every address', () => {
  let open: RunningServer
  let enabled: RunningServer
  beforeAll(async () => {
    open = await startOn('postgres', fixtureOptions({ host: '0.0.0.0' }))
    enabled = await startOn('postgres', fixtureOptions({ host: '0.0.0.0', env: { ROLECALL_MAILBOX: '1' } }))
  })
  afterAll(async () => {
    await open?.close()
    await enabled?.close()
  })

  it('refuses every mailbox request with 403 and says how to turn it on', async () => {
    expect(open.config.mailbox).toBe(false)
    await clientFor(open).auth.resetPasswordForEmail('someone@example.test')
    for (const [path, method] of [['/mailbox', 'GET'], ['/mailbox/api/messages', 'GET'], ['/mailbox/api/messages', 'DELETE'], ['/mailbox/api/messages', 'POST']]) {
      const response = await fetch(`${open.url}${path}`, { method, headers: { Authorization: `Bearer ${open.config.serviceRoleKey}` } })
      expect(response.status).toBe(403)
      expect((await response.json()).message).toContain('ROLECALL_MAILBOX=1')
    }
  })

  it('serves it when ROLECALL_MAILBOX=1', async () => {
    expect(enabled.config.mailbox).toBe(true)
    expect((await fetch(`${enabled.url}/mailbox/api/messages`)).status).toBe(200)
  })
})

describe('mail headers', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await startOn('postgres', fixtureOptions({ env: { MAIL_FROM: 'Rolecall\r\nBcc: spy@x.io <no-reply@rolecall.local>' } }))
  })
  afterAll(async () => server?.close())

  it('never carry control characters: subjects and names from callers or settings', async () => {
    const sent = await fetch(`${server.url}/mailbox/api/messages`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.config.serviceRoleKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ from: 'Acme\r\nBcc: spy@x.io <a@acme.test>', to: 'b@acme.test', subject: 'Join Acme\r\nBcc: spy@x.io\u0000', text: 'hi' }),
    })
    const { id } = (await sent.json()) as { id: string }
    const stored = (await (await fetch(`${server.url}/mailbox/api/messages/${id}`)).json()) as MailMessage
    expect(stored).toMatchObject({ from: 'Acme Bcc: spy@x.io <a@acme.test>', subject: 'Join Acme Bcc: spy@x.io' })
    await clientFor(server).auth.signInWithOtp({ email: 'c@acme.test' })
    const [authMail] = (await (await fetch(`${server.url}/mailbox/api/messages?to=c@acme.test`)).json()) as MailMessage[]
    expect(authMail!.from).toBe('Rolecall Bcc: spy@x.io <no-reply@rolecall.local>')
  })
})
