import type { TestProject } from 'vitest/node'
import { createMigratedDatabase, startPostgres } from './postgres.ts'

/** Name of the database every test file clones (platform SQL + migrations + seed). */
export const templateDatabase = 'rolecall_template'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser connection string of the suite's Postgres server. */
    pgAdminUrl: string
  }
}

/** Starts one Postgres for the whole run and migrates the template database once. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startPostgres()
  await createMigratedDatabase(server, templateDatabase)
  project.provide('pgAdminUrl', server.adminUrl)
  return () => server.stop()
}
