import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../../server/app.ts'
import { useTestDatabase } from '../support/db.ts'
import { api, clientFor } from './support/server.ts'

// The real Rolecall schema behind the stack: its rules refuse some Auth admin actions, and the refusal
// must reach the caller as a 4xx with Rolecall's code, not as a 500.
const justPaidAdmin = 'b0000000-0000-4000-8000-000000000101'

describe('Auth admin actions refused by Rolecall\'s rules', () => {
  let server: RunningServer
  beforeAll(async () => {
    const db = await useTestDatabase()
    server = await startServer({ port: 0, databaseUrl: db.url, log: false, env: {} })
  })
  afterAll(async () => server?.close())

  it('deleting an organization\'s primary member answers 409 RC201 and keeps the user', async () => {
    const { error } = await clientFor(server, server.config.serviceRoleKey).auth.admin.deleteUser(justPaidAdmin)
    expect(error).toMatchObject({ status: 409, code: 'RC201', message: expect.stringMatching(/primary member.*Transfer primary status first/) })
    // Clients without the API version header get Auth's older body shape, with the same code.
    const old = await api(server, `/auth/v1/admin/users/${justPaidAdmin}`, { method: 'DELETE', token: server.config.serviceRoleKey })
    expect(old.status).toBe(409)
    expect(await old.json()).toMatchObject({ code: 409, error_code: 'RC201', msg: expect.stringContaining('primary member') })
    const { rows } = await server.db.query<{ n: number }>('select count(*)::int as n from auth.users where id = $1', [justPaidAdmin])
    expect(rows[0]!.n).toBe(1)
  })
})
