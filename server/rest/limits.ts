/**
 * Bounds on what one REST request may ask of the database. PostgREST leaves these to Postgres, but
 * here Postgres may be PGlite: one WASM instance in the server's own thread, where a parser or planner
 * stack overflow leaves the instance broken ("bad buffer ID") and no statement_timeout ever fires
 * (README, "Local stack"). Going over a bound is the client's mistake: 400, never 500 or 503.
 */
export const restLimits = {
  /** Output columns of `select=`, `*` counting as all of the relation's (Postgres stops at 1664). */
  selectColumns: 1000,
  /** Nesting of `or=` / `and=` trees (300 nested `not (…)` already break PGlite) and of embeds. */
  nesting: 32,
  /** Steps of one JSON path (`data->a->b…`), each one more level of parentheses in SQL. */
  jsonPathSteps: 32,
  /** Nesting of arrays and objects in a JSON body: JSON.stringify overflows Node's stack near 10,000. */
  bodyJsonDepth: 64,
}
