import { describe, expect, it } from 'vitest';
import { endpointOfLink, hostPeerOf, hostVethOf } from '../../../src/observe/fact-links.js';
import type {
  ContainerFacts,
  EndpointFacts,
  HostFacts,
  LinkFacts,
} from '../../../src/observe/facts.js';

const link = (l: Partial<LinkFacts> & { ifindex: number; name: string }): LinkFacts => ({
  up: true,
  addresses: [],
  ...l,
});
const host = (links: LinkFacts[]) => ({ host: 'host1', links }) as unknown as HostFacts;
const ep = (e: Partial<EndpointFacts>): EndpointFacts =>
  ({
    network: 'n',
    networkId: 'id',
    endpointId: 'e',
    aliases: [],
    dnsNames: [],
    ...e,
  }) as EndpointFacts;

describe('fact links: one answer for the checks, the map and the trace', () => {
  const hostVeth = link({ ifindex: 7, name: 'veth1a2b', kind: 'veth', peerIfindex: 2 });
  const eth0 = link({ ifindex: 2, name: 'eth0', kind: 'veth', peerIfindex: 7 });
  const parent = link({ ifindex: 3, name: 'eth0' });
  const mv = link({ ifindex: 2, name: 'eth0', kind: 'macvlan', peerIfindex: 3 });

  it("finds a veth's host end, pointing back; a macvlan has no host veth", () => {
    const h = host([parent, hostVeth]);
    expect(hostPeerOf(h, eth0)).toBe(hostVeth);
    expect(hostVethOf(h, eth0)).toBe(hostVeth);
    expect(hostVethOf(h, mv)).toBeUndefined();
    expect(hostVethOf(h, undefined)).toBeUndefined();
    // A host end that names another peer is not this link's.
    const other = link({ ifindex: 7, name: 'veth1a2b', kind: 'veth', peerIfindex: 9 });
    expect(hostPeerOf(host([other]), eth0)).toBeUndefined();
  });

  it("finds a link's endpoint by address, then by MAC in any case, else the only one", () => {
    const a = ep({ network: 'a', ip: '172.18.0.2/16', mac: '02:42:ac:12:00:02' });
    const b = ep({ network: 'b', ip: '172.19.0.2/16', mac: '02:42:ac:13:00:02' });
    const c = { endpoints: [a, b] } as unknown as ContainerFacts;
    const byIp = link({
      ifindex: 2,
      name: 'eth1',
      addresses: [
        { family: 'inet', address: '172.19.0.2', prefixLen: 16 },
      ] as LinkFacts['addresses'],
    });
    expect(endpointOfLink(c, byIp)).toBe(b);
    expect(endpointOfLink(c, link({ ifindex: 2, name: 'eth0', mac: '02:42:AC:12:00:02' }))).toBe(a);
    expect(endpointOfLink(c, link({ ifindex: 2, name: 'eth9' }))).toBeUndefined();
    const one = { endpoints: [a] } as unknown as ContainerFacts;
    expect(endpointOfLink(one, link({ ifindex: 2, name: 'eth9' }))).toBe(a);
  });
});
