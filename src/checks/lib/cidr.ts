import IPCIDR from 'ip-cidr';

/** IPv4 and CIDR helpers over `ip-cidr`; every function is total (bad input → false/undefined). */

const V4 = /^\d{1,3}(\.\d{1,3}){3}$/;

export function isIPv4(s: string): boolean {
  return V4.test(s) && IPCIDR.isValidAddress(s);
}

export function isCidr(s: string): boolean {
  const [ip, prefix] = s.split('/');
  if (ip === undefined || prefix === undefined || !/^\d{1,3}$/.test(prefix)) return false;
  const p = Number(prefix);
  if (isIPv4(ip)) return p <= 32 && IPCIDR.isValidCIDR(s);
  return ip.includes(':') && p <= 128 && IPCIDR.isValidCIDR(s);
}

/** `10.99.0.5/24` → `10.99.0.0/24`; undefined when not a CIDR. */
export function normalizeCidr(s: string): string | undefined {
  if (!isCidr(s)) return undefined;
  const c = new IPCIDR(s);
  return `${c.start<string>()}/${s.split('/')[1]}`;
}

export function prefixOf(cidr: string): number | undefined {
  const p = cidr.split('/')[1];
  return p === undefined ? undefined : Number(p);
}

/** Same network (start address and prefix), whatever host bits each was written with. */
export function sameCidr(a: string, b: string): boolean {
  const na = normalizeCidr(a);
  return na !== undefined && na === normalizeCidr(b);
}

export function cidrContains(cidr: string, ip: string): boolean {
  if (!isCidr(cidr)) return false;
  const addr = stripPrefix(ip);
  if (!IPCIDR.isValidAddress(addr)) return false;
  return new IPCIDR(cidr).contains(addr);
}

/** `inner` lies entirely inside `outer`. */
export function cidrWithin(inner: string, outer: string): boolean {
  const pi = prefixOf(inner);
  const po = prefixOf(outer);
  if (!isCidr(inner) || !isCidr(outer) || pi === undefined || po === undefined || pi < po)
    return false;
  return cidrContains(outer, new IPCIDR(inner).start<string>());
}

/** `10.0.0.2/24` → `10.0.0.2`. */
export function stripPrefix(ip: string): string {
  return ip.split('/')[0] ?? ip;
}

/** The network address of a host address with prefix: `192.168.1.1/24` → `192.168.1.0`. */
export function networkAddress(cidr: string): string | undefined {
  return isCidr(cidr) ? new IPCIDR(cidr).start<string>() : undefined;
}
