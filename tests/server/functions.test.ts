import { FunctionsHttpError } from '@supabase/supabase-js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../server/app.ts'
import { clientFor, signedInUser, startOn } from './support/server.ts'

describe('/functions/v1, the mailbox and CORS', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await startOn('pglite')
  })
  afterAll(async () => server?.close())

  it('runs a function in-process with the caller JWT, Deno.env and the peer address', async () => {
    const { client, user } = await signedInUser(server)
    const { data, error } = await client.functions.invoke('echo/sub/path?x=1', { body: { hello: 'world' }, headers: { 'X-Forwarded-For': '6.6.6.6' } })
    expect(error).toBeNull()
    expect(data).toMatchObject({
      method: 'POST',
      path: '/echo/sub/path',
      query: { x: '1' },
      body: { hello: 'world' },
      forwardedFor: '127.0.0.1',
      env: { url: server.url, custom: 'from-dotenv' },
      role: 'authenticated',
    })
    expect(user.id).toBeTruthy()
  })

  it('verifies the JWT unless the function opts out (verify_jwt = false)', async () => {
    const missing = await fetch(`${server.url}/functions/v1/echo`, { method: 'POST' })
    expect(missing.status).toBe(401)
    const forged = await fetch(`${server.url}/functions/v1/echo`, { method: 'POST', headers: { Authorization: 'Bearer a.b.c' } })
    expect(forged.status).toBe(401)
    expect(await forged.json()).toEqual({ msg: 'Invalid JWT' })
    const anon = await clientFor(server).functions.invoke('echo', { method: 'GET' })
    expect(anon.data).toMatchObject({ role: 'anon' })
    const open = await fetch(`${server.url}/functions/v1/open-echo`)
    expect(await open.json()).toEqual({ open: true, method: 'GET' })
  })

  it('answers preflight requests through the function, and 404 / 500 / 503 like Supabase', async () => {
    const preflight = await fetch(`${server.url}/functions/v1/echo`, { method: 'OPTIONS', headers: { Origin: 'http://example.test', 'Access-Control-Request-Method': 'POST' } })
    expect(preflight.status).toBe(200)
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*')
    const unknown = await clientFor(server).functions.invoke('nope')
    expect(unknown.error).toBeInstanceOf(FunctionsHttpError)
    expect(await (unknown.error as FunctionsHttpError).context.json()).toEqual({ code: 'NOT_FOUND', message: 'Requested function was not found' })
    const crash = await clientFor(server).functions.invoke('echo?crash=1', { method: 'GET' })
    expect((crash.error as FunctionsHttpError).context.status).toBe(500)
    const broken = await clientFor(server).functions.invoke('broken')
    expect((broken.error as FunctionsHttpError).context.status).toBe(503)
    const shared = await fetch(`${server.url}/functions/v1/_shared`)
    expect(shared.status).toBe(404)
  })

  it('lets functions deliver mail with the service-role key, and shows it in the mailbox', async () => {
    const { data, error } = await clientFor(server).functions.invoke('echo?mail=someone@example.test', { method: 'GET' })
    expect(error).toBeNull()
    expect(data.role).toBe('anon')
    const list = await (await fetch(`${server.url}/mailbox/api/messages?to=someone@example.test`)).json()
    expect(list[0]).toMatchObject({ to: ['someone@example.test'], subject: 'From echo', text: 'hello', html: '<p>hello</p>' })
    const one = await (await fetch(`${server.url}/mailbox/api/messages/${list[0].id}`)).json()
    expect(one.subject).toBe('From echo')
    const page = await (await fetch(`${server.url}/mailbox?id=${list[0].id}`)).text()
    expect(page).toContain('From echo')
    expect(page).toContain('sandbox')
    const refused = await fetch(`${server.url}/mailbox/api/messages`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.config.anonKey}` },
      body: JSON.stringify({ to: 'x@example.test', subject: 'spoof' }),
    })
    expect(refused.status).toBe(401)
    expect((await fetch(`${server.url}/mailbox/api/messages`, { method: 'DELETE' })).status).toBe(204)
    expect(await (await fetch(`${server.url}/mailbox/api/messages`)).json()).toEqual([])
  })

  it('answers CORS preflights for REST and Auth and exposes Content-Range', async () => {
    const preflight = await fetch(`${server.url}/rest/v1/items`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://example.test', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'apikey, prefer' },
    })
    expect(preflight.status).toBe(200)
    expect(preflight.headers.get('access-control-allow-headers')).toBe('apikey, prefer')
    const response = await fetch(`${server.url}/rest/v1/items?select=id`, { headers: { apikey: server.config.anonKey, Origin: 'http://example.test' } })
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(response.headers.get('access-control-expose-headers')).toContain('Content-Range')
  })
})
