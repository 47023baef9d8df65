import type { ContainerFacts, HostFacts, LinkFacts, NetworkFacts } from '../observe/facts.js';
import type { Topology } from '../lab/topology.js';
import { findContainerRef } from '../observe/container-ref.js';
import { cidrHas } from './ip.js';
import { nodeId, type NodeKind, type TopoGraph, type TopoNode } from './model.js';
import { endpointOfLink } from '../observe/fact-links.js';

/** One lab host's part of the map (see model.ts): its links, containers and their interfaces. Pure. */

function v4First(addrs: string[]): string[] {
  return [...addrs].sort((a, b) => Number(a.includes(':')) - Number(b.includes(':')));
}

/** Addresses worth drawing: no IPv6 link-local (every link has one). */
function linkAddresses(l: LinkFacts): string[] {
  return v4First(
    l.addresses
      .filter((a) => !(a.family === 'inet6' && a.address.toLowerCase().startsWith('fe80:')))
      .map((a) => `${a.address}/${a.prefixLen}`),
  );
}

function linkNodeKind(l: LinkFacts): NodeKind {
  switch (l.kind) {
    case 'bridge':
      return 'bridge';
    case 'veth':
      return 'veth';
    case 'vxlan':
      return 'vxlan';
    case 'macvlan':
    case 'ipvlan':
      return 'macvlan';
    default:
      return 'nic';
  }
}

/** Published ports of a container, one per (host port, protocol, container port): `8080→80/tcp`. */
export function publishedPorts(c: ContainerFacts): string[] {
  const out = new Set<string>();
  for (const p of c.ports) {
    if (p.hostPort === undefined) continue;
    const ip = p.hostIp && p.hostIp !== '0.0.0.0' && p.hostIp !== '::' ? `${p.hostIp}:` : '';
    out.add(`${ip}${p.hostPort}→${p.containerPort}/${p.protocol}`);
  }
  return [...out];
}

export function hostGraph(
  h: HostFacts,
  topology: Topology | undefined,
  g: TopoGraph,
  overlays: Map<string, NetworkFacts[]>,
): void {
  const host = h.host;
  const hid = nodeId.host(host);
  const spec = topology?.hosts.find((s) => s.name === host);
  const lanSubnet = topology?.lan.subnet;
  const hostNode: TopoNode = { id: hid, kind: 'host', name: host, host };
  if (spec) hostNode.addresses = [spec.lanAddress];
  if (h.engine.version)
    hostNode.attrs = { docker: h.engine.version, firewall: h.engine.firewallBackend };
  if (h.swarm.state === 'active')
    hostNode.attrs = { ...hostNode.attrs, swarm: h.swarm.isManager ? 'manager' : 'worker' };
  g.nodes.push(hostNode);

  linkNodes(h, hid, lanSubnet, g);
  containerNodes(h, hid, g, overlays);
  // Overlays this host has joined, even with no local container on them.
  for (const n of h.networks) {
    if (n.driver !== 'overlay' || n.ingress) continue;
    const list = overlays.get(n.name) ?? [];
    if (!list.includes(n)) list.push(n);
    overlays.set(n.name, list);
  }
}

/** The host's own links: one node each, with its bridge, master, parent and LAN edges. */
function linkNodes(h: HostFacts, hid: string, lanSubnet: string | undefined, g: TopoGraph): void {
  const host = h.host;
  const byBridge = new Map<string, NetworkFacts>();
  for (const n of h.networks) if (n.bridgeName) byBridge.set(n.bridgeName, n);
  const byIfindex = new Map<number, LinkFacts>();
  for (const l of h.links) byIfindex.set(l.ifindex, l);

  for (const l of h.links) {
    if (l.linkType === 'loopback' || l.name === 'lo') continue;
    // The LAN uplink: the interface holding the host's LAN address (a veth to the switch).
    const uplink =
      !!lanSubnet &&
      l.kind !== 'macvlan' &&
      l.kind !== 'ipvlan' &&
      l.addresses.some((a) => a.family === 'inet' && cidrHas(lanSubnet, a.address));
    const node: TopoNode = {
      id: nodeId.link(host, l.name),
      kind: uplink ? 'nic' : linkNodeKind(l),
      name: l.name,
      host,
    };
    const addrs = linkAddresses(l);
    if (addrs.length) node.addresses = addrs;
    const attrs: Record<string, string | number | boolean> = {};
    if (!l.up) attrs.down = true;
    if (l.vxlanId !== undefined) attrs.vni = l.vxlanId;
    if (l.macvlanMode) attrs.mode = l.macvlanMode;
    if (l.ipvlanMode) attrs.mode = l.ipvlanMode;
    if (l.kind && (node.kind === 'macvlan' || uplink)) attrs.type = l.kind;
    const net = byBridge.get(l.name);
    if (net) {
      node.networks = [net.name];
      const sub = net.subnets[0]?.subnet;
      if (sub) attrs.subnet = sub;
      if (net.internal) attrs.internal = true;
    }
    if (Object.keys(attrs).length) node.attrs = attrs;
    g.nodes.push(node);
    g.edges.push({ kind: 'has', from: hid, to: node.id });
    if (l.master) g.edges.push({ kind: 'port', from: node.id, to: nodeId.link(host, l.master) });
    const parent =
      l.parent ??
      (l.parentNetnsId === undefined && l.parentIfindex !== undefined
        ? byIfindex.get(l.parentIfindex)?.name
        : undefined);
    if (parent && node.kind !== 'veth')
      g.edges.push({ kind: 'parent', from: node.id, to: nodeId.link(host, parent) });
    if (uplink) g.edges.push({ kind: 'lan', from: node.id, to: nodeId.lan() });
  }
}

