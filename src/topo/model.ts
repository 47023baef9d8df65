import type {
  ContainerFacts,
  EndpointFacts,
  HostFacts,
  LabFacts,
  LinkFacts,
  NetworkFacts,
} from '../observe/facts.js';
import type { Topology } from '../lab/topology.js';
import { cidrHas, ipOf } from './ip.js';

/**
 * The lab's network as a graph, drawn from observed facts only (plus the lab's own topology for
 * the LAN and the internet namespace, which no lab host observes). Pure: same facts, same graph.
 */

export type NodeKind =
  /** The LAN switch (a bridge in the switch namespace). */
  | 'lan'
  /** The internet namespace (the LAN's router). */
  | 'internet'
  | 'host'
  /** A plain interface of a host: its LAN uplink eth0, a dummy, a learner's link. */
  | 'nic'
  /** A Linux bridge inside a host (docker0, br-*, a learner's bridge). */
  | 'bridge'
  /** The host end of a veth pair. */
  | 'veth'
  /** A VXLAN link in a host's own namespace. */
  | 'vxlan'
  /** A macvlan/ipvlan child in a host's own namespace. */
  | 'macvlan'
  | 'container'
  /** An interface inside a container's namespace. */
  | 'cnic'
  /** A Docker overlay network (spans hosts). */
  | 'overlay'
  /** A Docker network of another driver whose interfaces hang off a parent (macvlan, ipvlan). */
  | 'network';

export type EdgeKind =
  /** Host uplink (or the internet's) to the LAN switch. */
  | 'lan'
  /** A host owns this interface / bridge / container. */
  | 'has'
  /** An interface is a port of a bridge. */
  | 'port'
  /** The two ends of a veth pair. */
  | 'veth'
  /** A container owns this interface. */
  | 'iface'
  /** A macvlan/ipvlan/vlan child on its parent link. */
  | 'parent'
  /** A container interface attached to an overlay or macvlan network. */
  | 'member'
  /** A VXLAN tunnel between two hosts, for an overlay network. */
  | 'vxlan'
  /** A published port: host → container. */
  | 'publish'
  /** A container sharing another's (or the host's) network namespace. */
  | 'shares';

export interface TopoNode {
  id: string;
  kind: NodeKind;
  /** Interface, container, host or network name. */
  name: string;
  host?: string;
  /** Addresses with prefix (IPv4 first). */
  addresses?: string[];
  /** Docker networks this node stands for (a bridge) or is attached to (an interface). */
  networks?: string[];
  /** Free-form facts worth drawing: image, subnet, vni, driver, mode, state… */
  attrs?: Record<string, string | number | boolean>;
}

export interface TopoEdge {
  kind: EdgeKind;
  from: string;
  to: string;
  label?: string;
}

export interface TopoGraph {
  nodes: TopoNode[];
  edges: TopoEdge[];
}

export interface BuildOptions {
  /** Only this host (with the LAN, the internet and the overlays it is on). */
  host?: string;
}

export const nodeId = {
  lan: () => 'lan',
  internet: () => 'internet',
  host: (h: string) => `host:${h}`,
  link: (h: string, name: string) => `if:${h}:${name}`,
  container: (h: string, name: string) => `ctr:${h}:${name}`,
  cnic: (h: string, ctr: string, name: string) => `cif:${h}:${ctr}:${name}`,
  overlay: (name: string) => `overlay:${name}`,
  network: (h: string, name: string) => `net:${h}:${name}`,
};

const VXLAN_OPT = 'com.docker.network.driver.overlay.vxlanid_list';

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

/** The endpoint a container interface carries: by address, then by MAC. */
function endpointOf(c: ContainerFacts, l: LinkFacts): EndpointFacts | undefined {
  const ips = l.addresses.map((a) => a.address);
  return (
    c.endpoints.find((e) => e.ip !== undefined && ips.includes(e.ip)) ??
    c.endpoints.find((e) => e.mac !== undefined && l.mac !== undefined && e.mac === l.mac)
  );
}

function sortGraph(g: TopoGraph): TopoGraph {
  const key = (e: TopoEdge) => `${e.from}\u0000${e.to}\u0000${e.kind}`;
  return {
    nodes: [...g.nodes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    edges: [...g.edges].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)),
  };
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

