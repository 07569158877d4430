// The `--trust-proxy` flag of `shifan serve`, parsed before anything heavy loads (no imports).

/**
 * `--trust-proxy VALUE` (or SHIFAN_TRUST_PROXY): `true` believes any X-Forwarded-For (only when nothing but the
 * proxy can reach the server), a number the hops to count back, otherwise a comma-separated list of proxy
 * addresses or CIDR ranges (`127.0.0.1`, `10.0.0.0/8`, `loopback`). Without it the client address is the TCP peer.
 */
export function parseTrustProxy(value: string | undefined): boolean | number | string[] | undefined {
  if (value === undefined || value.trim() === '' || value === 'false') return undefined;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  const list = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const item of list) {
    if (!/^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)$/.test(item)) {
      throw new Error(`--trust-proxy: "${item}" is not an address, a CIDR range, loopback, linklocal or uniquelocal`);
    }
  }
  return list;
}
