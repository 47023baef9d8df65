import type { ContainerFacts, EndpointFacts, HostFacts, LinkFacts } from './facts.js';

/**
 * How observed links belong together: a container's link and its host end, a link and the
 * Docker endpoint it carries. One home for the checks, the map and the trace.
 */

/** The host-side link whose ifindex is the container link's peer (veth pairing by ifindex/iflink). */
export function hostPeerOf(h: HostFacts, inner: LinkFacts): LinkFacts | undefined {
  if (inner.peerIfindex === undefined) return undefined;
  const cand = h.links.filter((l) => l.ifindex === inner.peerIfindex);
  // When the host side records its own peer, it must point back at the container's link.
  return cand.find((l) => l.peerIfindex === undefined || l.peerIfindex === inner.ifindex);
}

/** The host-side veth of a container's veth (undefined for a macvlan, whose iflink is its parent). */
export function hostVethOf(h: HostFacts, link: LinkFacts | undefined): LinkFacts | undefined {
  if (!link || link.kind !== 'veth') return undefined;
  const peer = hostPeerOf(h, link);
  return peer?.kind === 'veth' ? peer : undefined;
}

/** The endpoint a container link carries: by IPv4 address, then by MAC, else the only one. */
export function endpointOfLink(c: ContainerFacts, l: LinkFacts): EndpointFacts | undefined {
  const bare = (ip: string) => ip.split('/')[0];
  const ips = l.addresses.filter((a) => a.family === 'inet').map((a) => bare(a.address));
  const byIp = c.endpoints.find((e) => e.ip && ips.includes(bare(e.ip)));
  if (byIp) return byIp;
  if (l.mac) {
    const byMac = c.endpoints.find((e) => e.mac && e.mac.toLowerCase() === l.mac?.toLowerCase());
    if (byMac) return byMac;
  }
  return c.endpoints.length === 1 ? c.endpoints[0] : undefined;
}
