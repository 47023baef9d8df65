import type { Topology } from '../lab/topology.js';
import { findContainerRef } from '../observe/container-ref.js';
import type { ContainerFacts, HostFacts, LabFacts } from '../observe/facts.js';
import { type RuleRef } from './firewall.js';
import { t } from '../i18n/index.js';
import { ipOf, isIPv4 } from './ip.js';
import { UserError } from '../errors.js';

/**
 * `dnlab trace <from> <to>[:port][/proto]`, planned from facts alone (pure): the hops a first
 * packet takes, the firewall rules it meets (and which decide), and where it ends: delivered,
 * dropped by a rule or a policy, or no route. The CLI then confirms it with one probe.
 */

export type Proto = 'tcp' | 'udp' | 'icmp';

export type TraceEnd =
  | { kind: 'host'; host: string; ip: string }
  | { kind: 'container'; host: string; container: string; ip?: string }
  | { kind: 'ip'; ip: string };

export interface TraceTarget {
  end: TraceEnd;
  port?: number;
  proto: Proto;
}

export type HopKind =
  | 'iface'
  | 'route'
  | 'rule'
  | 'policy'
  | 'nat'
  | 'bridge'
  | 'veth'
  | 'lan'
  | 'vxlan'
  | 'deliver'
  | 'drop'
  | 'note';

export interface TraceHop {
  kind: HopKind;
  /** The lab host (or `LAN`) where this happens. */
  where: string;
  text: string;
  rule?: RuleRef;
  unsure?: boolean;
}

export interface TracePlan {
  from: TraceEnd;
  to: TraceTarget;
  /** The address and port the probe aims at (before any DNAT). */
  dst: { ip: string; port?: number; proto: Proto };
  hops: TraceHop[];
  verdict: 'delivered' | 'dropped' | 'no-route' | 'unknown';
  /** The hop that decided a drop or a missing route. */
  stop?: TraceHop;
  /** Where the packet ends when delivered: a host or `host:container`. */
  deliveredTo?: string;
  /** Hosts whose rule counters the confirmation reads. */
  hosts: string[];
  /** Rules the plan expects the packet to match, for the confirmation. */
  rules: RuleRef[];
}

export class TraceError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'TraceError';
  }
}

/** A container of a host, by the one naming rule of checks and probes (src/observe/container-ref.ts). */
export function findContainerIn(h: HostFacts, name: string): ContainerFacts | undefined {
  return findContainerRef(h.containers, name);
}

function firstIp(c: ContainerFacts): string | undefined {
  return c.endpoints.find((e) => e.ip)?.ip;
}

/** Which lab host or container owns an address (host links first, then containers). */
export function ownerOf(facts: LabFacts, ip: string, topology?: Topology): TraceEnd | undefined {
  for (const [name, h] of Object.entries(facts.hosts)) {
    const l = h.links.find((x) => x.addresses.some((a) => a.address === ip));
    // Every host has its own docker0 172.17.0.1: a bridge address is not a way to name a host.
    if (l && (l.kind !== 'bridge' || Object.keys(facts.hosts).length === 1))
      return { kind: 'host', host: name, ip };
  }
  const hits: TraceEnd[] = [];
  for (const [name, h] of Object.entries(facts.hosts))
    for (const c of h.containers)
      if (c.endpoints.some((e) => e.ip === ip))
        hits.push({ kind: 'container', host: name, container: c.name, ip });
  if (hits.length === 1) return hits[0];
  const spec = topology?.hosts.find((s) => ipOf(s.lanAddress) === ip);
  if (spec) return { kind: 'host', host: spec.name, ip };
  return undefined;
}

/**
 * Parse `[host:]name[:port][/proto]` or `ip[:port][/proto]`. A name is a lab host, `internet`, or
 * a container (on `defaultHost` first, then on the one host that has it).
 */
