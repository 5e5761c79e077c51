import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll } from 'vitest'

/**
 * An ordinary web site (a product's home page), not Supabase: every path answers 200 with HTML, for the
 * "not a Supabase project" message. Closed after the file.
 * NOTE: it sends CORS headers so that happy-dom's fetch may read it, as the extension may with its host
 * permission.
 */
export async function useOrdinarySite(): Promise<string> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html', 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': '*' })
    response.end('<!doctype html><h1>Acme Finance</h1>')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}
