import { describe, expect, it } from 'vitest';
import {
  bridgePortsFromLinks,
  parseBridgeLinks,
  parseIpLinks,
  parseIpRoutes,
  splitJsonDocuments,
} from '../../../src/observe/iproute.js';
import { E20, fixtureJson } from './fixtures.js';

describe('parseIpLinks (recorded, Docker 20.10 host)', () => {
  const links = parseIpLinks(fixtureJson(E20, 'ip-link-details.json'));
  const byName = (n: string) => links.find((l) => l.name === n);

  it('reads kinds, masters and bridge port state from ip -d', () => {
    expect(byName('docker0')).toMatchObject({
      ifindex: 3,
      kind: 'bridge',
      up: true,
      operstate: 'UP',
      mtu: 1500,
    });
    expect(byName('veth42335f5')).toMatchObject({
      ifindex: 5,
      kind: 'veth',
      master: 'docker0',
      slaveKind: 'bridge',
      portState: 'forwarding',
      peerIfindex: 4,
      peerNetnsId: 1,
      mac: 'f2:1f:84:e4:df:1c',
    });
    expect(byName('lo')).toMatchObject({ linkType: 'loopback', up: true });
    expect(byName('lo')?.kind).toBeUndefined();
  });

  it("pairs web's eth0 with its host veth (iflink ↔ ifindex both ways)", () => {
    const web = parseIpLinks(fixtureJson(E20, 'web-ip-link-details.json'));
    const eth0 = web.find((l) => l.name === 'eth0');
    expect(eth0).toMatchObject({
      ifindex: 4,
      peerIfindex: 5,
      peerNetnsId: 0,
      kind: 'veth',
      mac: '02:42:ac:11:00:02',
    });
    const hostSide = links.find((l) => l.ifindex === eth0?.peerIfindex);
    expect(hostSide?.name).toBe('veth42335f5');
    expect(hostSide?.peerIfindex).toBe(eth0?.ifindex);
    expect(hostSide?.master).toBe('docker0');
  });
});

describe('parseIpLinks (ip -j addr)', () => {
  it('reads addresses of the host', () => {
    const links = parseIpLinks(fixtureJson(E20, 'ip-addr.json'));
    expect(links.find((l) => l.name === 'docker0')?.addresses).toEqual([
      { family: 'inet', address: '172.17.0.1', prefixLen: 16 },
      { family: 'inet6', address: 'fe80::42:7bff:fe01:68f2', prefixLen: 64 },
    ]);
    expect(links.find((l) => l.name === 'br-lab')?.addresses[0]).toEqual({
      family: 'inet',
      address: '10.99.0.1',
      prefixLen: 24,
    });
    // Without -d there is no kind; link_index is still read as the peer.
    expect(links.find((l) => l.name === 'veth5beb6c7')).toMatchObject({
      master: 'br-lab',
      peerIfindex: 10,
      peerNetnsId: 3,
    });
  });

  it("reads c2's two interfaces, one per network", () => {
    const links = parseIpLinks(fixtureJson(E20, 'c2-ip-addr.json'));
    expect(
      links.map((l) => [
        l.name,
        l.addresses.filter((a) => a.family === 'inet').map((a) => `${a.address}/${a.prefixLen}`),
      ]),
    ).toEqual([
      ['lo', ['127.0.0.1/8']],
      ['eth0', ['10.99.0.3/24']],
      ['eth1', ['172.18.0.2/16']],
    ]);
    expect(links[2]).toMatchObject({ ifindex: 14, peerIfindex: 15, peerNetnsId: 0 });
  });

  it('resolves a same-namespace veth peer by name, and parents of macvlan/vlan/vxlan', () => {
    const links = parseIpLinks([
      {
        ifindex: 2,
        ifname: 'vB',
        link: 'vA',
        flags: ['BROADCAST'],
        linkinfo: { info_kind: 'veth' },
      },
      { ifindex: 3, ifname: 'vA', link: 'vB', flags: ['UP'], linkinfo: { info_kind: 'veth' } },
      {
        ifindex: 4,
        ifname: 'eth0.10',
        link: 'vA',
        flags: ['UP'],
        linkinfo: { info_kind: 'vlan', info_data: { protocol: '802.1Q', id: 10 } },
      },
      {
        ifindex: 5,
        ifname: 'shim',
        link: 'vA',
        flags: ['UP'],
        linkinfo: { info_kind: 'macvlan', info_data: { mode: 'bridge' } },
      },
      {
        ifindex: 6,
        ifname: 'eth0',
        link_index: 2,
        link_netnsid: 0,
        flags: ['UP'],
        linkinfo: { info_kind: 'macvlan', info_data: { mode: 'private' } },
      },
      {
        ifindex: 7,
        ifname: 'vxlan0',
        flags: ['UP'],
        master: 'br0',
        linkinfo: {
          info_kind: 'vxlan',
          info_data: { id: 4097, port: 4789 },
          info_slave_kind: 'bridge',
          info_slave_data: { state: 'forwarding' },
        },
      },
      {
        ifindex: 8,
        ifname: 'ipv',
        link: 'vA',
        flags: [],
        linkinfo: { info_kind: 'ipvlan', info_data: { mode: 'l2' } },
      },
    ]);
    expect(links[0]).toMatchObject({ peerIfindex: 3, up: false });
    expect(links[0]?.peerNetnsId).toBeUndefined();
    expect(links[1]).toMatchObject({ peerIfindex: 2, up: true });
    expect(links[2]).toMatchObject({ kind: 'vlan', vlanId: 10, parent: 'vA', parentIfindex: 3 });
    expect(links[2]?.peerIfindex).toBeUndefined();
    expect(links[3]).toMatchObject({ kind: 'macvlan', macvlanMode: 'bridge', parent: 'vA' });
    expect(links[4]).toMatchObject({
      kind: 'macvlan',
      macvlanMode: 'private',
      parentIfindex: 2,
      parentNetnsId: 0,
    });
    expect(links[4]?.parent).toBeUndefined();
    expect(links[5]).toMatchObject({
      kind: 'vxlan',
      vxlanId: 4097,
      vxlanPort: 4789,
      master: 'br0',
    });
    expect(links[6]).toMatchObject({ kind: 'ipvlan', ipvlanMode: 'l2', up: false });
    expect(bridgePortsFromLinks(links)).toEqual([
      { ifindex: 7, name: 'vxlan0', master: 'br0', state: 'forwarding' },
    ]);
  });

  it('reads nothing from non-arrays', () => {
    expect(parseIpLinks(null)).toEqual([]);
  });
});

