import type { Topology } from '../lab/topology.js';
import { findContainerRef } from '../observe/container-ref.js';
import type {
  ContainerFacts,
  HostFacts,
  LabFacts,
  LinkFacts,
  RouteFacts,
} from '../observe/facts.js';
import {
  RuleSet,
  walkHook,
  type Hook,
  type Packet,
  type ChainType,
  type RuleHit,
  type RuleRef,
  type WalkResult,
} from './firewall.js';
import { t } from '../i18n/index.js';
import { cidrHas, ipOf, isIPv4, prefixLen } from './ip.js';
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

/** Longest-prefix route for an address (unicast routes and unreachable/blackhole/prohibit). */
export function routeFor(routes: RouteFacts[], ip: string): RouteFacts | undefined {
  let best: RouteFacts | undefined;
  let bestLen = -1;
  for (const r of routes) {
    if (r.type === 'local' || r.type === 'broadcast') continue;
    if (!cidrHas(r.dst, ip)) continue;
    const len = r.dst === 'default' ? 0 : (prefixLen(r.dst) ?? 0);
    if (len > bestLen || (len === bestLen && (r.metric ?? 0) < (best?.metric ?? 0))) {
      best = r;
      bestLen = len;
    }
  }
  return best;
}

function ipv4Of(l: LinkFacts | undefined): string | undefined {
  return l?.addresses.find((a) => a.family === 'inet')?.address;
}

function ruleWords(hit: RuleHit): string {
  const r = hit.rule;
  const target = r.target ?? '';
  if (target === 'DNAT') return t('topo.trace.hop.dnat', { to: r.toDestination ?? '?' });
  if (target === 'SNAT') return t('topo.trace.hop.snat', { to: r.toSource ?? '?' });
  return target || t('topo.trace.hop.match');
}

interface Ctx {
  facts: LabFacts;
  topology: Topology | undefined;
  hops: TraceHop[];
  rules: RuleRef[];
  hosts: Set<string>;
}

type Outcome = { verdict: TracePlan['verdict']; stop?: TraceHop; deliveredTo?: string };

function hop(ctx: Ctx, h: TraceHop): TraceHop {
  ctx.hops.push(h);
  return h;
}

/** Record the rules a walk met; return the drop hop when the walk dropped the packet. */
function recordWalk(ctx: Ctx, where: string, label: string, w: WalkResult): TraceHop | undefined {
  if (w.hits.length === 0 && w.verdict === 'accept') return undefined;
  for (const hit of w.hits) {
    ctx.rules.push(hit.ref);
    const target = hit.rule.target ?? '';
    const kind: HopKind =
      target === 'DNAT' || target === 'SNAT' || target === 'MASQUERADE'
        ? 'nat'
        : target === 'DROP' || target === 'REJECT'
          ? 'drop'
          : 'rule';
    hop(ctx, {
      kind,
      where,
      text: `${hit.ref.table} ${hit.ref.chain} → ${ruleWords(hit)}`,
      rule: hit.ref,
      ...(hit.unsure ? { unsure: true } : {}),
    });
  }
  if (w.verdict === 'drop') {
    if (w.policy)
      return hop(ctx, {
        kind: 'drop',
        where,
        text: t('topo.trace.hop.policy', {
          label,
          table: w.policy.table,
          chain: w.policy.chain,
          policy: w.policy.policy,
        }),
      });
    return ctx.hops[ctx.hops.length - 1];
  }
  return undefined;
}

/** The container (and its interface) owning an address on a host. */
function containerWithIp(
  h: HostFacts,
  ip: string,
): { c: ContainerFacts; link?: LinkFacts } | undefined {
  for (const c of h.containers) {
    if (!c.endpoints.some((e) => e.ip === ip)) continue;
    const link = c.links?.find((l) => l.addresses.some((a) => a.address === ip));
    return { c, ...(link ? { link } : {}) };
  }
  return undefined;
}

