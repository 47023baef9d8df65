import { describe, expect, it } from 'vitest';
import { buildHostFacts, type RawHostReads } from '../../../src/observe/build.js';
import { E20, fixtureJson } from './fixtures.js';

/**
 * A whole observation recorded by the live reader (`readHost`) on a Docker 20.10 lab host with
 * web, web2, c1 (labnet, alias db), c2 (labnet + appnet), hostc (host), nonec (none),
 * side (container:c1) and stopped (created, -p 8081:80): replayed through the pure builder.
 */
const facts = buildHostFacts(fixtureJson<RawHostReads>(E20, 'observed-host1.raw.json'));
const container = (name: string) => {
  const c = facts.containers.find((x) => x.name === name);
  if (!c) throw new Error(`no container ${name}`);
  return c;
};

describe('a recorded live observation (Docker 20.10)', () => {
  it('read everything without errors', () => {
    expect(facts.errors).toBeUndefined();
    expect(facts.engine).toMatchObject({
      version: '20.10.24+dfsg1',
      apiVersion: '1.41',
      pinnedApiVersion: '1.41',
      firewallBackend: 'iptables',
    });
    expect(facts.containers.map((c) => c.name).sort()).toEqual([
      'c1',
      'c2',
      'hostc',
      'nonec',
      'side',
      'stopped',
      'web',
      'web2',
    ]);
    expect(facts.daemonConfig).toEqual({ ok: true, value: {} });
  });

  it("pairs web's eth0 with its veth on docker0 by ifindex both ways", () => {
    const eth0 = container('web').links?.find((l) => l.name === 'eth0');
    expect(eth0).toMatchObject({ ifindex: 4, peerIfindex: 5, kind: 'veth' });
    const veth = facts.links.find((l) => l.ifindex === eth0?.peerIfindex);
    expect(veth).toMatchObject({
      name: 'veth3a0d568',
      kind: 'veth',
      master: 'docker0',
      peerIfindex: 4,
    });
    expect(facts.bridgePorts).toContainEqual({
      ifindex: 5,
      name: 'veth3a0d568',
      master: 'docker0',
      state: 'forwarding',
    });
  });

  it("c2's kernel addresses match its two endpoints", () => {
    const c2 = container('c2');
    const inet = (c2.links ?? []).flatMap((l) =>
      l.addresses
        .filter((a) => a.family === 'inet')
        .map((a) => `${l.name} ${a.address}/${a.prefixLen}`),
    );
    expect(inet).toEqual(['lo 127.0.0.1/8', 'eth0 10.99.0.3/24', 'eth1 172.18.0.2/16']);
    expect(c2.endpoints.map((e) => `${e.network} ${e.ip}/${e.prefixLen}`)).toEqual([
      'appnet 172.18.0.2/16',
      'labnet 10.99.0.3/24',
    ]);
    // 20.10 moved c2's default route to appnet when it was connected after labnet.
    expect(c2.routes?.find((r) => r.dst === 'default')).toEqual({
      dst: 'default',
      gateway: '172.18.0.1',
      dev: 'eth1',
      protocol: 'boot',
      scope: 'global',
    });
  });

  it("namespaces: side shares c1's, hostc shares the host's, nonec has only lo", () => {
    expect(container('side').netnsInode).toBe(container('c1').netnsInode);
    expect(container('side').links?.map((l) => l.name)).toEqual(['lo', 'eth0']);
    expect(container('hostc').netnsInode).toBe(facts.netnsInode);
    expect(container('hostc').links?.map((l) => l.name)).toEqual(facts.links.map((l) => l.name));
    expect(container('nonec').links?.map((l) => l.name)).toEqual(['lo']);
    expect(container('nonec').routes).toEqual([]);
  });

  it('a created container: no pid, no links, the requested port binding', () => {
    const s = container('stopped');
    expect(s).toMatchObject({
      running: false,
      status: 'created',
      portsFrom: 'config',
      ports: [{ containerPort: 80, protocol: 'tcp', hostIp: '', hostPort: 8081 }],
    });
    expect(s.links).toBeUndefined();
  });

  it('networks: gateways filled from the bridges where 20.10 leaves them out', () => {
    const net = (n: string) => facts.networks.find((x) => x.name === n);
    expect(net('bridge')?.subnets).toEqual([
      { subnet: '172.17.0.0/16', gateway: '172.17.0.1', gatewaySource: 'kernel' },
    ]);
    expect(net('labnet')).toMatchObject({
      bridgeName: 'br-lab',
      subnets: [{ subnet: '10.99.0.0/24', gateway: '10.99.0.1', gatewaySource: 'kernel' }],
    });
    expect(
      net('labnet')
        ?.containers.map((c) => c.name)
        .sort(),
    ).toEqual(['c1', 'c2']);
    expect(net('appnet')?.subnets[0]).toMatchObject({
      gateway: '172.18.0.1',
      gatewaySource: 'ipam',
    });
  });

  it('NAT: one DNAT per published binding', () => {
    expect(
      facts.firewall
        .filter((r) => r.target === 'DNAT')
        .map((r) => `${r.destination ?? '*'} ${r.protocol} ${r.dport} -> ${r.toDestination}`)
        .sort(),
    ).toEqual([
      '* tcp 32768 -> 172.17.0.3:7000',
      '* tcp 8080 -> 172.17.0.2:80',
      '* udp 5353 -> 172.17.0.3:53',
      '127.0.0.1/32 tcp 9090 -> 172.17.0.3:80',
    ]);
  });

  it("probes: a ping by name, the host's hostname, a stopped container", () => {
    expect(facts.probes['c2 ping db']).toMatchObject({ code: 0 });
    expect(facts.probes['c2 ping db']?.stdout).toContain('64 bytes from 10.99.0.2');
    expect(facts.probes['host hostname']).toMatchObject({ code: 0, stdout: 'host1\n' });
    expect(facts.probes['stopped true']).toEqual({
      code: 125,
      stdout: '',
      stderr: 'container stopped is not running',
      ms: 0,
    });
  });
});
