import { parseContainer } from './container.js';
import { parseDaemonConfig } from './daemon-config.js';
import type { ContainerJson, InfoJson, NetworkJson, NodeJson, VersionJson } from './engine-json.js';
import { parseEngine, parseSwarm } from './engine-info.js';
import type {
  FirewallChain,
  FirewallRule,
  HostFacts,
  LinkFacts,
  NetworkFacts,
  ProbeResult,
} from './facts.js';
import { bridgePortsFromLinks, parseBridgeLinks, parseIpLinks, parseIpRoutes } from './iproute.js';
import { parseIptablesSave } from './iptables.js';
import { parseNetwork } from './network.js';
import { parseNftRuleset } from './nftables.js';
import { t } from '../i18n/index.js';

/**
 * Everything one observation read from a host, as the programs and the Engine printed it. The
 * live observer fills it; `buildHostFacts` (pure) turns it into facts. A recorded one replays a
 * host in unit tests.
 */
export interface RawHostReads {
  host: string;
  /** Absent when the engine did not answer (see `errors`). */
  engine?: {
    version: VersionJson;
    pinnedApiVersion?: string;
    info: InfoJson;
    /** `GET /containers/{id}/json` of every container (`all=1`). */
    containers: ContainerJson[];
    /** `GET /networks/{id}` of every network. */
    networks: NetworkJson[];
    /** `GET /nodes` (swarm managers only). */
    nodes?: NodeJson[];
  };
  /** `ip -j -d addr` in the host's namespace. */
  ipAddr?: unknown;
  /** `ip -j route` in the host's namespace. */
  ipRoute?: unknown;
  /** `bridge -j link`; when absent, bridge ports come from `ipAddr`'s linkinfo (same facts). */
  bridgeLink?: unknown;
  /** `iptables-save -c`. */
  iptablesSave?: string;
  /** `nft -j list ruleset` (engines whose firewall backend is nftables). */
  nftRuleset?: unknown;
  /** The text of daemon.json; absent when the file does not exist. */
  daemonJson?: string;
  /** Set when daemon.json exists but could not be read. */
  daemonJsonError?: string;
  /** Per container id: `ip -j -d addr` and `ip -j route` inside its network namespace. */
  containerNetns?: Record<string, { ipAddr: unknown; ipRoute: unknown }>;
  /** Network namespace inodes: the host's, and each running container's by id. */
  netnsInodes?: { host?: number; containers: Record<string, number> };
  probes?: Record<string, ProbeResult>;
  errors?: { source: string; message: string }[];
  timings?: Record<string, number>;
}

function ipv4ToInt(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    const v = Number(p);
    if (!Number.isInteger(v) || v < 0 || v > 255 || p === '') return undefined;
    n = n * 256 + v;
  }
  return n;
}

/** Is an IPv4 address inside an IPv4 CIDR? (false for anything else) */
export function ipv4InCidr(ip: string, cidr: string): boolean {
  const [net, lenText] = cidr.split('/');
  const len = Number(lenText);
  const a = ipv4ToInt(ip);
  const n = ipv4ToInt(net ?? '');
  if (a === undefined || n === undefined || !Number.isInteger(len) || len < 0 || len > 32)
    return false;
  const size = 2 ** (32 - len);
  return Math.floor(a / size) === Math.floor(n / size);
}

/**
 * Engines ≤28 leave the IPAM gateway out unless it was configured. For a bridge network, the
 * gateway is the address its Linux bridge holds inside the subnet: fill it in from the kernel.
 */
export function fillGatewaysFromKernel(networks: NetworkFacts[], links: LinkFacts[]): void {
  for (const n of networks) {
    if (!n.bridgeName) continue;
    const bridge = links.find((l) => l.name === n.bridgeName);
    if (!bridge) continue;
    for (const s of n.subnets) {
      if (s.gateway) continue;
      const addr = bridge.addresses.find(
        (a) => a.family === 'inet' && ipv4InCidr(a.address, s.subnet),
      );
      if (addr) {
        s.gateway = addr.address;
        s.gatewaySource = 'kernel';
      }
    }
  }
}

