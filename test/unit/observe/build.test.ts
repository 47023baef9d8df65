import { describe, expect, it } from 'vitest';
import {
  buildHostFacts,
  fillGatewaysFromKernel,
  ipv4InCidr,
  type RawHostReads,
} from '../../../src/observe/build.js';
import type {
  ContainerJson,
  InfoJson,
  NetworkJson,
  NodeJson,
  VersionJson,
} from '../../../src/observe/engine-json.js';
import type { IpLinkJson } from '../../../src/observe/iproute.js';
import { parseIpLinks } from '../../../src/observe/iproute.js';
import { parseNetwork } from '../../../src/observe/network.js';
import { E20, NFT29, fixtureJson, fixtureText } from './fixtures.js';

const CONTAINERS = ['web', 'web2', 'c1', 'c2', 'hostc', 'nonec', 'side', 'stopped', 'o1'];
const NETWORKS = ['bridge', 'host', 'none', 'labnet', 'appnet', 'docker_gwbridge', 'ingress', 'ov'];

/** `ip -j -d addr` as the observer reads it: the recorded `-d link` entries with their `addr` addresses. */
function hostIpAddr(): IpLinkJson[] {
  const addrs = fixtureJson<IpLinkJson[]>(E20, 'ip-addr.json');
  return fixtureJson<IpLinkJson[]>(E20, 'ip-link-details.json').map((l) => ({
    ...l,
    addr_info: addrs.find((a) => a.ifname === l.ifname)?.addr_info ?? [],
  }));
}

function recordedHost(): RawHostReads {
  const web = fixtureJson<ContainerJson>(E20, 'container-web.json');
  const c2 = fixtureJson<ContainerJson>(E20, 'container-c2.json');
  return {
    host: 'host1',
    engine: {
      version: fixtureJson<VersionJson>(E20, 'version.json'),
      pinnedApiVersion: '1.41',
      info: fixtureJson<InfoJson>(E20, 'info-swarm-manager.json'),
      containers: CONTAINERS.map((n) => fixtureJson<ContainerJson>(E20, `container-${n}.json`)),
      networks: NETWORKS.map((n) => fixtureJson<NetworkJson>(E20, `network-${n}.json`)),
      nodes: fixtureJson<NodeJson[]>(E20, 'nodes.json'),
    },
    ipAddr: hostIpAddr(),
    ipRoute: fixtureJson(E20, 'ip-route.json'),
    iptablesSave: fixtureText(E20, 'iptables-save-counters.txt'),
    daemonJson: '{}\n',
    containerNetns: {
      [web.Id]: { ipAddr: fixtureJson(E20, 'web-ip-link-details.json'), ipRoute: [] },
      [c2.Id]: {
        ipAddr: fixtureJson(E20, 'c2-ip-addr.json'),
        ipRoute: fixtureJson(E20, 'c2-ip-route.json'),
      },
    },
    netnsInodes: { host: 4026532300, containers: { [web.Id]: 4026532400 } },
    probes: { p1: { code: 0, stdout: 'ok\n', stderr: '', ms: 12 } },
  };
}

