import { existsSync, readFileSync } from 'node:fs'
import { bundleDirs, startServer } from './app.ts'
import { localDefaults } from './config.ts'
import { defaultPaths } from './db/apply.ts'
import { seedPassword } from './db/seed-demo.ts'

/** The demo password seed.sql documents in its header, if any. */
function demoPassword(): string | null {
  return existsSync(defaultPaths.seed) ? seedPassword(readFileSync(defaultPaths.seed, 'utf8')) : null
}

/** Demo accounts from seed.sql, if the schema has them: email, organization and role. */
async function demoUsers(server: Awaited<ReturnType<typeof startServer>>): Promise<string[]> {
  try {
    const { rows } = await server.db.query<{ line: string }>(
      `select format('%-34s %s — %s%s', u.email, o.name, r.name, case when m.is_primary then ' (primary)' else '' end) as line
       from rolecall.members m join auth.users u on u.id = m.user_id join rolecall.organizations o on o.id = m.organization_id
       join rolecall.roles r on r.id = m.role_id order by o.name, r.rank desc nulls last, u.email limit 40`,
    )
    return rows.map((r) => r.line)
  } catch {
    return []
  }
}

const server = await startServer()
const { config } = server
const lines = [
  '',
  `Rolecall local stack ready in ${Math.round(server.startup.ms)} ms (${config.databaseUrl ? 'Postgres from DATABASE_URL' : `PGlite in ${config.dataDir}`})`,
  server.startup.database.applied.length ? `  applied ${server.startup.database.applied.length} migration(s)${server.startup.database.seeded ? ' and seed.sql' : ''}` : '  database up to date',
  '',
  `         API URL: ${server.url}`,
  `        REST URL: ${server.url}/rest/v1`,
  `        Auth URL: ${server.url}/auth/v1`,
  `   Functions URL: ${server.url}/functions/v1/<name>`,
  config.mailbox
    ? `         Mailbox: ${server.url}/mailbox   (JSON: ${server.url}/mailbox/api/messages)`
    : `         Mailbox: off (the stack is not bound to loopback; ROLECALL_MAILBOX=on opens it to anyone who reaches ${config.host})`,
  existsSync(bundleDirs.demo)
    ? `     Demo (Acme): ${server.url}/demo/`
    : '     Demo (Acme): not built; run `npm run build:demo`',
  `      JWT secret: ${config.jwtSecret}`,
  `        anon key: ${config.anonKey}`,
  `service_role key: ${config.serviceRoleKey}`,
  ` publishable key: ${localDefaults.publishableKey}`,
  `      secret key: ${localDefaults.secretKey}`,
]
const demo = await demoUsers(server)
if (demo.length) {
  const password = demoPassword()
  lines.push('', `Demo users${password ? ` (password: ${password})` : ''}:`, ...demo.map((l) => `  ${l}`))
}
console.log(lines.join('\n'))

let stopping = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1)
    stopping = true
    server.close().then(() => process.exit(0), () => process.exit(1))
  })
}
