import { spawn } from 'node:child_process'
import { dirname, join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { afterAll } from 'vitest'
import { LOCAL_PRESET } from '../../../stores/extension/connection.ts'

/**
 * A Rolecall stack where the options page's local preset points (http://127.0.0.1:54321): started for the
 * file in a child process, or, when that port is taken, the one already there (a developer's `npm start`),
 * provided it is a Rolecall stack. The preset's test only reads from it.
 */
export async function useLocalPresetStack(): Promise<void> {
  const entry = join(dirname(fileURLToPath(import.meta.url)), 'local-stack-process.ts')
  // NOTE: the same loaders as `npm start` (server/preload.mjs says why PGlite loads ahead of tsx: ~45 MB less).
  const preload = join(dirname(fileURLToPath(import.meta.url)), '../../../server/preload.mjs')
  const child = spawn(process.execPath, ['--import', preload, '--import', 'tsx', entry], { stdio: ['pipe', 'pipe', 'inherit'] })
  afterAll(() => child.stdin.end())
  const first = await Promise.race([
    createInterface({ input: child.stdout })[Symbol.asyncIterator]().next(),
    new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`stack exited with ${code}`)))),
  ])
  if (first.value === 'foreign') throw new Error(`${LOCAL_PRESET.url} is taken by something that is not a Rolecall stack`)
}
