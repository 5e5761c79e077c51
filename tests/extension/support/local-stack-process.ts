// The stack on npm start's own address (127.0.0.1:54321, the CLI's keys) for the local preset's test, in a
// process of its own (see tests/components/support/stack.ts for why). Prints `started`; when the port is
// taken, `existing` if a Rolecall stack answers there (a developer's npm start), else `foreign`. Stops when
// stdin ends.
import { startServer } from '../../../server/app.ts'
import { testRateLimits } from '../../server/support/server.ts'

const server = await startServer({ host: '127.0.0.1', port: 54321, dataDir: null, log: false, env: {}, auth: { rateLimit: testRateLimits } })
  .catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EADDRINUSE') throw error
    return null
  })
const there = server ? null : await fetch('http://127.0.0.1:54321/').then((response) => response.json(), () => null) as { name?: string } | null
process.stdout.write(`${server ? 'started' : there?.name === 'Rolecall local stack' ? 'existing' : 'foreign'}\n`)
process.stdin.resume()
process.stdin.on('end', () => void (server?.close() ?? Promise.resolve()).finally(() => process.exit(0)))
