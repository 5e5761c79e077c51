import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type RunningServer, startServer } from '../server/app.ts'
import { type RequestSettings, runAsRequest, settingsStatement } from '../server/rest/handler.ts'

// The local stack's benchmark (issue 4; not part of `npm test`), on the embedded default (PGlite) with
// the real schema and seed:
//   cold start (fresh data folder) and warm start (existing folder) to ready, each in a fresh process
//   started as `npm start` starts the stack, with its resident memory after start; the warm start runs
//   three times (one process's RSS varies by ±10 MB) and the median counts
//                                                                    goals: warm < 2 s, RSS < 300 MB
//   a filtered select and an rpc through /rest/v1 with a demo user's JWT, against
//     (a) the same SQL run directly on the same database with PGlite's own transaction() and query(),
//         after the statement that sets the same role and claims (what RLS needs),
//     (a') the same two statements through db.batch (one call into PGlite, as the API runs them), and
//     (b) a bare node:http server doing only that batch and JSON, called with fetch
//                                                                    goal: API within 3x of (a)
//   password sign-ins per second (bcrypt cost 10, as Supabase Auth).
// Requests run one at a time: PGlite has one connection, so parallel requests only queue, and
// latency percentiles would measure the queue rather than the API.
// Loopback only, bounded loops. Results go to bench/results/server.json.

const thisFile = fileURLToPath(import.meta.url)
const preload = fileURLToPath(new URL('../server/preload.mjs', import.meta.url))
const warmStarts = 3
const resultsDir = fileURLToPath(new URL('./results/', import.meta.url))
const justPaid = 'a0000000-0000-4000-8000-000000000001'
const demo = { email: 'admin@justpaid.demo', password: 'rolecall-demo' }
const requests = 1500
const warmup = 150
const concurrency = 1
const signIns = 40

const round = (n: number, digits = 3) => Number(n.toFixed(digits))

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

interface Measure {
  reqPerSec: number
  p50Ms: number
  p99Ms: number
}

/** Runs `call` `count` times with `parallel` workers; returns throughput and latency percentiles. */
async function measure(call: () => Promise<unknown>, count = requests, parallel = concurrency): Promise<Measure> {
  for (let i = 0; i < warmup; i++) await call()
  const latencies: number[] = []
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) {
        next++
        const t = performance.now()
        await call()
        latencies.push(performance.now() - t)
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  return { reqPerSec: round(count / seconds, 1), p50Ms: round(percentile(latencies, 50)), p99Ms: round(percentile(latencies, 99)) }
}

/** Child mode: start on the folder, print start time and memory (MB: rss and where V8 sees it), stop. */
async function childStart(dataDir: string): Promise<void> {
  const server = await startServer({ port: 0, dataDir, log: false })
  const { rss, heapTotal, heapUsed, external, arrayBuffers } = process.memoryUsage()
  const mb = (n: number) => round(n / 1024 / 1024, 1)
  console.log(JSON.stringify({
    ms: server.startup.ms,
    rssMb: rss / 1024 / 1024,
    memoryMb: { rss: mb(rss), heapTotal: mb(heapTotal), heapUsed: mb(heapUsed), external: mb(external), arrayBuffers: mb(arrayBuffers) },
    applied: server.startup.database.applied.length,
  }))
  await server.close()
}

interface ChildStart {
  ms: number
  rssMb: number
  memoryMb: Record<string, number>
  applied: number
}

function startInChild(dataDir: string): Promise<ChildStart> {
  return new Promise((resolve, reject) => {
    // NOTE: the same loaders as `npm start` (package.json): server/preload.mjs says why it comes first.
    const child = spawn(process.execPath, ['--import', preload, '--import', 'tsx', thisFile, '--child-start', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
    })
    child.on('error', reject)
    child.on('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? ''
      if (code !== 0 || !line.startsWith('{')) reject(new Error(`start child exited with ${code}: ${out}`))
      else resolve(JSON.parse(line))
    })
  })
}

const selectSql = `select id, user_id, role_id, status, is_primary from rolecall.members where organization_id = $1 and status = 'active'`
const rpcSql = `select rolecall.has_permission(p_org => $1, p_key => $2) as allowed`

const settingsFor = (claims: Record<string, unknown>, method = 'GET', path = '/'): RequestSettings => ({
  searchPath: '"rolecall", "public", "extensions"', role: 'authenticated', claims, method, path, headers: {}, readOnly: true,
})

/** A bare node:http server that does only the request transaction and JSON, the floor for any API. */
async function bareServer(api: RunningServer, claims: Record<string, unknown>): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const rpc = req.url?.startsWith('/rpc')
    const statement = { sql: rpc ? rpcSql : selectSql, params: rpc ? [justPaid, 'bills.approve'] : [justPaid] }
    runAsRequest(api.db, settingsFor(claims, req.method, req.url), statement, (rows) => rows).then(
      (rows) => {
        res.writeHead(200, { 'Content-Type': 'application/json' })
        res.end(JSON.stringify(rpc ? rows[0] : rows))
      },
      () => {
        res.writeHead(500)
        res.end()
      },
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }
}

