/**
 * Whole hours of a Postgres interval as PostgREST returns it (`72:00:00`, `3 days`, `1 day 02:00:00`,
 * `@ 3 days` in other interval styles are not used by Supabase); null when it cannot be read.
 */
export function intervalHours(interval: string | null | undefined): number | null {
  if (!interval) return null
  const days = /(\d+)\s+days?/.exec(interval)
  const time = /(\d+):(\d{2})(?::(\d{2}))?/.exec(interval)
  if (!days && !time) return null
  return Number(days?.[1] ?? 0) * 24 + Number(time?.[1] ?? 0) + Math.round(Number(time?.[2] ?? 0) / 60)
}

/** Hours as an interval `update_organization` takes. */
export function hoursInterval(hours: number): string {
  return `${hours} hours`
}