export function parseTraceTarget(
  spec: string,
  facts: LabFacts,
  topology?: Topology,
  defaultHost?: string,
): TraceTarget {
  let body = spec.trim();
  let proto: Proto | undefined;
  const slash = /\/(tcp|udp|icmp)$/i.exec(body);
  if (slash) {
    proto = (slash[1] as string).toLowerCase() as Proto;
    body = body.slice(0, slash.index);
  }
  const parts = body.split(':');
  let port: number | undefined;
  if (parts.length > 1 && /^\d+$/.test(parts[parts.length - 1] as string)) {
    port = Number(parts.pop());
    if (port < 1 || port > 65535) throw new TraceError(t('topo.trace.err.portRange', { port }));
  }
  if (port !== undefined && proto === 'icmp')
    throw new TraceError(t('topo.trace.err.icmpPort', { spec }));
  const finalProto: Proto = proto ?? (port !== undefined ? 'tcp' : 'icmp');
  if (finalProto !== 'icmp' && port === undefined)
    throw new TraceError(t('topo.trace.err.needsPort', { proto: finalProto, spec }));
  const hosts = Object.keys(facts.hosts);
  const hostIp = (h: string) => {
    const s = topology?.hosts.find((x) => x.name === h);
    return s
      ? ipOf(s.lanAddress)
      : (facts.hosts[h]?.links
          .find((l) => l.name === 'eth0')
          ?.addresses.find((a) => a.family === 'inet')?.address ?? '');
  };
  const out = (end: TraceEnd): TraceTarget => ({
    end,
    proto: finalProto,
    ...(port !== undefined ? { port } : {}),
  });
  if (parts.length === 2) {
    const [h, name] = parts as [string, string];
    const hf = facts.hosts[h];
    if (!hf) throw new TraceError(t('topo.trace.err.noHost', { host: h, hosts: hosts.join(', ') }));
    const c = findContainerIn(hf, name);
    if (!c) throw new TraceError(t('topo.trace.err.noContainer', { name, host: h }));
    return out({
      kind: 'container',
      host: h,
      container: c.name,
      ...(firstIp(c) ? { ip: firstIp(c) } : {}),
    });
  }
  if (parts.length !== 1) throw new TraceError(t('topo.trace.err.cannotRead', { spec }));
  const name = parts[0] as string;
  if (isIPv4(name)) return out(ownerOf(facts, name, topology) ?? { kind: 'ip', ip: name });
  if (facts.hosts[name]) return out({ kind: 'host', host: name, ip: hostIp(name) });
  if (topology?.internet && name === topology.internet.name)
    return out({ kind: 'host', host: name, ip: ipOf(topology.lan.gateway) });
  const order =
    defaultHost && facts.hosts[defaultHost]
      ? [defaultHost, ...hosts.filter((h) => h !== defaultHost)]
      : hosts;
  const found = order.flatMap((h) => {
    const c = findContainerIn(facts.hosts[h] as HostFacts, name);
    return c ? [{ h, c }] : [];
  });
  const chosen =
    defaultHost && found[0]?.h === defaultHost
      ? found[0]
      : found.length === 1
        ? found[0]
        : undefined;
  if (!chosen) {
    if (found.length > 1)
      throw new TraceError(
        t('topo.trace.err.ambiguous', {
          name,
          hosts: found.map((f) => f.h).join(t('topo.trace.and')),
          example: `${found[0]?.h}:${name}`,
        }),
      );
    throw new TraceError(t('topo.trace.err.unknownName', { name }));
  }
  const ip = firstIp(chosen.c);
  return out({
    kind: 'container',
    host: chosen.h,
    container: chosen.c.name,
    ...(ip ? { ip } : {}),
  });
}

/** `host1:web` / `host1` / `10.0.0.9` for an end. */
export function endName(e: TraceEnd): string {
  return e.kind === 'container' ? `${e.host}:${e.container}` : e.kind === 'host' ? e.host : e.ip;
}
