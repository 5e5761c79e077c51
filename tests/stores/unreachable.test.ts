import { createServer } from 'node:net'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { installWebSocketStandIn } from '../../server/functions/host.ts'
import { createRolecallClient } from '../../stores/api/create-client.ts'
import { networkErrorCode } from '../../stores/api/index.ts'
import { useInvitationsStore } from '../../stores/invitations.ts'
import { useOrganizationStore } from '../../stores/organization.ts'
import { useSessionStore } from '../../stores/session.ts'

// NOTE: supabase-js needs a WebSocket constructor to create a client; Node 20 has none (see the stand-in).
installWebSocketStandIn()

/** A local port nothing listens on: taken from the OS, then let go. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

describe('a server that cannot be reached is a `network` refusal, whichever layer asked', async () => {
  const url = `http://127.0.0.1:${await closedPort()}`

  beforeEach(async () => {
    setActivePinia(createPinia())
    // The real supabase-js, aimed at the closed port: every request fails in fetch.
    await useSessionStore().connect(createRolecallClient(url, 'anon-key', { auth: { persistSession: false, autoRefreshToken: false } }))
  })

  it.each([
    ['Auth (sign-in)', () => useSessionStore().signInWithPassword('admin@justpaid.demo', 'rolecall-demo'), () => useSessionStore().error],
    ['PostgREST (the organizations read)', () => useOrganizationStore().load(), () => useOrganizationStore().error],
    ['an edge function (an invitation link\'s preview)', () => useInvitationsStore().loadPreview('a-token'), () => useInvitationsStore().error],
  ])('%s', async (_layer, request, kept) => {
    await expect(request()).rejects.toMatchObject({ code: networkErrorCode, status: 0, messageKey: 'errors.network' })
    expect(kept()).toMatchObject({ code: 'network' })
  })
})
