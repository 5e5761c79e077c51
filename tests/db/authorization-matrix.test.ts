import { useTestDatabase } from '../support/db.ts'
import { buildWorld, loadCatalog, pgMatrixRunner } from '../support/matrix.ts'
import { describeCalls, describeDenySides, describeReads, describeSabotage, describeStructure, describeWrites } from '../support/matrix-suite.ts'

// Issue 3's authorization matrix, built from the schema itself: actors (anon, an outsider, a
// deactivated member, every role of every template's demo organization, each primary member,
// service_role) × every table, view and function of Rolecall's schemas ×
// select / insert / update / delete / truncate / execute. Expectations live in
// tests/support/matrix-expected.ts; an object without an entry there fails by name.

const db = await useTestDatabase()
const runner = pgMatrixRunner(db.pool)
const world = await buildWorld(runner)
const catalog = await loadCatalog(runner)
const ctx = { runner, world, catalog }

describeStructure(ctx)
describeReads(ctx)
describeDenySides(ctx)
describeWrites(ctx)
describeCalls(ctx)
describeSabotage(ctx)