/** The host-side veth whose peer is this container link. */
function hostVethOf(h: HostFacts, link: LinkFacts | undefined): LinkFacts | undefined {
  if (!link || link.kind !== 'veth' || link.peerIfindex === undefined) return undefined;
  const v = h.links.find((l) => l.ifindex === link.peerIfindex && l.kind === 'veth');
  return v && (v.peerIfindex === undefined || v.peerIfindex === link.ifindex) ? v : undefined;
}

/** Deliver from a host's bridge to the container behind it. */
function deliverOnBridge(ctx: Ctx, h: HostFacts, bridge: string, p: Packet): Outcome {
  const target = containerWithIp(h, p.dst);
  const veth = hostVethOf(h, target?.link);
  if (!target || !veth || veth.master !== bridge) {
    const stop = hop(ctx, {
      kind: 'drop',
      where: h.host,
      text: t('topo.trace.hop.noAnswer', { dst: p.dst, bridge }),
    });
    return { verdict: 'dropped', stop };
  }
  hop(ctx, { kind: 'bridge', where: h.host, text: bridge });
  hop(ctx, {
    kind: 'veth',
    where: h.host,
    text: `${veth.name} → ${target.c.name} ${target.link?.name ?? 'eth0'}`,
  });
  if (!target.c.running) {
    const stop = hop(ctx, {
      kind: 'drop',
      where: h.host,
      text: t('topo.trace.hop.notRunning', { name: target.c.name }),
    });
    return { verdict: 'dropped', stop };
  }
  hop(ctx, {
    kind: 'deliver',
    where: `${h.host}:${target.c.name}`,
    text: `${target.c.name} ${target.link?.name ?? 'eth0'} ${p.dst}${p.dport ? `:${p.dport}` : ''}`,
  });
  return { verdict: 'delivered', deliveredTo: `${h.host}:${target.c.name}` };
}

function walk(
  ctx: Ctx,
  h: HostFacts,
  hook: Hook,
  type: ChainType,
  p: Packet,
  label: string,
  masq?: string,
) {
  const rs = new RuleSet(h);
  const w = walkHook(rs, hook, type, p, masq ? { masqueradeAs: masq } : {});
  const drop = recordWalk(ctx, h.host, label, w);
  return { w, drop };
}

