import { readdir } from 'node:fs/promises'
import { fileURLToPath, pathToFileURL } from 'node:url'

// `npm run bench`: runs every benchmark module in bench/ (each exports `run<Name>Bench()` and writes
// its own bench/results/<name>.json), one after another so they do not disturb each other's timings.
// `npm run bench -- db` runs only bench/db.ts.

const dir = fileURLToPath(new URL('./', import.meta.url))
const only = process.argv.slice(2)

/** Imports each bench module and awaits its run*Bench exports in turn. */
export async function runAll(): Promise<void> {
  const modules = (await readdir(dir))
    .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.endsWith('.d.ts'))
    .filter((f) => only.length === 0 || only.includes(f.replace(/\.ts$/, '')))
    .sort()
  for (const file of modules) {
    const module = (await import(pathToFileURL(`${dir}${file}`).href)) as Record<string, unknown>
    for (const [name, run] of Object.entries(module)) {
      if (/^run\w*Bench$/.test(name) && typeof run === 'function') {
        console.log(`\n== ${file}: ${name}`)
        await (run as () => Promise<unknown>)()
      }
    }
  }
}

await runAll()
