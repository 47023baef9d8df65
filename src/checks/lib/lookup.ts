import { findContainerRef } from '../../observe/container-ref.js';
export { endpointOfLink, hostPeerOf } from '../../observe/fact-links.js';
import type {
  ContainerFacts,
  EndpointFacts,
  HostFacts,
  LabFacts,
  LinkFacts,
  NetworkFacts,
} from '../../observe/facts.js';
import type { CheckContext, CheckOutcome } from '../types.js';
import { stripPrefix } from './cidr.js';
import { bad } from './outcome.js';
import { t } from '../../i18n/index.js';

/** Lookups over one host's facts, shared by the checkers. All pure and total. */

export function hostName(host: string | undefined, ctx: CheckContext): string {
  return host ?? ctx.defaultHost;
}

export type Found<T> = { ok: true; value: T } | { ok: false; outcome: CheckOutcome };

/** The facts of one host, or a failing outcome saying they are missing (or unreadable). */
export function getHost(facts: LabFacts, host: string): Found<HostFacts> {
  const h = facts.hosts[host];
  if (!h) {
    return {
      ok: false,
      outcome: bad(
        'check.common.noHost',
        { host },
        { evidence: [`hosts observed: ${Object.keys(facts.hosts).join(', ') || '-'}`] },
      ),
    };
  }
  return { ok: true, value: h };
}

function engineError(h: HostFacts): string | undefined {
  return h.errors?.find((e) => e.source === 'engine')?.message;
}

/** A container by name (with or without the leading `/`), full id, or unique id prefix (≥ 3). */
export function findContainer(h: HostFacts, ref: string): ContainerFacts | undefined {
  return findContainerRef(h.containers, ref);
}

