/**
 * The caller's address as the platform's proxies recorded it: the x-forwarded-for entry appended by
 * the last trusted proxy (ROLECALL_TRUSTED_PROXY_HOPS from the right, default 0 = rightmost), the
 * same rule as rolecall_private.request_ip() in SQL. What a client writes itself stands further left.
 */
export function clientIp(req: Request, trustedHops = Number(Deno.env.get('ROLECALL_TRUSTED_PROXY_HOPS') ?? '0')): string | null {
  const parts = (req.headers.get('x-forwarded-for') ?? '').split(',').map((part) => part.trim()).filter(Boolean)
  const entry = parts[parts.length - 1 - trustedHops]
  return entry && /^[0-9a-fA-F:.]+$/.test(entry) ? entry : null
}
