/** Built by demo/vite.config.ts from supabase/seed.sql and the local stack's keys. */
declare module 'virtual:demo-seed' {
  /** The seed's demo users, in seed order. */
  export const users: { email: string; name: string }[]
  /** The password every demo user shares. */
  export const password: string
  /** The local stack's publishable API key. */
  export const publishableKey: string
}
