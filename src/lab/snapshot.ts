import { nsenterArgv } from './netns.js';
import { runOk } from './run.js';
import type { Engine } from './engine.js';

/**
 * A host's observable state in a form that compares equal between two fresh hosts of the same
 * spec: names, kinds, addresses and rules; no ids, counters or random MACs.
 */
export interface HostSnapshot {
  links: string[];
  routes: string[];
  iptables: string[];
  networks: string[];
  containers: string[];
  images: string[];
  volumes: string[];
  swarm: string;
}

interface IpAddrJson {
  ifname: string;
  link_type?: string;
  master?: string;
  flags?: string[];
  addr_info?: { family: string; local: string; prefixlen: number; scope?: string }[];
}

interface IpRouteJson {
  dst: string;
  gateway?: string;
  dev?: string;
  protocol?: string;
  scope?: string;
  type?: string;
}

export function normalizeLinks(addrs: IpAddrJson[]): string[] {
  return addrs
    .map((l) => {
      const v4 = (l.addr_info ?? [])
        .filter((a) => a.family === 'inet')
        .map((a) => `${a.local}/${a.prefixlen}`)
        .sort();
      return [l.ifname, l.master ? `master=${l.master}` : '', ...v4].filter(Boolean).join(' ');
    })
    .sort();
}

export function normalizeRoutes(routes: IpRouteJson[]): string[] {
  return routes
    .map((r) => [r.type && r.type !== 'unicast' ? r.type : '', r.dst, r.gateway ? `via ${r.gateway}` : '', r.dev ? `dev ${r.dev}` : '']
      .filter(Boolean)
      .join(' '))
    .sort();
}

/** iptables-save split into its tables (`*raw` … `COMMIT`), without comments and counters. */
export function iptablesTables(text: string): { name: string; lines: string[] }[] {
  const tables: { name: string; lines: string[] }[] = [];
  for (const line of text.split('\n').filter((l) => l && !l.startsWith('#'))) {
    const l = line.replace(/\s\[\d+:\d+\]$/, '');
    if (l.startsWith('*')) tables.push({ name: l.slice(1), lines: [] });
    tables.at(-1)?.lines.push(l);
  }
  return tables;
}

/**
 * A table with no rules, no chains of its own and every policy ACCEPT filters nothing: it is left
 * once anything used it (Engine 28 uses `raw` for a published port), and counts as absent.
 */
function emptyTable(lines: string[]): boolean {
  return lines.every((l) => l.startsWith('*') || l === 'COMMIT' || /^:\S+ ACCEPT$/.test(l));
}

/** iptables-save without comments, counters and empty tables. */
export function normalizeIptables(text: string): string[] {
  return iptablesTables(text)
    .filter((t) => !emptyTable(t.lines))
    .flatMap((t) => t.lines);
}

/**
 * Input for iptables-restore that brings back `baseline` and also empties the tables it does not
 * have (every built-in chain ACCEPT, no rules, no chains of its own).
 */
export function restoreInput(baseline: string, now: string): string {
  const known = new Set(iptablesTables(baseline).map((t) => t.name));
  const extra = iptablesTables(now)
    .filter((t) => !known.has(t.name))
    .map((t) => [
      `*${t.name}`,
      ...t.lines.filter((l) => /^:\S+ (ACCEPT|DROP)$/.test(l)).map((l) => l.replace(/ \S+$/, ' ACCEPT')),
      'COMMIT',
    ].join('\n'));
  return [baseline.trimEnd(), ...extra, ''].join('\n');
}

export async function snapshotKernel(node: string): Promise<Pick<HostSnapshot, 'links' | 'routes' | 'iptables'>> {
  const [addr, route, ipt] = await Promise.all([
    runOk(nsenterArgv(node, ['ip', '-j', 'addr'])),
    runOk(nsenterArgv(node, ['ip', '-j', 'route'])),
    runOk(nsenterArgv(node, ['iptables-save'])),
  ]);
  return {
    links: normalizeLinks(JSON.parse(addr.stdout) as IpAddrJson[]),
    routes: normalizeRoutes(JSON.parse(route.stdout) as IpRouteJson[]),
    iptables: normalizeIptables(ipt.stdout),
  };
}

export async function snapshotEngine(engine: Engine): Promise<Omit<HostSnapshot, 'links' | 'routes' | 'iptables'>> {
  const [networks, containers, images, volumes, info] = await Promise.all([
    engine.request<{ Name: string; Driver: string; IPAM?: { Config?: { Subnet?: string }[] } }[]>({ path: '/networks' }),
    engine.request<{ Names: string[] }[]>({ path: '/containers/json', query: { all: true } }),
    engine.request<{ RepoTags?: string[] | null }[]>({ path: '/images/json' }),
    engine.request<{ Volumes?: { Name: string }[] | null }>({ path: '/volumes' }),
    engine.request<{ Swarm?: { LocalNodeState?: string } }>({ path: '/info' }),
  ]);
  return {
    networks: networks
      .map((n) => `${n.Name} ${n.Driver} ${(n.IPAM?.Config ?? []).map((c) => c.Subnet ?? '').join(',')}`.trim())
      .sort(),
    containers: containers.flatMap((c) => c.Names).sort(),
    images: images.flatMap((i) => i.RepoTags ?? []).sort(),
    volumes: (volumes.Volumes ?? []).map((v) => v.Name).sort(),
    swarm: info.Swarm?.LocalNodeState ?? 'inactive',
  };
}

export async function snapshotHost(node: string, engine: Engine): Promise<HostSnapshot> {
  const [kernel, eng] = await Promise.all([snapshotKernel(node), snapshotEngine(engine)]);
  return { ...kernel, ...eng };
}

/** Lines that differ between two snapshots, as `field: -seen/+expected` for messages and tests. */
export function diffSnapshots(expected: HostSnapshot, seen: HostSnapshot): string[] {
  const out: string[] = [];
  for (const key of Object.keys(expected) as (keyof HostSnapshot)[]) {
    const e = expected[key];
    const s = seen[key];
    const el = Array.isArray(e) ? e : [e];
    const sl = Array.isArray(s) ? s : [s];
    const before = out.length;
    for (const line of sl) if (!el.includes(line)) out.push(`${key}: extra ${line}`);
    for (const line of el) if (!sl.includes(line)) out.push(`${key}: missing ${line}`);
    if (out.length === before && el.join('\n') !== sl.join('\n')) out.push(`${key}: order differs`);
  }
  return out;
}