function hostGraph(
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
      const other = h.containers.find(
        (o) => o.id === ref || o.name === ref || (ref.length >= 4 && o.id.startsWith(ref)),
      );
      if (other)
        g.edges.push({
          kind: 'shares',
          from: cid,
          to: nodeId.container(host, other.name),
          label: 'network namespace',
        });
    }
    if (c.networkMode === 'host' || c.networkMode.startsWith('container:')) continue;

    for (const l of c.links ?? []) {
      if (l.linkType === 'loopback' || l.name === 'lo') continue;
      const ifid = nodeId.cnic(host, c.name, l.name);
      const inode: TopoNode = { id: ifid, kind: 'cnic', name: l.name, host };
      const addrs = linkAddresses(l);
      if (addrs.length) inode.addresses = addrs;
      const ep = endpointOf(c, l);
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
  // Overlays this host has joined, even with no local container on them.
  for (const n of h.networks) {
    if (n.driver !== 'overlay' || n.ingress) continue;
    const list = overlays.get(n.name) ?? [];
    if (!list.includes(n)) list.push(n);
    overlays.set(n.name, list);
  }
}

/**
 * The graph of the lab: every host the facts hold, the LAN and the internet from the lab's
 * topology, overlays with a VXLAN edge between each pair of hosts that are peers of it.
 */
export function buildTopology(
  facts: LabFacts,
  topology?: Topology,
  opts: BuildOptions = {},
): TopoGraph {
  const g: TopoGraph = { nodes: [], edges: [] };
  if (topology) {
    g.nodes.push({
      id: nodeId.lan(),
      kind: 'lan',
      name: 'LAN',
      addresses: [topology.lan.subnet],
      attrs: { switch: 'br0' },
    });
    if (topology.internet) {
      g.nodes.push({
        id: nodeId.internet(),
        kind: 'internet',
        name: topology.internet.name,
        addresses: [topology.lan.gateway, topology.internet.publicAddress],
      });
      g.edges.push({ kind: 'lan', from: nodeId.internet(), to: nodeId.lan() });
    }
  }
  const overlays = new Map<string, NetworkFacts[]>();
  const hosts = Object.keys(facts.hosts).sort();
  for (const name of hosts) hostGraph(facts.hosts[name] as HostFacts, topology, g, overlays);

  const hostByLanIp = new Map<string, string>();
  for (const s of topology?.hosts ?? []) hostByLanIp.set(ipOf(s.lanAddress), s.name);
  for (const [name, nets] of [...overlays.entries()].sort()) {
    const first = nets[0] as NetworkFacts;
    const attrs: Record<string, string | number | boolean> = {};
    const vni = nets.map((n) => n.options[VXLAN_OPT]).find((v) => v);
    if (vni) attrs.vni = vni;
    if (first.subnets[0]) attrs.subnet = first.subnets[0].subnet;
    g.nodes.push({ id: nodeId.overlay(name), kind: 'overlay', name, attrs });
    // Peers as the engines report them (LAN addresses), mapped to lab hosts.
    const peers = new Set<string>();
    for (const n of nets) for (const p of n.peers ?? []) peers.add(hostByLanIp.get(p.ip) ?? p.ip);
    const list = [...peers].filter((p) => facts.hosts[p] !== undefined).sort();
    for (const p of list)
      g.edges.push({ kind: 'has', from: nodeId.host(p), to: nodeId.overlay(name) });
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++)
        g.edges.push({
          kind: 'vxlan',
          from: nodeId.host(list[i] as string),
          to: nodeId.host(list[j] as string),
          label: `${name}${vni ? ` VNI ${vni}` : ''}`,
        });
  }
  const full = sortGraph(g);
  return opts.host ? onlyHost(full, opts.host) : full;
}

/** Keep one host's part of the graph (with the LAN, the internet and its overlays). */
export function onlyHost(g: TopoGraph, host: string): TopoGraph {
  const keep = new Set(
    g.nodes.filter((n) => n.host === host || n.host === undefined).map((n) => n.id),
  );
  // Overlays the host is not on go too.
  for (const n of g.nodes)
    if (
      n.kind === 'overlay' &&
      !g.edges.some((e) => e.kind === 'has' && e.from === nodeId.host(host) && e.to === n.id)
    )
      keep.delete(n.id);
  return {
    nodes: g.nodes.filter((n) => keep.has(n.id)),
    edges: g.edges.filter((e) => keep.has(e.from) && keep.has(e.to)),
  };
}
