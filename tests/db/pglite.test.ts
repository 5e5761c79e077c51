import { PGlite } from '@electric-sql/pglite'
import { afterAll, describe, expect, it } from 'vitest'
import { applyDatabase, listMigrations } from '../../server/db/apply.ts'
import { buildWorld, loadCatalog, pgliteMatrixRunner } from '../support/matrix.ts'
import { describeCalls, describeReads, describeStructure } from '../support/matrix-suite.ts'

// PGlite (the embedded default of the local server) must run the same platform SQL, migrations and
// seed as Postgres 17, and enforce the same rules: the structural checks and a sample of the
// authorization matrix run here on one PGlite instance (one connection; cold start ~3.5 s).

const pglite = await PGlite.create()
afterAll(() => pglite.close())
const applied = await applyDatabase({
  exec: (sql) => pglite.exec(sql),
  query: async <T>(sql: string, params?: unknown[]) => ({ rows: (await pglite.query<T>(sql, params)).rows }),
})
const runner = pgliteMatrixRunner(pglite)
const world = await buildWorld(runner)
const catalog = await loadCatalog(runner)
const ctx = { runner, world, catalog }

describe('PGlite applies the database unchanged', () => {
  it('runs the platform SQL, every migration and the seed', async () => {
    expect(applied.applied).toEqual((await listMigrations()).map((m) => m.version))
    expect(applied.seeded).toBe(true)
    const [row] = await runner.sql<{ count: number }>('select count(*)::int as count from rolecall.organizations')
    expect(row?.count).toBeGreaterThanOrEqual(6)
  })
})

describeStructure(ctx)
// The sample: anon, the outsider, the deactivated member, each template's primary and one other
// role of the demo organization, and service_role; every function for anon, the API for the outsider.
describeReads(ctx, {
  readers: (a) => ['anon', 'outsider', 'deactivated', 'primary', 'service_role'].includes(a.kind)
    || (a.kind === 'role' && a.orgId === world.demo.org),
})
describeCalls(ctx, { functions: (f) => f.schema !== 'rolecall_private' || f.name.startsWith('has_') })
