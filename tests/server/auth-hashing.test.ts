import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../server/app.ts'
import { projectRoot } from '../../server/config.ts'
import { clientFor, fixtureOptions, startOn } from './support/server.ts'

// bcrypt at cost 10 takes tens of milliseconds; done in JavaScript it stalls every other request.
describe('password hashing', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await startOn('postgres', fixtureOptions())
  })
  afterAll(async () => server?.close())

  it('no server module hashes with bcryptjs (on the event loop)', () => {
    const dir = join(projectRoot, 'server')
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'))
    const users = files.filter((f) => /from ['"]bcryptjs['"]/.test(readFileSync(join(dir, f), 'utf8')))
    expect(users).toEqual([])
  })

  it('leaves the event loop mostly idle while sign-ins hash', async () => {
    const address = `${randomUUID().slice(0, 8)}@example.test`
    await clientFor(server).auth.signUp({ email: address, password: 'secret-123' })
    const before = performance.eventLoopUtilization()
    await Promise.all(Array.from({ length: 12 }, () => clientFor(server).auth.signInWithPassword({ email: address, password: 'wrong-password' })))
    const { utilization } = performance.eventLoopUtilization(before)
    // NOTE: in JavaScript the hashes alone keep the loop busy about all the time (utilization near 1).
    expect(utilization).toBeLessThan(0.6)
  })

  it('still verifies $2a$ hashes (pgcrypto\'s, as seed.sql writes them)', async () => {
    const address = `${randomUUID().slice(0, 8)}@example.test`
    await clientFor(server).auth.signUp({ email: address, password: 'secret-123' })
    // A hash of "pw" with the $2a$ prefix pgcrypto's crypt() writes.
    await server.db.query('update auth.users set encrypted_password = $2 where email = $1', [address, '$2a$10$cQrt1uaxryaIMX58Ed24C.ArHh5HjQnaSpINWN8ztIR11vQpHXigG'])
    expect((await clientFor(server).auth.signInWithPassword({ email: address, password: 'pw' })).error).toBeNull()
  })
})