/** Split a raw `ip -j -batch` read (or a plain array) safely. */
function tryParse<T>(
  what: string,
  errors: { source: string; message: string }[],
  fn: () => T,
  fallback: T,
): T {
  try {
    return fn();
  } catch (e) {
    errors.push({
      source: what,
      message: t('check.observe.couldNotParse', { error: (e as Error).message }),
    });
    return fallback;
  }
}

/** Rules and chains from nft JSON (if read) then iptables-save (if read). */
export function buildFirewall(
  raw: Pick<RawHostReads, 'iptablesSave' | 'nftRuleset'>,
  errors: { source: string; message: string }[],
): { rules: FirewallRule[]; chains: FirewallChain[] } {
  const rules: FirewallRule[] = [];
  const chains: FirewallChain[] = [];
  if (raw.nftRuleset !== undefined) {
    const nft = tryParse('firewall', errors, () => parseNftRuleset(raw.nftRuleset), {
      rules: [],
      chains: [],
    });
    rules.push(...nft.rules);
    chains.push(...nft.chains);
  }
  if (raw.iptablesSave !== undefined) {
    const ipt = parseIptablesSave(raw.iptablesSave);
    rules.push(...ipt.rules);
    chains.push(...ipt.chains);
  }
  return { rules, chains };
}

/** Turn one host's raw reads into its facts. Pure: no I/O. */
export function buildHostFacts(raw: RawHostReads): HostFacts {
  const errors = [...(raw.errors ?? [])];
  const links = tryParse('kernel', errors, () => parseIpLinks(raw.ipAddr ?? []), []);
  const routes = tryParse('kernel', errors, () => parseIpRoutes(raw.ipRoute ?? []), []);
  const bridgePorts =
    raw.bridgeLink !== undefined
      ? tryParse('kernel', errors, () => parseBridgeLinks(raw.bridgeLink), [])
      : bridgePortsFromLinks(links);

  const { rules: firewall, chains: firewallChains } = buildFirewall(raw, errors);

  const e = raw.engine;
  const engine = e
    ? parseEngine(e.version, e.info, e.pinnedApiVersion)
    : {
        version: '',
        apiVersion: '',
        firewallBackend: 'iptables',
        defaultAddressPools: [],
        name: raw.host,
      };
  const swarm = e ? parseSwarm(e.info, e.nodes) : { state: 'unknown', isManager: false };
  const networks = (e?.networks ?? []).map(parseNetwork);
  fillGatewaysFromKernel(networks, links);

  const containers = (e?.containers ?? []).map((c) => {
    const facts = parseContainer(c);
    const inode = raw.netnsInodes?.containers[c.Id];
    if (inode !== undefined) facts.netnsInode = inode;
    if (facts.running) {
      const ns = raw.containerNetns?.[c.Id];
      if (!ns && inode !== undefined && inode === raw.netnsInodes?.host) {
        // `--network host`: the host's own namespace, already read.
        facts.links = links;
        facts.routes = routes;
      } else if (ns) {
        facts.links = tryParse(
          `container:${facts.name}`,
          errors,
          () => parseIpLinks(ns.ipAddr),
          [],
        );
        facts.routes = tryParse(
          `container:${facts.name}`,
          errors,
          () => parseIpRoutes(ns.ipRoute),
          [],
        );
      }
    }
    return facts;
  });

  const daemonConfig =
    raw.daemonJsonError !== undefined
      ? ({ ok: false, error: raw.daemonJsonError } as const)
      : parseDaemonConfig(raw.daemonJson);

  const facts: HostFacts = {
    host: raw.host,
    engine,
    containers,
    networks,
    links,
    routes,
    bridgePorts,
    firewall,
    swarm,
    daemonConfig,
    probes: { ...(raw.probes ?? {}) },
    firewallChains,
  };
  if (raw.netnsInodes?.host !== undefined) facts.netnsInode = raw.netnsInodes.host;
  if (errors.length > 0) facts.errors = errors;
  if (raw.timings) facts.timings = { ...raw.timings };
  return facts;
}
