/** Small, total IPv4 helpers for the map and the trace (bad input → undefined/false). */

export function ipOf(cidr: string): string {
  return cidr.split('/')[0] ?? cidr;
}

export function ipv4ToInt(ip: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return (
    (((parts[0] as number) << 24) |
      ((parts[1] as number) << 16) |
      ((parts[2] as number) << 8) |
      (parts[3] as number)) >>>
    0
  );
}

export function isIPv4(s: string): boolean {
  return ipv4ToInt(s) !== undefined;
}

/** Prefix length of a CIDR (32 for a bare address), or undefined. */
export function prefixLen(cidr: string): number | undefined {
  const p = cidr.includes('/') ? Number(cidr.split('/')[1]) : 32;
  return Number.isInteger(p) && p >= 0 && p <= 32 ? p : undefined;
}

/** Does `cidr` (or `default`, or a bare address) contain the IPv4 address `ip`? */
export function cidrHas(cidr: string, ip: string): boolean {
  if (cidr === 'default' || cidr === '0.0.0.0/0') return isIPv4(ip);
  const net = ipv4ToInt(ipOf(cidr));
  const addr = ipv4ToInt(ipOf(ip));
  const p = prefixLen(cidr);
  if (net === undefined || addr === undefined || p === undefined) return false;
  if (p === 0) return true;
  const mask = (0xffffffff << (32 - p)) >>> 0;
  return (net & mask) >>> 0 === (addr & mask) >>> 0;
}