/** A packet inside host `h`'s own stack: from its own programs (`inIface` undefined) or arriving on `inIface`. */
function inHost(ctx: Ctx, h: HostFacts, packet: Packet, depth: number): Outcome {
  ctx.hosts.add(h.host);
  let p = packet;
  const arriving = p.inIface !== undefined;
  const rs = new RuleSet(h);
  // Bridged traffic between two ports of one bridge (container to container on one network).
  if (arriving) {
    // Docker 28+: raw PREROUTING drops packets for a container address that come in elsewhere.
    const raw = walk(ctx, h, 'prerouting', 'raw', p, 'raw PREROUTING');
    if (raw.drop) return { verdict: 'dropped', stop: raw.drop };
    const pre = walk(ctx, h, 'prerouting', 'nat', p, 'nat PREROUTING');
    if (pre.drop) return { verdict: 'dropped', stop: pre.drop };
    if (pre.w.packet.dst !== p.dst || pre.w.packet.dport !== p.dport)
      p = {
        ...p,
        dst: pre.w.packet.dst,
        ...(pre.w.packet.dport !== undefined ? { dport: pre.w.packet.dport } : {}),
      };
  } else {
    const out = walk(ctx, h, 'output', 'nat', p, 'nat OUTPUT');
    if (out.drop) return { verdict: 'dropped', stop: out.drop };
    p = {
      ...p,
      dst: out.w.packet.dst,
      ...(out.w.packet.dport !== undefined ? { dport: out.w.packet.dport } : {}),
    };
  }
  // Local delivery.
  if (rs.local.has(p.dst) || p.dst.startsWith('127.')) {
    if (arriving) {
      const inp = walk(ctx, h, 'input', 'filter', p, 'filter INPUT');
      if (inp.drop) return { verdict: 'dropped', stop: inp.drop };
    }
    hop(ctx, {
      kind: 'deliver',
      where: h.host,
      text: t('topo.trace.hop.hostItself', {
        name: h.host,
        dst: `${p.dst}${p.dport ? `:${p.dport}` : ''}`,
      }),
    });
    return { verdict: 'delivered', deliveredTo: h.host };
  }
  const route = routeFor(h.routes, p.dst);
  if (!route || (route.type && route.type !== 'unicast')) {
    const stop = hop(ctx, {
      kind: 'drop',
      where: h.host,
      text: route
        ? t('topo.trace.hop.routeType', { dst: route.dst, type: route.type })
        : t('topo.trace.hop.noRoute', { dst: p.dst }),
    });
    return { verdict: 'no-route', stop };
  }
  const dev = route.dev;
  hop(ctx, {
    kind: 'route',
    where: h.host,
    text: `route ${route.dst}${route.gateway ? ` via ${route.gateway}` : ''} dev ${dev ?? '?'}`,
  });
  p = { ...p, ...(dev ? { outIface: dev } : {}) };
  if (!arriving && !p.src)
    p = { ...p, src: route.prefsrc ?? ipv4Of(h.links.find((l) => l.name === dev)) ?? '' };
  if (arriving) {
    const fwd = walk(ctx, h, 'forward', 'filter', p, 'filter FORWARD');
    if (fwd.drop) return { verdict: 'dropped', stop: fwd.drop };
  } else {
    const out = walk(ctx, h, 'output', 'filter', p, 'filter OUTPUT');
    if (out.drop) return { verdict: 'dropped', stop: out.drop };
  }
  const outLink = h.links.find((l) => l.name === dev);
  const post = walk(ctx, h, 'postrouting', 'nat', p, 'nat POSTROUTING', ipv4Of(outLink));
  if (post.drop) return { verdict: 'dropped', stop: post.drop };
  p = { ...p, src: post.w.packet.src };
  if (outLink?.kind === 'bridge') return deliverOnBridge(ctx, h, outLink.name, p);
  // Out on another link: the LAN uplink (or a learner's link).
  hop(ctx, { kind: 'iface', where: h.host, text: `${dev ?? '?'} (src ${p.src})` });
  return onLan(ctx, p, route.gateway ?? p.dst, depth, h.host);
}

/** On the LAN: the next hop is a lab host, the internet namespace, or a macvlan container. */
function onLan(ctx: Ctx, p: Packet, nextHop: string, depth: number, fromHost: string): Outcome {
  const topo = ctx.topology;
  hop(ctx, {
    kind: 'lan',
    where: 'LAN',
    text: t('topo.trace.hop.lan', { bridge: 'br0', next: nextHop }),
  });
  if (depth > 4) return { verdict: 'unknown' };
  for (const [name, h] of Object.entries(ctx.facts.hosts)) {
    if (name === fromHost) continue;
    const uplink = h.links.find((l) => l.addresses.some((a) => a.address === nextHop));
    if (uplink) {
      hop(ctx, { kind: 'iface', where: name, text: `${name} ${uplink.name} ${nextHop}` });
      return inHost(ctx, h, { ...p, inIface: uplink.name }, depth + 1);
    }
    // A macvlan child of the host's uplink, in a container.
    for (const c of h.containers) {
      const l = c.links?.find(
        (x) =>
          (x.kind === 'macvlan' || x.kind === 'ipvlan') &&
          x.addresses.some((a) => a.address === nextHop),
      );
      if (l && nextHop === p.dst) {
        hop(ctx, {
          kind: 'deliver',
          where: `${name}:${c.name}`,
          text: t('topo.trace.hop.macvlanDeliver', {
            name: c.name,
            link: l.name,
            dst: p.dst,
            kind: l.kind,
            host: name,
          }),
        });
        return { verdict: 'delivered', deliveredTo: `${name}:${c.name}` };
      }
    }
  }
  if (topo?.internet && nextHop === ipOf(topo.lan.gateway)) {
    const inet = topo.internet;
    if (p.dst === ipOf(inet.publicAddress) || p.dst === nextHop) {
      hop(ctx, { kind: 'deliver', where: inet.name, text: `${inet.name} ${p.dst}` });
      return { verdict: 'delivered', deliveredTo: inet.name };
    }
    const owner = ownerOf(ctx.facts, p.dst, topo);
    const why =
      owner?.kind === 'container'
        ? t('topo.trace.hop.containerAddress', {
            dst: p.dst,
            container: owner.container,
            host: owner.host,
            router: inet.name,
          })
        : t('topo.trace.hop.routerNoRoute', { router: inet.name, dst: p.dst });
    const stop = hop(ctx, { kind: 'drop', where: inet.name, text: why });
    return { verdict: 'no-route', stop };
  }
  const stop = hop(ctx, {
    kind: 'drop',
    where: 'LAN',
    text: t('topo.trace.hop.lanNoAnswer', { next: nextHop }),
  });
  return { verdict: 'no-route', stop };
}

