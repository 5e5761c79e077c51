import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { generateTypes, typesFile } from '../../server/gen-types.ts'

describe('npm run gen:types', () => {
  it('the committed Database type matches a fresh generation from the migrations', async () => {
    const committed = await readFile(typesFile, 'utf8')
    // NOTE: on failure, run `npm run gen:types` and commit stores/api/database.types.ts.
    expect(await generateTypes()).toBe(committed)
  })
})
