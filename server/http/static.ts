import { existsSync, readFileSync, statSync } from 'node:fs'
import { extname, resolve, sep } from 'node:path'
import type { ApiResponse } from './types.ts'

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
}

function notFound(message: string): ApiResponse {
  return { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: message }
}

/**
 * Answers GET / HEAD of one file below `root` (a built bundle such as dist/demo): `path` is the URL path
 * below the mount point, still percent-encoded. A path that decodes to somewhere outside `root`
 * (`..%2f`, an absolute path, a NUL byte) is a 404 like any missing file, so nothing outside is revealed.
 */
export function serveStatic(root: string, path: string, method: string, missing: string): ApiResponse {
  if (method !== 'GET' && method !== 'HEAD') return { status: 405, headers: { Allow: 'GET, HEAD' }, body: '' }
  if (!existsSync(root)) return notFound(missing)
  let relative: string
  try {
    relative = decodeURIComponent(path)
  } catch {
    return notFound('Not found')
  }
  if (relative.includes('\0')) return notFound('Not found')
  const base = resolve(root)
  let file = resolve(base, `.${relative.startsWith('/') ? '' : '/'}${relative}`)
  if (file !== base && !file.startsWith(base + sep)) return notFound('Not found')
  if (existsSync(file) && statSync(file).isDirectory()) file = resolve(file, 'index.html')
  if (!existsSync(file) || !statSync(file).isFile()) return notFound('Not found')
  return {
    status: 200,
    headers: {
      'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream',
      'X-Content-Type-Options': 'nosniff',
      // NOTE: vite puts a content hash in every asset name, so only the HTML entry must be revalidated.
      'Cache-Control': file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
    },
    body: readFileSync(file),
  }
}