/** From a container: its own route, its interface, the veth to its bridge, then the host. */
function fromContainer(ctx: Ctx, h: HostFacts, c: ContainerFacts, p0: Packet): Outcome {
  if (!c.running) {
    const stop = hop(ctx, {
      kind: 'drop',
      where: h.host,
      text: t('topo.trace.hop.notRunning', { name: c.name }),
    });
    return { verdict: 'unknown', stop };
  }
  if (c.networkMode === 'host') {
    hop(ctx, {
      kind: 'note',
      where: h.host,
      text: t('topo.trace.hop.hostNetwork', { name: c.name, host: h.host }),
    });
    return inHost(ctx, h, p0, 0);
  }
  const routes = c.routes ?? [];
  const route = routeFor(routes, p0.dst);
  if (!route || (route.type && route.type !== 'unicast')) {
    const stop = hop(ctx, {
      kind: 'drop',
      where: `${h.host}:${c.name}`,
      text: t('topo.trace.hop.containerNoRoute', { name: c.name, dst: p0.dst }),
    });
    return { verdict: 'no-route', stop };
  }
  const link = c.links?.find((l) => l.name === route.dev);
  const src = route.prefsrc ?? ipv4Of(link) ?? '';
  let p: Packet = { ...p0, src };
  hop(ctx, {
    kind: 'iface',
    where: `${h.host}:${c.name}`,
    text: t('topo.trace.hop.containerRoute', {
      name: c.name,
      dev: route.dev ?? '?',
      src,
      route: `${route.dst}${route.gateway ? ` via ${route.gateway}` : ''}`,
    }),
  });
  // Same container.
  if (
    c.links?.some((l) => l.addresses.some((a) => a.address === p.dst)) ||
    p.dst.startsWith('127.')
  ) {
    hop(ctx, {
      kind: 'deliver',
      where: `${h.host}:${c.name}`,
      text: t('topo.trace.hop.itself', { name: c.name }),
    });
    return { verdict: 'delivered', deliveredTo: `${h.host}:${c.name}` };
  }
  if (link && (link.kind === 'macvlan' || link.kind === 'ipvlan')) {
    hop(ctx, {
      kind: 'note',
      where: h.host,
      text: t('topo.trace.hop.skipsFirewall', {
        kind: link.kind,
        host: h.host,
        parent: link.parent ?? t('topo.trace.hop.uplink'),
      }),
    });
    return onLan(ctx, p, route.gateway ?? p.dst, 1, '');
  }
  const veth = hostVethOf(h, link);
  if (!veth) {
    // An overlay: the interface's peer lives in the overlay's own namespace.
    const ep = c.endpoints.find((e) => e.ip === src);
    const net = ep ? h.networks.find((n) => n.name === ep.network) : undefined;
    if (net?.driver === 'overlay') {
      const owner = ownerOf(ctx.facts, p.dst, ctx.topology);
      if (owner?.kind === 'container' && net.subnets.some((s) => cidrHas(s.subnet, p.dst))) {
        const vni = net.options['com.docker.network.driver.overlay.vxlanid_list'];
        hop(ctx, {
          kind: 'vxlan',
          where: h.host,
          text: t('topo.trace.hop.overlay', {
            net: `${net.name}${vni ? ` VNI ${vni}` : ''}`,
            from: h.host,
            to: owner.host,
          }),
        });
        hop(ctx, {
          kind: 'deliver',
          where: `${owner.host}:${owner.container}`,
          text: `${owner.container} ${p.dst}`,
        });
        return { verdict: 'delivered', deliveredTo: `${owner.host}:${owner.container}` };
      }
    }
    const stop = hop(ctx, {
      kind: 'note',
      where: h.host,
      text: t('topo.trace.hop.unseen', { name: c.name, dev: route.dev ?? '?' }),
    });
    return { verdict: 'unknown', stop };
  }
  const bridge = veth.master;
  hop(ctx, { kind: 'veth', where: h.host, text: `${veth.name}${bridge ? ` → ${bridge}` : ''}` });
  if (!bridge) return inHost(ctx, h, { ...p, inIface: veth.name }, 0);
  // On-link destination: bridged between two ports of the bridge (br_netfilter runs FORWARD).
  if (
    !route.gateway &&
    link &&
    link.addresses.some((a) => a.family === 'inet' && cidrHas(`${a.address}/${a.prefixLen}`, p.dst))
  ) {
    ctx.hosts.add(h.host);
    if (h.engine.bridgeNfIptables !== false) {
      p = { ...p, inIface: bridge, outIface: bridge };
      const pre = walk(ctx, h, 'prerouting', 'nat', p, 'nat PREROUTING');
      if (pre.drop) return { verdict: 'dropped', stop: pre.drop };
      const fwd = walk(ctx, h, 'forward', 'filter', p, 'filter FORWARD');
      if (fwd.drop) return { verdict: 'dropped', stop: fwd.drop };
    }
    return deliverOnBridge(ctx, h, bridge, p);
  }
  return inHost(ctx, h, { ...p, inIface: bridge }, 0);
}