describe('buildHostFacts over a recorded Docker 20.10 host', () => {
  const facts = buildHostFacts(recordedHost());

  it('engine, swarm and daemon.json', () => {
    expect(facts.host).toBe('host1');
    expect(facts.engine).toMatchObject({
      version: '20.10.24+dfsg1',
      firewallBackend: 'iptables',
      pinnedApiVersion: '1.41',
    });
    expect(facts.swarm).toMatchObject({ state: 'active', isManager: true });
    expect(facts.swarm.nodes?.map((n) => n.hostname)).toEqual(['host1', 'host2']);
    expect(facts.daemonConfig).toEqual({ ok: true, value: {} });
    expect(facts.errors).toBeUndefined();
    expect(facts.netnsInode).toBe(4026532300);
  });

  it("web's eth0 pairs with the host veth on docker0", () => {
    const web = facts.containers.find((c) => c.name === 'web');
    const eth0 = web?.links?.find((l) => l.name === 'eth0');
    const hostVeth = facts.links.find((l) => l.ifindex === eth0?.peerIfindex);
    expect(hostVeth).toMatchObject({
      name: 'veth42335f5',
      master: 'docker0',
      peerIfindex: eth0?.ifindex,
    });
    expect(facts.bridgePorts.filter((p) => p.master === 'docker0').map((p) => p.name)).toContain(
      'veth42335f5',
    );
    expect(web?.netnsInode).toBe(4026532400);
  });

  it("c2's links and routes; containers without a read have none", () => {
    const c2 = facts.containers.find((c) => c.name === 'c2');
    expect(c2?.links?.map((l) => l.name)).toEqual(['lo', 'eth0', 'eth1']);
    expect(c2?.routes?.[0]).toEqual({ dst: 'default', gateway: '172.18.0.1', dev: 'eth1' });
    expect(facts.containers.find((c) => c.name === 'c1')?.links).toBeUndefined();
    expect(facts.containers.find((c) => c.name === 'stopped')?.links).toBeUndefined();
  });

  it('fills the default bridge gateway from docker0 (20.10 leaves it out of IPAM)', () => {
    const bridge = facts.networks.find((n) => n.name === 'bridge');
    expect(bridge?.subnets).toEqual([
      { subnet: '172.17.0.0/16', gateway: '172.17.0.1', gatewaySource: 'kernel' },
    ]);
    expect(facts.networks.find((n) => n.name === 'labnet')?.subnets[0]?.gatewaySource).toBe('ipam');
  });

  it('NAT rules and the FORWARD policy', () => {
    expect(
      facts.firewall.find((r) => r.target === 'DNAT' && r.dport === '8080')?.toDestination,
    ).toBe('172.17.0.2:80');
    expect(
      facts.firewallChains?.find((c) => c.table === 'filter' && c.chain === 'FORWARD')?.policy,
    ).toBe('DROP');
  });

  it('keeps probe results', () => {
    expect(facts.probes.p1).toEqual({ code: 0, stdout: 'ok\n', stderr: '', ms: 12 });
  });
});

describe('buildHostFacts: partial reads', () => {
  it('an engine that does not answer: empty engine facts, an error, kernel facts still there', () => {
    const raw = recordedHost();
    delete raw.engine;
    raw.errors = [{ source: 'engine', message: 'connect ENOENT docker.sock' }];
    raw.daemonJson = '{"bip": }';
    const facts = buildHostFacts(raw);
    expect(facts.containers).toEqual([]);
    expect(facts.engine.version).toBe('');
    expect(facts.swarm.state).toBe('unknown');
    expect(facts.errors).toEqual([{ source: 'engine', message: 'connect ENOENT docker.sock' }]);
    expect(facts.links.length).toBeGreaterThan(5);
    expect(facts.daemonConfig.ok).toBe(false);
  });

  it('nftables backend: nft rules and iptables rules side by side', () => {
    const raw = recordedHost();
    raw.nftRuleset = fixtureJson(NFT29, 'nft-ruleset.json');
    raw.iptablesSave = '';
    const facts = buildHostFacts(raw);
    expect(facts.firewall.every((r) => r.backend === 'nftables')).toBe(true);
    expect(
      facts.firewall.find((r) => r.target === 'DNAT' && r.dport === '8080')?.toDestination,
    ).toBe('192.0.2.2:80');
  });

  it('a daemon.json that could not be read', () => {
    const raw = recordedHost();
    raw.daemonJsonError = 'EACCES';
    expect(buildHostFacts(raw).daemonConfig).toEqual({ ok: false, error: 'EACCES' });
  });
});

describe('helpers', () => {
  it('ipv4InCidr', () => {
    expect(ipv4InCidr('172.17.0.1', '172.17.0.0/16')).toBe(true);
    expect(ipv4InCidr('172.18.0.1', '172.17.0.0/16')).toBe(false);
    expect(ipv4InCidr('10.99.0.255', '10.99.0.0/24')).toBe(true);
    expect(ipv4InCidr('1.2.3.4', '0.0.0.0/0')).toBe(true);
    expect(ipv4InCidr('fe80::1', '172.17.0.0/16')).toBe(false);
    expect(ipv4InCidr('1.2.3', '1.2.3.0/24')).toBe(false);
  });

  it('fillGatewaysFromKernel leaves a subnet alone when the bridge holds no address in it', () => {
    const n = parseNetwork({
      Name: 'x',
      Id: 'abcdefabcdef00',
      Driver: 'bridge',
      IPAM: { Config: [{ Subnet: '10.1.0.0/24' }] },
    });
    fillGatewaysFromKernel(
      [n],
      parseIpLinks([
        {
          ifindex: 9,
          ifname: 'br-abcdefabcdef',
          addr_info: [{ family: 'inet', local: '10.2.0.1', prefixlen: 24 }],
        },
      ]),
    );
    expect(n.subnets[0]?.gateway).toBeUndefined();
  });
});
