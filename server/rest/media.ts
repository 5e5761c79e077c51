import { RestError } from './errors.ts'

/** PostgREST's media type for a single object instead of an array. */
export const objectMediaType = 'application/vnd.pgrst.object+json'

/** What the Accept header asks for: one object instead of an array, and whether to strip nulls. */
export interface Media {
  object: boolean
  stripNulls: boolean
}

/** Reads the Accept header as PostgREST does; 406 when nothing acceptable is on offer. */
export function negotiate(accept: string | undefined): Media {
  if (!accept) return { object: false, stripNulls: false }
  for (const raw of accept.split(',')) {
    const [type = '', ...params] = raw.split(';').map((s) => s.trim().toLowerCase())
    const stripNulls = params.includes('nulls=stripped')
    if (type === objectMediaType) return { object: true, stripNulls }
    if (type === 'application/vnd.pgrst.array+json' || type === 'application/json' || type === '*/*' || type === 'application/*') {
      return { object: false, stripNulls }
    }
  }
  throw new RestError(406, 'PGRST107', `None of these media types are available: ${accept}`)
}