/** Plan the path of one first packet from `from` to `to` (see TracePlan). Pure. */
export function planTrace(
  facts: LabFacts,
  from: TraceEnd,
  to: TraceTarget,
  topology?: Topology,
): TracePlan {
  const ctx: Ctx = { facts, topology, hops: [], rules: [], hosts: new Set() };
  const dstIp = to.end.kind === 'container' ? to.end.ip : to.end.ip;
  if (!dstIp)
    throw new TraceError(
      t('topo.trace.err.noIp', { name: to.end.kind === 'container' ? to.end.container : '?' }),
    );
  const dst = { ip: dstIp, proto: to.proto, ...(to.port !== undefined ? { port: to.port } : {}) };
  const p: Packet = {
    proto: to.proto,
    src: '',
    dst: dstIp,
    ...(to.port !== undefined ? { dport: to.port } : {}),
  };
  let out: Outcome;
  if (from.kind === 'container') {
    const h = facts.hosts[from.host];
    const c = h ? findContainerIn(h, from.container) : undefined;
    if (!h || !c)
      throw new TraceError(
        t('topo.trace.err.noContainer', { name: from.container, host: from.host }),
      );
    out = fromContainer(ctx, h, c, p);
  } else if (from.kind === 'host' && facts.hosts[from.host]) {
    out = inHost(ctx, facts.hosts[from.host] as HostFacts, { ...p, src: '' }, 0);
  } else if (from.kind === 'host' && topology?.internet && from.host === topology.internet.name) {
    hop(ctx, { kind: 'iface', where: from.host, text: `${from.host} eth0 ${from.ip}` });
    out = onLan(ctx, { ...p, src: from.ip }, dstIp, 1, '');
  } else {
    throw new TraceError(t('topo.trace.err.badStart'));
  }
  const plan: TracePlan = {
    from,
    to,
    dst,
    hops: ctx.hops,
    verdict: out.verdict,
    hosts: [...ctx.hosts],
    rules: ctx.rules,
  };
  if (out.stop) plan.stop = out.stop;
  if (out.deliveredTo) plan.deliveredTo = out.deliveredTo;
  return plan;
}

/** `host1:web` / `host1` / `10.0.0.9` for an end. */
export function endName(e: TraceEnd): string {
  return e.kind === 'container' ? `${e.host}:${e.container}` : e.kind === 'host' ? e.host : e.ip;
}
