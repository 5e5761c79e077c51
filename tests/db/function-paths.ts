import { type Actor, serviceRole, type TestDatabase } from '../support/db.ts'

/**
 * User-facing actions an edge function wraps with a promise (re-authentication, emails). Signed-in
 * users cannot call them directly (42501); the function calls `<name>_as` with the service role,
 * acting for the verified user from the user's address.
 */
export const functionWrapped = ['transfer_primary', 'promote_to_admin', 'remove_member', 'accept_invitation'] as const

/** A call as tests write it: who, which rolecall function, named arguments. */
export type Call = [Actor, string, Record<string, unknown>]

/**
 * The call as it reaches the database: unchanged, or for a function-wrapped action by a user, the
 * edge function's service-role `<name>_as` call acting for that user (and their client address).
 */
export function throughFunction([actor, fn, args]: Call): Call {
  if (actor.kind !== 'user' || !(functionWrapped as readonly string[]).includes(fn)) return [actor, fn, args]
  return [serviceRole, `${fn}_as`, { p_actor: actor.id, ...(actor.ip ? { p_client_ip: actor.ip } : {}), ...args }]
}

/**
 * The test database with `rpc` taking the function path for function-wrapped actions (as the widget
 * reaches them, through the edge function); every other call unchanged. Direct-call refusals are
 * tested on the plain database (tests/db/function-wrapped.test.ts).
 */
export function viaFunctions(db: TestDatabase): TestDatabase {
  return {
    ...db,
    rpc: <T>(actor: Actor, fn: string, args: Record<string, unknown> = {}) => db.rpc<T>(...throughFunction([actor, fn, args])),
  }
}