export function displayName(c: ContainerFacts): string {
  return c.name.replace(/^\//, '');
}

/** When the engine could not be read, the failing outcome that says so (not "no such …"). */
function engineFailure(h: HostFacts): { ok: false; outcome: CheckOutcome } | undefined {
  const err = engineError(h);
  if (!err) return undefined;
  return {
    ok: false,
    outcome: bad(
      'check.common.engineError',
      { host: h.host, error: err },
      { evidence: [`engine: ${err}`] },
    ),
  };
}

/** A container that must exist, or a failing outcome naming what was there instead. */
export function getContainer(h: HostFacts, ref: string): Found<ContainerFacts> {
  const c = findContainer(h, ref);
  if (c) return { ok: true, value: c };
  const failed = engineFailure(h);
  if (failed) return failed;
  const names = h.containers.map(displayName).sort();
  return {
    ok: false,
    outcome: bad(
      'check.common.noContainer',
      { container: ref, host: h.host, others: names.join(', ') || '-' },
      {
        expected: ref,
        seen: names.join(', ') || undefined,
        evidence: [`containers on ${h.host}: ${names.join(', ') || 'none'}`],
      },
    ),
  };
}

/** A host's facts and one of its containers, or the failing outcome that says which is missing. */
export function getHostContainer(
  facts: LabFacts,
  host: string,
  container: string,
): Found<{ h: HostFacts; c: ContainerFacts }> {
  const hf = getHost(facts, host);
  if (!hf.ok) return hf;
  const cf = getContainer(hf.value, container);
  if (!cf.ok) return cf;
  return { ok: true, value: { h: hf.value, c: cf.value } };
}

/** A container that must exist and run. */
export function getRunning(h: HostFacts, ref: string): Found<ContainerFacts> {
  const f = getContainer(h, ref);
  if (!f.ok) return f;
  const c = f.value;
  if (!c.running) {
    return {
      ok: false,
      outcome: bad(
        'check.common.notRunning',
        { container: displayName(c), status: c.status },
        {
          expected: t('check.value.running'),
          seen: c.status,
          evidence: [`container ${displayName(c)}: ${c.status}`],
        },
      ),
    };
  }
  return { ok: true, value: c };
}

/** `default` is what engines before 26.1 call the default bridge network. */
export function canonicalNetworkName(ref: string): string {
  return ref === 'default' ? 'bridge' : ref;
}

/** A network by name, full id, or unique id prefix. */
export function findNetwork(h: HostFacts, ref: string): NetworkFacts | undefined {
  const name = canonicalNetworkName(ref);
  const byName = h.networks.find((n) => n.name === name);
  if (byName) return byName;
  const byId = h.networks.find((n) => n.id === ref);
  if (byId) return byId;
  if (/^[0-9a-f]{3,}$/.test(ref)) {
    const prefixed = h.networks.filter((n) => n.id.startsWith(ref));
    if (prefixed.length === 1) return prefixed[0];
  }
  return undefined;
}

export function getNetwork(h: HostFacts, ref: string): Found<NetworkFacts> {
  const n = findNetwork(h, ref);
  if (n) return { ok: true, value: n };
  const failed = engineFailure(h);
  if (failed) return failed;
  const names = h.networks.map((x) => x.name).sort();
  return {
    ok: false,
    outcome: bad(
      'check.common.noNetwork',
      { network: ref, host: h.host, others: names.join(', ') || '-' },
      {
        expected: ref,
        seen: names.join(', ') || undefined,
        evidence: [`networks on ${h.host}: ${names.join(', ') || 'none'}`],
      },
    ),
  };
}

export type ModeKind = 'host' | 'none' | 'bridge' | 'container' | 'network';

export interface Mode {
  kind: ModeKind;
  /** The network name (kind network), or the id as recorded (kind container). */
  ref?: string;
  /** For kind container: the other container, when it is known. */
  peer?: ContainerFacts;
}

/** A container's network mode, normalised (`default` → bridge, `container:<id>` → that container). */
export function modeOf(h: HostFacts, c: ContainerFacts): Mode {
  const m = c.networkMode;
  if (m === 'host' || m === 'none') return { kind: m };
  if (m === 'bridge' || m === 'default' || m === '') return { kind: 'bridge' };
  if (m.startsWith('container:')) {
    const ref = m.slice('container:'.length);
    const peer = findContainer(h, ref);
    return peer ? { kind: 'container', ref, peer } : { kind: 'container', ref };
  }
  return { kind: 'network', ref: m };
}

/** How to say a mode: `host`, `none`, `bridge`, `container:web`, or the network name. */
export function describeMode(mode: Mode): string {
  switch (mode.kind) {
    case 'container':
      return `container:${mode.peer ? displayName(mode.peer) : (mode.ref ?? '?').slice(0, 12)}`;
    case 'network':
      return mode.ref ?? '?';
    default:
      return mode.kind;
  }
}

/** The endpoints whose namespace the container uses (a `container:X` container uses X's). */
export function endpointsOf(h: HostFacts, c: ContainerFacts): EndpointFacts[] {
  const mode = modeOf(h, c);
  if (mode.kind === 'container' && mode.peer && mode.peer !== c) return mode.peer.endpoints;
  return c.endpoints;
}

export function endpointMatches(h: HostFacts, e: EndpointFacts, ref: string): boolean {
  const net = findNetwork(h, ref);
  if (net) return e.networkId === net.id || e.network === net.name;
  const name = canonicalNetworkName(ref);
  return (
    e.network === name || e.networkId === ref || (ref.length >= 3 && e.networkId.startsWith(ref))
  );
}

export function endpointOn(
  h: HostFacts,
  c: ContainerFacts,
  ref: string,
): EndpointFacts | undefined {
  return c.endpoints.find((e) => endpointMatches(h, e, ref));
}

/** "labnet (10.99.0.2), bridge (172.17.0.2)" — or the network mode when there are no endpoints. */
export function describeEndpoints(h: HostFacts, c: ContainerFacts): string {
  const mode = modeOf(h, c);
  if (mode.kind === 'host' || mode.kind === 'none' || mode.kind === 'container')
    return `--network ${describeMode(mode)}`;
  const eps = c.endpoints;
  if (!eps.length) return '-';
  return eps.map((e) => (e.ip ? `${e.network} (${e.ip})` : e.network)).join(', ');
}

/** Pairs of endpoints of `a` (on host `ha`) and `b` (on host `hb`) that are on one network (same id or name). */
export function sharedNetworks(
  ha: HostFacts,
  a: ContainerFacts,
  hb: HostFacts,
  b: ContainerFacts,
): { a: EndpointFacts; b: EndpointFacts }[] {
  const out: { a: EndpointFacts; b: EndpointFacts }[] = [];
  for (const ea of endpointsOf(ha, a)) {
    const eb = endpointsOf(hb, b).find(
      (x) => (x.networkId !== '' && x.networkId === ea.networkId) || x.network === ea.network,
    );
    if (eb) out.push({ a: ea, b: eb });
  }
  return out;
}

/** The Linux bridge of a network: its recorded name, the name option, docker0, or br-<id12>. */
export function bridgeOfNetwork(n: NetworkFacts): string | undefined {
  if (n.bridgeName) return n.bridgeName;
  const opt = n.options['com.docker.network.bridge.name'];
  if (opt) return opt;
  if (n.driver !== 'bridge') return undefined;
  if (n.name === 'bridge') return 'docker0';
  return `br-${n.id.slice(0, 12)}`;
}

export function inetAddresses(l: LinkFacts): string[] {
  return l.addresses.filter((a) => a.family === 'inet').map((a) => `${a.address}/${a.prefixLen}`);
}

export function isLoopback(l: LinkFacts): boolean {
  return l.name === 'lo' || l.linkType === 'loopback';
}

const DOCKER_LINK = /^(docker0|docker_gwbridge|br-[0-9a-f]{12}|veth[0-9a-f]+)$/;

/** A lab host's own LAN address: a global IPv4 on a link that is not loopback, a bridge, or a bridge port. */
export function hostLanAddress(h: HostFacts): string | undefined {
  const bridges = new Set(h.networks.map(bridgeOfNetwork).filter((b): b is string => !!b));
  for (const l of h.links) {
    if (
      isLoopback(l) ||
      l.kind === 'bridge' ||
      l.master ||
      bridges.has(l.name) ||
      DOCKER_LINK.test(l.name)
    )
      continue;
    const a = l.addresses.find((x) => x.family === 'inet' && !x.address.startsWith('127.'));
    if (a) return a.address;
  }
  return undefined;
}

/** A bridge given by its Linux name or by the name of the Docker network it belongs to. */
export function resolveBridge(
  h: HostFacts,
  ref: string,
): { bridge: string; network?: NetworkFacts } {
  const byBridge = h.networks.find((n) => bridgeOfNetwork(n) === ref);
  if (byBridge) return { bridge: ref, network: byBridge };
  if (h.links.some((l) => l.name === ref)) return { bridge: ref };
  const net = findNetwork(h, ref);
  const b = net && bridgeOfNetwork(net);
  if (net && b) return { bridge: b, network: net };
  return { bridge: ref };
}

/** The host-side ports of a bridge (bridge -j link, else links whose master is the bridge). */
export function portsOf(h: HostFacts, bridge: string): { ifindex: number; name: string }[] {
  const fromBridge = h.bridgePorts.filter((p) => p.master === bridge);
  if (fromBridge.length) return fromBridge.map((p) => ({ ifindex: p.ifindex, name: p.name }));
  return h.links
    .filter((l) => l.master === bridge)
    .map((l) => ({ ifindex: l.ifindex, name: l.name }));
}

/** The master of a host link, from the link itself or from the bridge port list. */
export function masterOf(h: HostFacts, l: LinkFacts): string | undefined {
  return l.master ?? h.bridgePorts.find((p) => p.ifindex === l.ifindex)?.master;
}

/** Every IPv4 address of a container, network by network. */
export function containerIps(h: HostFacts, c: ContainerFacts): { network: string; ip: string }[] {
  return endpointsOf(h, c)
    .filter((e): e is EndpointFacts & { ip: string } => !!e.ip)
    .map((e) => ({ network: e.network, ip: stripPrefix(e.ip) }));
}

export function isDefaultBridgeOnly(h: HostFacts, c: ContainerFacts): boolean {
  const mode = modeOf(h, c);
  if (mode.kind === 'bridge' && !c.endpoints.length) return true;
  const eps = endpointsOf(h, c);
  return eps.length > 0 && eps.every((e) => e.network === 'bridge' || e.network === 'default');
}
