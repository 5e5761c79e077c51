import { writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { applyDatabase } from './db/apply.ts'
import { openPglite } from './db/database.ts'
import { readCatalog } from './types/introspect.ts'
import { renderTypes } from './types/typescript.ts'

/** Where `npm run gen:types` writes the `Database` type the API module imports. */
export const typesFile = fileURLToPath(new URL('../stores/api/database.types.ts', import.meta.url))

/**
 * The supabase-js `Database` type of the `rolecall` schema, read from pg_catalog of a fresh in-memory
 * PGlite with every migration applied (no Docker, no running stack, no seed: types come from the schema only).
 */
export async function generateTypes(schema = 'rolecall'): Promise<string> {
  const db = await openPglite(null)
  try {
    await applyDatabase(db, { seed: false })
    return renderTypes(await readCatalog(db, schema))
  } finally {
    await db.close()
  }
}

// NOTE: run as a script (`npm run gen:types`) it writes the file; imported by the freshness test it does nothing.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeFile(typesFile, await generateTypes())
  console.log(`wrote ${typesFile}`)
}
