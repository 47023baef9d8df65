import type { Address, BridgePortFacts, LinkFacts, RouteFacts } from './facts.js';

/** One entry of `ip -j [-d] addr` / `ip -j [-d] link` (iproute2 6.x key names). */
export interface IpLinkJson {
  ifindex: number;
  ifname: string;
  /** Same-namespace peer (veth) or parent (macvlan, vlan…), by name. */
  link?: string | null;
  /** Peer or parent ifindex when it lives in another namespace (with `link_netnsid`). */
  link_index?: number;
  link_netnsid?: number;
  master?: string;
  flags?: string[];
  mtu?: number;
  operstate?: string;
  link_type?: string;
  address?: string;
  linkinfo?: {
    info_kind?: string;
    info_data?: Record<string, unknown>;
    info_slave_kind?: string;
    info_slave_data?: Record<string, unknown>;
  };
  addr_info?: { family?: string; local?: string; prefixlen?: number }[];
}

export interface IpRouteJson {
  dst?: string;
  gateway?: string;
  dev?: string;
  protocol?: string;
  scope?: string;
  prefsrc?: string;
  type?: string;
  metric?: number;
}

export interface BridgeLinkJson {
  ifindex: number;
  ifname: string;
  master?: string;
  state?: string;
}

/**
 * Split output that holds several JSON documents one after another (`ip -j -batch -` prints one
 * array per command) into the parsed documents.
 */
export function splitJsonDocuments(text: string): unknown[] {
  const docs: unknown[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') {
      if (depth === 0) start = i;
      depth++;
    } else if (ch === ']' || ch === '}') {
      depth--;
      if (depth === 0 && start >= 0) {
        docs.push(JSON.parse(text.slice(start, i + 1)));
        start = -1;
      }
    }
  }
  return docs;
}

const asArray = <T>(json: unknown): T[] => (Array.isArray(json) ? (json as T[]) : []);

function addresses(l: IpLinkJson): Address[] {
  const out: Address[] = [];
  for (const a of l.addr_info ?? []) {
    if ((a.family === 'inet' || a.family === 'inet6') && a.local !== undefined) {
      out.push({
        family: a.family,
        address: a.local,
        prefixLen: a.prefixlen ?? (a.family === 'inet' ? 32 : 128),
      });
    }
  }
  return out;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Kinds whose `link` is a peer (the other end of a pair), not a parent. */
const PAIR_KINDS = new Set(['veth', 'netkit']);

/**
 * `ip -j -d addr` (or `ip -j -d link`, or without `-d`) → links. A veth's `link`/`link_index`
 * is its peer; a macvlan's, vlan's or vxlan's is its parent. Without `-d` the kind is unknown
 * and `link_index` is taken as a peer (what a container's eth0 shows).
 */
export function parseIpLinks(json: unknown): LinkFacts[] {
  const raw = asArray<IpLinkJson>(json);
  const indexByName = new Map(raw.map((l) => [l.ifname, l.ifindex]));
  return raw.map((l) => {
    const info = l.linkinfo;
    const kind = info?.info_kind;
    const data = info?.info_data ?? {};
    const link: LinkFacts = {
      ifindex: l.ifindex,
      name: l.ifname,
      up: (l.flags ?? []).includes('UP'),
      addresses: addresses(l),
    };
    if (kind) link.kind = kind;
    if (l.master) link.master = l.master;
    if (l.address) link.mac = l.address;
    if (l.mtu !== undefined) link.mtu = l.mtu;
    if (l.operstate) link.operstate = l.operstate;
    if (l.link_type) link.linkType = l.link_type;
    const sameNsName = typeof l.link === 'string' ? l.link : undefined;
    const otherIndex = l.link_index;
    const isPair = kind === undefined || PAIR_KINDS.has(kind);
    if (isPair) {
      const peer =
        otherIndex ?? (sameNsName !== undefined ? indexByName.get(sameNsName) : undefined);
      if (peer !== undefined) link.peerIfindex = peer;
      if (l.link_netnsid !== undefined && otherIndex !== undefined)
        link.peerNetnsId = l.link_netnsid;
    } else {
      if (sameNsName !== undefined) {
        link.parent = sameNsName;
        const idx = indexByName.get(sameNsName);
        if (idx !== undefined) link.parentIfindex = idx;
      } else if (otherIndex !== undefined) {
        link.parentIfindex = otherIndex;
        if (l.link_netnsid !== undefined) link.parentNetnsId = l.link_netnsid;
      }
    }
    if (kind === 'vxlan') {
      const id = num(data.id);
      if (id !== undefined) link.vxlanId = id;
      const port = num(data.port);
      if (port !== undefined) link.vxlanPort = port;
      const dev = str(data.link);
      if (dev && !link.parent) link.parent = dev;
    } else if (kind === 'macvlan' || kind === 'macvtap') {
      const mode = str(data.mode);
      if (mode) link.macvlanMode = mode;
    } else if (kind === 'ipvlan' || kind === 'ipvtap') {
      const mode = str(data.mode);
      if (mode) link.ipvlanMode = mode;
    } else if (kind === 'vlan') {
      const id = num(data.id);
      if (id !== undefined) link.vlanId = id;
    }
    if (info?.info_slave_kind) link.slaveKind = info.info_slave_kind;
    const portState = str(info?.info_slave_data?.state);
    if (portState) link.portState = portState;
    return link;
  });
}

/** `ip -j route` → routes. */
export function parseIpRoutes(json: unknown): RouteFacts[] {
  return asArray<IpRouteJson>(json).map((r) => {
    const route: RouteFacts = { dst: r.dst ?? 'default' };
    if (r.gateway) route.gateway = r.gateway;
    if (r.dev) route.dev = r.dev;
    if (r.protocol) route.protocol = r.protocol;
    if (r.scope) route.scope = r.scope;
    if (r.prefsrc) route.prefsrc = r.prefsrc;
    if (r.type && r.type !== 'unicast') route.type = r.type;
    if (r.metric !== undefined) route.metric = r.metric;
    return route;
  });
}

/** `bridge -j link` → bridge ports. */
export function parseBridgeLinks(json: unknown): BridgePortFacts[] {
  return asArray<BridgeLinkJson>(json)
    .filter((p) => typeof p.master === 'string')
    .map((p) => {
      const port: BridgePortFacts = {
        ifindex: p.ifindex,
        name: p.ifname,
        master: p.master as string,
      };
      if (p.state) port.state = p.state;
      return port;
    });
}

/**
 * The same facts as `bridge -j link`, from `ip -j -d` output already read: every link whose
 * `info_slave_kind` is `bridge`, with its master and STP state. Saves one program run per check.
 */
export function bridgePortsFromLinks(links: LinkFacts[]): BridgePortFacts[] {
  return links
    .filter((l) => l.slaveKind === 'bridge' && l.master)
    .map((l) => {
      const port: BridgePortFacts = {
        ifindex: l.ifindex,
        name: l.name,
        master: l.master as string,
      };
      if (l.portState) port.state = l.portState;
      return port;
    });
}
