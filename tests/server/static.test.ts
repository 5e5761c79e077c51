import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../server/app.ts'
import { serveStatic } from '../../server/http/static.ts'
import { fixtureOptions, startOn } from './support/server.ts'

// A bundle folder beside a secret, as dist/demo sits beside the project's other files.
const parent = mkdtempSync(join(tmpdir(), 'rolecall-static-'))
const root = join(parent, 'bundle')
mkdirSync(join(root, 'assets'), { recursive: true })
writeFileSync(join(root, 'index.html'), '<!doctype html><title>demo</title>')
writeFileSync(join(root, 'assets', 'app-1a2b.js'), 'export {}')
writeFileSync(join(root, 'assets', 'app-1a2b.css'), 'body{}')
writeFileSync(join(parent, 'secret.txt'), 'do not serve')

describe('serveStatic', () => {
  it.each([
    ['/', 'text/html; charset=utf-8', 'no-cache'],
    ['/index.html', 'text/html; charset=utf-8', 'no-cache'],
    ['/assets/app-1a2b.js', 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable'],
    ['/assets/app-1a2b.css', 'text/css; charset=utf-8', 'public, max-age=31536000, immutable'],
  ])('%s is served as %s', (path, type, cache) => {
    const response = serveStatic(root, path, 'GET', 'not built')
    expect(response.status).toBe(200)
    expect(response.headers['Content-Type']).toBe(type)
    expect(response.headers['Cache-Control']).toBe(cache)
    expect(response.headers['X-Content-Type-Options']).toBe('nosniff')
  })

  it.each([
    '/../secret.txt', '/..%2fsecret.txt', '/%2e%2e%2fsecret.txt', '/assets/..%2f..%2fsecret.txt',
    `/${encodeURIComponent(join(parent, 'secret.txt'))}`, '/..%5csecret.txt', '/index.html%00.js', '/%E0%A4%A', '/missing.js', '/assets',
  ])('%s is a 404 that reveals nothing', (path) => {
    const response = serveStatic(root, path, 'GET', 'not built')
    expect(response.status).toBe(404)
    expect(String(response.body)).not.toContain('do not serve')
  })

  it('answers only GET and HEAD, and says how to build a missing bundle', () => {
    expect(serveStatic(root, '/', 'POST', 'not built').status).toBe(405)
    expect(serveStatic(join(parent, 'nothing'), '/', 'GET', 'run npm run build:demo')).toMatchObject({ status: 404, body: 'run npm run build:demo' })
  })
})

describe('the stack serves /demo/ and /widget/', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await startOn('pglite', fixtureOptions())
  })
  afterAll(() => server.close())

  /** A GET with the path sent exactly as written (fetch would normalize the dots away). */
  function rawGet(path: string): Promise<{ status: number; body: string; location?: string }> {
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, path }, (res) => {
        let body = ''
        res.on('data', (chunk: Buffer) => (body += chunk.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, location: res.headers.location }))
      })
      req.on('error', reject)
      req.end()
    })
  }

  it('redirects /demo to /demo/ so relative assets resolve', async () => {
    expect(await rawGet('/demo')).toMatchObject({ status: 308, location: '/demo/' })
  })

  it.each(['/demo/../package.json', '/demo/..%2f..%2fpackage.json', '/widget/..%2f..%2fpackage.json', '/demo/%2e%2e/%2e%2e/package.json'])(
    '%s does not leave the bundle', async (path) => {
      const response = await rawGet(path)
      expect(response.status).toBe(404)
      expect(response.body).not.toContain('"name": "rolecall"')
    },
  )

  it('serves the accept-invitation page (dist/demo/accept.html) at /accept-invitation, and nothing below it', async () => {
    for (const path of ['/accept-invitation', '/accept-invitation/']) {
      const response = await rawGet(path)
      expect(response.status).toBe(200)
      expect(response.body).toContain('<div id="app"></div>')
      expect(response.body).toMatch(/src="\/demo\/assets\/accept-[\w-]+\.js"/)
    }
    expect((await rawGet('/accept-invitation/../package.json')).status).toBe(404)
    expect((await rawGet('/accept-invitation/index.html')).status).toBe(404)
  })
})
