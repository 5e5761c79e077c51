/** A request as the server's handlers see it (the body already read, headers lower-cased). */
export interface ApiRequest {
  method: string
  /** The path below the service prefix, e.g. `/notes` for `/rest/v1/notes`. */
  path: string
  url: URL
  headers: Record<string, string>
  body: Buffer
  /** The TCP peer address of the connection. */
  peer: string
}

/** A response to write. */
export interface ApiResponse {
  status: number
  headers: Record<string, string>
  body?: string | Uint8Array
}

/** A JSON response. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): ApiResponse {
  return { status, headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(body) }
}