/** `npm run bench` entry: measures the local stack and writes bench/results/server.json. */
export async function runServerBench(): Promise<Record<string, unknown>> {
  const dir = await mkdtemp(join(tmpdir(), 'rolecall-bench-server-'))
  try {
    const dataDir = join(dir, 'pglite')
    const cold = await startInChild(dataDir)
    const warmRuns: ChildStart[] = []
    for (let i = 0; i < warmStarts; i++) warmRuns.push(await startInChild(dataDir))
    const median = (key: (run: ChildStart) => number) => [...warmRuns].sort((a, b) => key(a) - key(b))[Math.floor(warmRuns.length / 2)]!
    const warm = { ms: median((r) => r.ms).ms, rssMb: median((r) => r.rssMb).rssMb, memoryMb: median((r) => r.rssMb).memoryMb }
    console.log(`cold start ${Math.round(cold.ms)} ms (${cold.applied} migrations + seed), warm start ${Math.round(warm.ms)} ms, RSS after warm start ${Math.round(warm.rssMb)} MB (median of ${warmStarts}: ${warmRuns.map((r) => Math.round(r.rssMb)).join(', ')})`)

    // NOTE: sign-ins per second is a throughput figure; config.toml's per-address limits would cap it at 30.
    const api = await startServer({ port: 0, dataDir, log: false, auth: { rateLimit: { emailSent: 1e6, tokenRefresh: 1e6, signInSignUps: 1e6, tokenVerifications: 1e6 } } })
    try {
      const anonKey = api.config.anonKey
      const signIn = async () => {
        const response = await fetch(`${api.url}/auth/v1/token?grant_type=password`, {
          method: 'POST',
          headers: { apikey: anonKey, 'Content-Type': 'application/json' },
          body: JSON.stringify(demo),
        })
        if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`)
        return (await response.json()) as { access_token: string }
      }
      const { access_token: token } = await signIn()
      const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>
      const headers = { apikey: anonKey, Authorization: `Bearer ${token}`, 'Accept-Profile': 'rolecall', 'Content-Profile': 'rolecall', 'Content-Type': 'application/json' }
      const selectUrl = `${api.url}/rest/v1/members?select=id,user_id,role_id,status,is_primary&organization_id=eq.${justPaid}&status=eq.active`
      const rpcUrl = `${api.url}/rest/v1/rpc/has_permission`
      const rpcBody = JSON.stringify({ p_org: justPaid, p_key: 'bills.approve' })
      const check = async (response: Response) => {
        if (!response.ok) throw new Error(`${response.status} ${await response.text()}`)
        await response.arrayBuffer()
      }
      const rows = (await (await fetch(selectUrl, { headers })).json()) as unknown[]

      const setup = settingsStatement(settingsFor(claims))
      const direct = (sql: string, params: unknown[]) => () =>
        api.db.transaction(async (tx) => {
          await tx.query(setup.sql, setup.params)
          return tx.query(sql, params)
        })
      const batched = (sql: string, params: unknown[]) => () => runAsRequest(api.db, settingsFor(claims), { sql, params }, (rows) => rows)
      const bare = await bareServer(api, claims)
      try {
        const select = {
          api: await measure(async () => check(await fetch(selectUrl, { headers }))),
          directSql: await measure(direct(selectSql, [justPaid]), requests, 1),
          directSqlBatched: await measure(batched(selectSql, [justPaid]), requests, 1),
          bareHttp: await measure(async () => check(await fetch(`${bare.url}/select`))),
        }
        const rpc = {
          api: await measure(async () => check(await fetch(rpcUrl, { method: 'POST', headers, body: rpcBody }))),
          directSql: await measure(direct(rpcSql, [justPaid, 'bills.approve']), requests, 1),
          directSqlBatched: await measure(batched(rpcSql, [justPaid, 'bills.approve']), requests, 1),
          bareHttp: await measure(async () => check(await fetch(`${bare.url}/rpc`))),
        }
        const started = performance.now()
        for (let i = 0; i < signIns; i++) await signIn()
        const signInsPerSec = round(signIns / ((performance.now() - started) / 1000), 1)

        const ratios = (m: typeof select) => ({
          p50VsDirectSql: round(m.api.p50Ms / m.directSql.p50Ms, 2),
          p50VsDirectSqlBatched: round(m.api.p50Ms / m.directSqlBatched.p50Ms, 2),
          p50VsBareHttp: round(m.api.p50Ms / m.bareHttp.p50Ms, 2),
          throughputVsBareHttp: round(m.bareHttp.reqPerSec / m.api.reqPerSec, 2),
        })
        const result = {
          when: new Date().toISOString(),
          node: process.version,
          database: 'PGlite (data folder), real migrations and seed',
          start: {
            coldMs: Math.round(cold.ms),
            warmMs: Math.round(warm.ms),
            rssAfterWarmStartMb: Math.round(warm.rssMb),
            warmRuns: warmRuns.map((r) => ({ ms: Math.round(r.ms), rssMb: Math.round(r.rssMb) })),
            memoryAfterMedianWarmStartMb: warm.memoryMb,
            migrations: cold.applied,
          },
          filteredSelect: { rows: rows.length, ...select, ratios: ratios(select) },
          rpc: { ...rpc, ratios: ratios(rpc) },
          signInsPerSec,
          settings: { requests, warmup, httpConcurrency: concurrency },
          goals: { warmStartUnder2s: warm.ms < 2000, rssUnder300Mb: warm.rssMb < 300, selectWithin3xOfDirectSql: select.api.p50Ms / select.directSql.p50Ms <= 3, rpcWithin3xOfDirectSql: rpc.api.p50Ms / rpc.directSql.p50Ms <= 3 },
        }
        console.log(JSON.stringify(result, null, 2))
        await mkdir(resultsDir, { recursive: true })
        await writeFile(join(resultsDir, 'server.json'), `${JSON.stringify(result, null, 2)}\n`)
        return result
      } finally {
        bare.server.close()
        bare.server.closeAllConnections()
      }
    } finally {
      await api.close()
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

if (process.argv[2] === '--child-start' && process.argv[3]) await childStart(process.argv[3])
