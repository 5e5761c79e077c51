import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../../server/app.ts'
import { clientFor } from './support/server.ts'

// The embedded default: PGlite in a data folder, with the real migrations and seed. A restart on the
// same folder keeps every row (auth users included) and applies nothing again.
describe('PGlite data folder across restarts (real schema)', () => {
  let dir: string
  let server: RunningServer | null = null
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rolecall-server-'))
  })
  afterAll(async () => {
    await server?.close()
    await rm(dir, { recursive: true, force: true })
  })

  const start = () => startServer({ port: 0, dataDir: join(dir, 'pglite'), log: false, env: {} })

  it('starts cold: migrations and seed applied; a demo user reads their organization', async () => {
    server = await start()
    expect(server.startup.database.applied.length).toBeGreaterThan(10)
    expect(server.startup.database.seeded).toBe(true)
    const client = clientFor(server, server.config.anonKey, { schema: 'rolecall' })
    const signIn = await client.auth.signInWithPassword({ email: 'admin@paycove.demo', password: 'rolecall-demo' })
    expect(signIn.error).toBeNull()
    const { data } = await client.from('organizations').select('name')
    expect(data).toHaveLength(1)
    const signUp = await clientFor(server).auth.signUp({ email: 'kept@example.test', password: 'secret-123' })
    expect(signUp.error).toBeNull()
    const { error } = await clientFor(server, server.config.anonKey, { schema: 'rolecall', accessToken: signUp.data.session!.access_token })
      .rpc('create_organization', { p_name: 'Kept Ltd', p_template: 'blank' })
    expect(error).toBeNull()
    await server.close()
    server = null
  }, 120_000)

  it('starts warm on the same folder and keeps users and rows', async () => {
    server = await start()
    expect(server.startup.database).toEqual({ applied: [], seeded: false })
    const client = clientFor(server, server.config.anonKey, { schema: 'rolecall' })
    const { error } = await client.auth.signInWithPassword({ email: 'kept@example.test', password: 'secret-123' })
    expect(error).toBeNull()
    const { data } = await client.from('organizations').select('name')
    expect(data).toEqual([{ name: 'Kept Ltd' }])
  }, 60_000)
})
