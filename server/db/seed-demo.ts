/** A demo account listed in seed.sql's users block. */
export interface SeedUser {
  email: string
  name: string
}

/** The demo password seed.sql documents in its header (`password \`…\``), if any. */
export function seedPassword(seed: string): string | null {
  return /password `([^`]+)`/.exec(seed)?.[1] ?? null
}

/**
 * The demo accounts of seed.sql's `insert into auth.users` block, in seed order: its `('<uuid>',
 * '<email>', '<name>')` rows. Read from the file so the demo's sign-in picker never drifts from the seed.
 */
export function seedUsers(seed: string): SeedUser[] {
  const block = /insert into auth\.users[\s\S]*?\) as u \(/.exec(seed)?.[0] ?? ''
  return [...block.matchAll(/\('[0-9a-f-]{36}',\s*'([^']+@[^']+)',\s*'([^']*)'\)/g)].map((m) => ({ email: m[1]!, name: m[2]! }))
}
