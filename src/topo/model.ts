import type { HostFacts, LabFacts, NetworkFacts } from '../observe/facts.js';
import type { Topology } from '../lab/topology.js';
import { ipOf } from './ip.js';
import { hostGraph } from './host-graph.js';

export { publishedPorts } from './host-graph.js';

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

function sortGraph(g: TopoGraph): TopoGraph {
  const key = (e: TopoEdge) => `${e.from}\u0000${e.to}\u0000${e.kind}`;
  return {
    nodes: [...g.nodes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    edges: [...g.edges].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)),
  };
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
