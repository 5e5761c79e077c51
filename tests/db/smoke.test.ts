import { describe, expect, it } from 'vitest'
import { useTestDatabase } from '../support/db.ts'

const db = await useTestDatabase()

describe('schema', () => {
  it('has RLS on every table of the exposed schemas', async () => {
    const rows = await db.sql<{ table: string }>(
      `select n.nspname || '.' || c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname in ('rolecall', 'example') and c.relkind in ('r', 'p') and not c.relrowsecurity`,
    )
    expect(rows).toEqual([])
  })
})
