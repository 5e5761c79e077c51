// The local stack for the happy-dom component tests, in a process of its own (see ./stack.ts for why), plus
// what a test under happy-dom cannot do itself, asked as JSON lines on stdin: SQL (an expiry moved into the
// past, a second membership) and reading the mailbox (it sends no CORS headers). One JSON line out per line in.
import { createInterface } from 'node:readline'
import { startOn, testRateLimits } from '../../server/support/server.ts'

const server = await startOn('pglite', { port: 0, dataDir: null, log: false, env: {}, auth: { rateLimit: testRateLimits } })
process.stdout.write(`${JSON.stringify({ url: server.url, anonKey: server.config.anonKey })}\n`)
for await (const line of createInterface({ input: process.stdin })) {
  const ask = JSON.parse(line) as { sql: string; params: unknown[] } | { mailTo: string }
  const work = 'mailTo' in ask
    ? fetch(`${server.url}/mailbox/api/messages?to=${encodeURIComponent(ask.mailTo)}`).then((response) => response.json())
    : server.db.query(ask.sql, ask.params).then(() => null)
  const reply = await work.then((value: unknown) => ({ ok: true, value }), (error: Error) => ({ ok: false, error: error.message }))
  process.stdout.write(`${JSON.stringify(reply)}\n`)
}
// stdin ended: the test file finished (or vitest died).
await server.close()
process.exit(0)
