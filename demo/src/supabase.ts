import { createClient } from '@supabase/supabase-js'
import { publishableKey } from 'virtual:demo-seed'

/**
 * The vendor's own client: same origin as the stack that serves the demo, reading the `example`
 * tables, so every row it shows has passed RLS as the signed-in user.
 */
export const supabase = createClient(window.location.origin, publishableKey, {
  db: { schema: 'example' },
})

/** The signed-in user's organization, as `rolecall.my_organizations` reports it. */
export interface Organization {
  organization_id: string
  name: string
  template: string
  role_name: string
  is_primary: boolean
  blocked: string | null
}

/** A refusal in words a user understands; the server's own message names what is missing. */
export function plainError(error: { code?: string; message: string }): string {
  if (error.code === 'RC103' || error.code === '42501') return `Not allowed. ${error.message}.`
  if (error.code === 'RC102') return 'Your access to this organization is blocked.'
  return error.message
}
