import type { Topology } from '../lab/topology.js';
import type { ContainerFacts, HostFacts, LabFacts } from '../observe/facts.js';
import { RuleSet, type Packet } from './firewall.js';
import { t } from '../i18n/index.js';
import { cidrHas, ipOf } from './ip.js';
import {
  TraceError,
  findContainerIn,
  ownerOf,
  type TraceEnd,
  type TracePlan,
  type TraceTarget,
} from './trace-target.js';
import {
  deliverOnBridge,
  hop,
  hostVethOf,
  ipv4Of,
  routeFor,
  walk,
  type Ctx,
  type Outcome,
} from './trace-hops.js';

/**
 * `dnlab trace <from> <to>[:port][/proto]`, planned from facts alone (pure): the hops a first
 * packet takes, the firewall rules it meets (and which decide), and where it ends: delivered,
 * dropped by a rule or a policy, or no route. The CLI then confirms it with one probe.
 */

export * from './trace-target.js';
export { routeFor } from './trace-hops.js';

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
