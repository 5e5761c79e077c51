// The local stack for the happy-dom component tests, in a process of its own: see ./stack.ts for why.
import { startOn, testRateLimits } from '../../server/support/server.ts'

const server = await startOn('pglite', { port: 0, dataDir: null, log: false, env: {}, auth: { rateLimit: testRateLimits } })
process.stdout.write(`${JSON.stringify({ url: server.url, anonKey: server.config.anonKey })}\n`)
// The parent holds stdin open; when it ends (the test file finished, or vitest died), so does the stack.
process.stdin.resume()
process.stdin.on('end', () => void server.close().finally(() => process.exit(0)))
