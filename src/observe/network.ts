import type { NetworkFacts, SubnetFacts } from './facts.js';
import type { NetworkJson } from './engine-json.js';

export const BRIDGE_NAME_OPTION = 'com.docker.network.bridge.name';

/**
 * The Linux bridge of a bridge network: the `com.docker.network.bridge.name` option, else
 * `docker0` for the default bridge, else `br-` + the first 12 characters of the id.
 */
export function bridgeNameOf(
  n: Pick<NetworkJson, 'Name' | 'Id' | 'Driver' | 'Options'>,
): string | undefined {
  if (n.Driver !== 'bridge') return undefined;
  const named = n.Options?.[BRIDGE_NAME_OPTION];
  if (named) return named;
  if (n.Options?.['com.docker.network.bridge.default_bridge'] === 'true' || n.Name === 'bridge')
    return 'docker0';
  return `br-${n.Id.slice(0, 12)}`;
}

/**
 * `GET /networks/{id}` → facts. The list (`GET /networks`) has no `Containers`; use the
 * single-network answer. The IPAM gateway may be missing (engines ≤28 show only a configured
 * one): see `fillGatewaysFromKernel`.
 */
export function parseNetwork(n: NetworkJson): NetworkFacts {
  const subnets: SubnetFacts[] = (n.IPAM?.Config ?? [])
    .filter((c) => c.Subnet)
    .map((c) => {
      const s: SubnetFacts = { subnet: c.Subnet as string };
      if (c.Gateway) {
        s.gateway = c.Gateway;
        s.gatewaySource = 'ipam';
      }
      if (c.IPRange) s.ipRange = c.IPRange;
      return s;
    });
  const facts: NetworkFacts = {
    id: n.Id,
    name: n.Name,
    driver: n.Driver ?? '',
    scope: n.Scope ?? '',
    internal: n.Internal === true,
    attachable: n.Attachable === true,
    ingress: n.Ingress === true,
    subnets,
    options: { ...(n.Options ?? {}) },
    containers: Object.entries(n.Containers ?? {}).map(([id, c]) => {
      const entry: NetworkFacts['containers'][number] = { id, name: c.Name ?? '' };
      if (c.IPv4Address) entry.ipv4 = c.IPv4Address;
      if (c.IPv6Address) entry.ipv6 = c.IPv6Address;
      if (c.MacAddress) entry.mac = c.MacAddress;
      if (c.EndpointID) entry.endpointId = c.EndpointID;
      return entry;
    }),
  };
  const bridge = bridgeNameOf(n);
  if (bridge) facts.bridgeName = bridge;
  if (n.EnableIPv6 !== undefined) facts.enableIPv6 = n.EnableIPv6;
  if (n.IPAM?.Driver) facts.ipamDriver = n.IPAM.Driver;
  if (n.Peers?.length) facts.peers = n.Peers.map((p) => ({ name: p.Name ?? '', ip: p.IP ?? '' }));
  if (n.Labels && Object.keys(n.Labels).length > 0) facts.labels = { ...n.Labels };
  return facts;
}
