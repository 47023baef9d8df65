import type { Topology } from '../lab/topology.js';
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
import { cidrHas, prefixLen } from './ip.js';
import type { HopKind, TraceHop, TracePlan } from './trace-target.js';
import { hostVethOf } from '../observe/fact-links.js';

export { hostVethOf };

/** The pieces of a trace's walk: routes, rule records, the bridge delivery (pure). */

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

export function ipv4Of(l: LinkFacts | undefined): string | undefined {
  return l?.addresses.find((a) => a.family === 'inet')?.address;
}

export function ruleWords(hit: RuleHit): string {
  const r = hit.rule;
  const target = r.target ?? '';
  if (target === 'DNAT') return t('topo.trace.hop.dnat', { to: r.toDestination ?? '?' });
  if (target === 'SNAT') return t('topo.trace.hop.snat', { to: r.toSource ?? '?' });
  return target || t('topo.trace.hop.match');
}

export interface Ctx {
  facts: LabFacts;
  topology: Topology | undefined;
  hops: TraceHop[];
  rules: RuleRef[];
  hosts: Set<string>;
}

export type Outcome = { verdict: TracePlan['verdict']; stop?: TraceHop; deliveredTo?: string };

export function hop(ctx: Ctx, h: TraceHop): TraceHop {
  ctx.hops.push(h);
  return h;
}

/** Record the rules a walk met; return the drop hop when the walk dropped the packet. */
export function recordWalk(
  ctx: Ctx,
  where: string,
  label: string,
  w: WalkResult,
): TraceHop | undefined {
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
export function containerWithIp(
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

/** Deliver from a host's bridge to the container behind it. */
export function deliverOnBridge(ctx: Ctx, h: HostFacts, bridge: string, p: Packet): Outcome {
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

export function walk(
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