describe('parseIpRoutes (recorded)', () => {
  it("reads the host's routes", () => {
    const routes = parseIpRoutes(fixtureJson(E20, 'ip-route.json'));
    expect(routes[0]).toEqual({ dst: 'default', gateway: '192.0.2.1', dev: 'eth0' });
    expect(routes.find((r) => r.dev === 'docker0')).toEqual({
      dst: '172.17.0.0/16',
      dev: 'docker0',
      protocol: 'kernel',
      scope: 'link',
      prefsrc: '172.17.0.1',
    });
  });

  it("reads c2's default route (through appnet's gateway) and both subnets", () => {
    const routes = parseIpRoutes(fixtureJson(E20, 'c2-ip-route.json'));
    expect(routes.find((r) => r.dst === 'default')).toEqual({
      dst: 'default',
      gateway: '172.18.0.1',
      dev: 'eth1',
    });
    expect(routes.map((r) => r.dst)).toEqual(['default', '10.99.0.0/24', '172.18.0.0/16']);
  });

  it('keeps non-unicast types and metrics', () => {
    expect(
      parseIpRoutes([
        { type: 'blackhole', dst: '10.0.0.0/8', flags: [] },
        { dst: '10.1.0.0/16', dev: 'x', metric: 100, type: 'unicast' },
      ]),
    ).toEqual([
      { dst: '10.0.0.0/8', type: 'blackhole' },
      { dst: '10.1.0.0/16', dev: 'x', metric: 100 },
    ]);
  });
});

describe('bridge ports', () => {
  it('parses bridge -j link (recorded)', () => {
    const ports = parseBridgeLinks(fixtureJson(E20, 'bridge-link.json'));
    expect(ports).toHaveLength(5);
    expect(ports[0]).toEqual({
      ifindex: 5,
      name: 'veth42335f5',
      master: 'docker0',
      state: 'forwarding',
    });
    expect(ports.filter((p) => p.master === 'br-lab').map((p) => p.name)).toEqual([
      'veth5beb6c7',
      'veth96891f8',
    ]);
  });

  it('derives the same ports from ip -j -d output', () => {
    const fromIp = bridgePortsFromLinks(parseIpLinks(fixtureJson(E20, 'ip-link-details.json')));
    expect(fromIp).toEqual(parseBridgeLinks(fixtureJson(E20, 'bridge-link.json')));
  });
});

describe('splitJsonDocuments (ip -j -batch output)', () => {
  it('splits consecutive arrays, ignoring brackets inside strings', () => {
    expect(splitJsonDocuments('[{"a":"[x]"}]\n[]\n[{"b":"\\"]"}]')).toEqual([
      [{ a: '[x]' }],
      [],
      [{ b: '"]' }],
    ]);
  });
});