/** The host's containers: a node each, what it publishes or shares, and its interfaces. */
function containerNodes(
  h: HostFacts,
  hid: string,
  g: TopoGraph,
  overlays: Map<string, NetworkFacts[]>,
): void {
  const host = h.host;
  // Host-end veths by ifindex, to pair them with container ends.
  const hostVeths = new Map<number, LinkFacts>();
  for (const l of h.links) if (l.kind === 'veth') hostVeths.set(l.ifindex, l);

  for (const c of h.containers) {
    const cid = nodeId.container(host, c.name);
    const attrs: Record<string, string | number | boolean> = { image: c.image, state: c.status };
    if (
      !['bridge', 'default'].includes(c.networkMode) &&
      !c.endpoints.some((e) => e.network === c.networkMode)
    )
      attrs.networkMode = c.networkMode.startsWith('container:') ? 'container' : c.networkMode;
    const ports = publishedPorts(c);
    if (ports.length) attrs.ports = ports.join(' ');
    const node: TopoNode = { id: cid, kind: 'container', name: c.name, host, attrs };
    const nets = c.endpoints.map((e) => e.network);
    if (nets.length) node.networks = [...nets].sort();
    g.nodes.push(node);
    g.edges.push({ kind: 'has', from: hid, to: cid });
    for (const p of ports) g.edges.push({ kind: 'publish', from: hid, to: cid, label: p });

    if (c.networkMode === 'host')
      g.edges.push({ kind: 'shares', from: cid, to: hid, label: 'host network' });
    if (c.networkMode.startsWith('container:')) {
      const ref = c.networkMode.slice('container:'.length);
      // The one naming rule of checks, probes and trace (src/observe/container-ref.ts).
      const other = findContainerRef(h.containers, ref);
      if (other)
        g.edges.push({
          kind: 'shares',
          from: cid,
          to: nodeId.container(host, other.name),
          label: 'network namespace',
        });
    }
    if (c.networkMode === 'host' || c.networkMode.startsWith('container:')) continue;
    containerIfaces(h, c, g, overlays, hostVeths);
  }
}

/** A container's interfaces: veth pairs, overlay membership, macvlan/ipvlan networks. */
function containerIfaces(
  h: HostFacts,
  c: ContainerFacts,
  g: TopoGraph,
  overlays: Map<string, NetworkFacts[]>,
  hostVeths: Map<number, LinkFacts>,
): void {
  const host = h.host;
  const hid = nodeId.host(host);
  const cid = nodeId.container(host, c.name);
  for (const l of c.links ?? []) {
    if (l.linkType === 'loopback' || l.name === 'lo') continue;
    const ifid = nodeId.cnic(host, c.name, l.name);
    const inode: TopoNode = { id: ifid, kind: 'cnic', name: l.name, host };
    const addrs = linkAddresses(l);
    if (addrs.length) inode.addresses = addrs;
    const ep = endpointOfLink(c, l);
    if (ep) inode.networks = [ep.network];
    const iattrs: Record<string, string | number | boolean> = {};
    if (l.kind) iattrs.type = l.kind;
    if (l.mac) iattrs.mac = l.mac;
    if (Object.keys(iattrs).length) inode.attrs = iattrs;
    g.nodes.push(inode);
    g.edges.push({ kind: 'iface', from: cid, to: ifid });
    const net = ep
      ? h.networks.find((n) => n.name === ep.network || n.id === ep.networkId)
      : undefined;
    if (l.kind === 'veth' && l.peerIfindex !== undefined) {
      const peer = hostVeths.get(l.peerIfindex);
      if (peer && (peer.peerIfindex === undefined || peer.peerIfindex === l.ifindex)) {
        g.edges.push({ kind: 'veth', from: nodeId.link(host, peer.name), to: ifid });
      }
    }
    if (net?.driver === 'overlay') {
      g.edges.push({ kind: 'member', from: ifid, to: nodeId.overlay(net.name) });
      const list = overlays.get(net.name) ?? [];
      list.push(net);
      overlays.set(net.name, list);
    }
    if ((l.kind === 'macvlan' || l.kind === 'ipvlan') && net) {
      const nid = nodeId.network(host, net.name);
      if (!g.nodes.some((n) => n.id === nid)) {
        const parent = net.options.parent;
        const nattrs: Record<string, string | number | boolean> = { driver: net.driver };
        if (net.subnets[0]) nattrs.subnet = net.subnets[0].subnet;
        if (parent) nattrs.parent = parent;
        g.nodes.push({ id: nid, kind: 'network', name: net.name, host, attrs: nattrs });
        g.edges.push({ kind: 'has', from: hid, to: nid });
        const parentLink = parent ? h.links.find((x) => x.name === parent) : undefined;
        if (parentLink)
          g.edges.push({
            kind: 'parent',
            from: nid,
            to: nodeId.link(host, parentLink.name),
            label: net.driver,
          });
      }
      g.edges.push({ kind: 'member', from: ifid, to: nid });
    }
  }
}
