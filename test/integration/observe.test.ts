import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Probe } from '../../src/checks/types.js';
import type { ContainerFacts, HostFacts } from '../../src/observe/facts.js';
import { isRoot, onHost, useTestInstance } from './lab-helpers.js';

// The observers' own lab instance (dnlabobs-*): never the learner's, never another test's.
useTestInstance('obs');

const { down, up } = await import('../../src/lab/lab.js');
const { hostPaths } = await import('../../src/lab/config.js');
const { startDockerd, stopDockerd } = await import('../../src/lab/daemon.js');
const { observeLab, runLabProbes } = await import('../../src/observe/observe.js');
const { judgeLazily } = await import('../../src/observe/lazy.js');

const IMG = 'dnlab/busybox';

async function docker(host: string, ...args: string[]): Promise<string> {
  const r = await onHost(host, ['docker', ...args]);
  expect(r.code, `docker ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout.trim();
}

function byName(h: HostFacts, name: string): ContainerFacts {
  const c = h.containers.find((x) => x.name === name);
  if (!c) throw new Error(`no container ${name} in ${h.containers.map((x) => x.name).join(', ')}`);
  return c;
}

describe.skipIf(!isRoot)('observeLab on a real lab (Docker engine in a namespace)', () => {
  beforeAll(async () => {
    await down();
    await up();
    const h = 'host1';
    await docker(
      h,
      'run',
      '-d',
      '--name',
      'web',
      '-p',
      '8080:80',
      IMG,
      'httpd',
      '-f',
      '-p',
      '80',
      '-h',
      '/',
    );
    await docker(
      h,
      'run',
      '-d',
      '--name',
      'web2',
      '-p',
      '127.0.0.1:9090:80/tcp',
      '-p',
      '5353:53/udp',
      IMG,
      'sleep',
      '3600',
    );
    await docker(
      h,
      'network',
      'create',
      '--subnet',
      '10.99.0.0/24',
      '-o',
      'com.docker.network.bridge.name=br-lab',
      'labnet',
    );
    await docker(h, 'network', 'create', 'appnet');
    await docker(
      h,
      'run',
      '-d',
      '--name',
      'c1',
      '--network',
      'labnet',
      '--network-alias',
      'db',
      IMG,
      'sleep',
      '3600',
    );
    await docker(h, 'run', '-d', '--name', 'c2', '--network', 'labnet', IMG, 'sleep', '3600');
    await docker(h, 'network', 'connect', 'appnet', 'c2');
    await docker(
      h,
      'run',
      '-d',
      '--name',
      'side',
      '--network',
      'container:c1',
      IMG,
      'sleep',
      '3600',
    );
    await docker(h, 'run', '-d', '--name', 'hostc', '--network', 'host', IMG, 'sleep', '3600');
    await docker(h, 'create', '--name', 'stopped', '-p', '8081:80', IMG, 'sleep', '3600');
  });

  afterAll(async () => {
    await down();
  });

  it('reads the engine, containers, networks, links and NAT of a host in one round', async () => {
    const facts = await observeLab({ hosts: ['host1'] });
    const h = facts.hosts.host1 as HostFacts;
    expect(h.errors).toBeUndefined();
    expect(h.engine.version).not.toBe('');
    expect(h.engine.pinnedApiVersion).toBeTruthy();
    expect(['iptables', 'nftables']).toContain(h.engine.firewallBackend.split('+')[0]);
    expect(h.swarm).toMatchObject({ state: 'inactive', isManager: false });
    expect(h.daemonConfig).toEqual({ ok: true, value: {} });
    expect(facts.features).toEqual({});

    const web = byName(h, 'web');
    expect(web).toMatchObject({ running: true, portsFrom: 'runtime' });
    expect(web.pid).toBeGreaterThan(0);
    expect(web.ports).toContainEqual({
      containerPort: 80,
      protocol: 'tcp',
      hostIp: '0.0.0.0',
      hostPort: 8080,
    });
    const webIp = web.endpoints.find((e) => e.network === 'bridge')?.ip;
    expect(webIp).toMatch(/^172\.17\.0\.\d+$/);
    expect(byName(h, 'web2').ports).toContainEqual({
      containerPort: 80,
      protocol: 'tcp',
      hostIp: '127.0.0.1',
      hostPort: 9090,
    });

    // veth pairing: the container's eth0 ↔ a host veth on docker0, by ifindex both ways.
    const eth0 = web.links?.find((l) => l.name === 'eth0');
    expect(eth0?.kind).toBe('veth');
    const veth = h.links.find((l) => l.ifindex === eth0?.peerIfindex);
    expect(veth).toMatchObject({ kind: 'veth', master: 'docker0', peerIfindex: eth0?.ifindex });
    expect(h.bridgePorts.map((p) => p.name)).toContain(veth?.name);
    expect(eth0?.addresses).toContainEqual({ family: 'inet', address: webIp, prefixLen: 16 });

    // The DNAT of -p 8080:80 leads to web's address.
    const dnat = h.firewall.find((r) => r.target === 'DNAT' && r.dport === '8080');
    expect(dnat?.toDestination).toBe(`${webIp}:80`);

    // c2: two endpoints, two interfaces with the same addresses.
    const c2 = byName(h, 'c2');
    expect(c2.endpoints.map((e) => e.network).sort()).toEqual(['appnet', 'labnet']);
    const kernelV4 = (c2.links ?? []).flatMap((l) =>
      l.addresses.filter((a) => a.family === 'inet').map((a) => a.address),
    );
    for (const e of c2.endpoints) expect(kernelV4).toContain(e.ip);

    // Networks: bridge names and gateways on every engine version.
    const labnet = h.networks.find((n) => n.name === 'labnet');
    expect(labnet).toMatchObject({ driver: 'bridge', bridgeName: 'br-lab' });
    expect(labnet?.subnets[0]).toMatchObject({ subnet: '10.99.0.0/24', gateway: '10.99.0.1' });
    expect(labnet?.containers.map((c) => c.name).sort()).toEqual(['c1', 'c2']);
    expect(h.networks.find((n) => n.name === 'bridge')?.subnets[0]).toMatchObject({
      subnet: '172.17.0.0/16',
      gateway: '172.17.0.1',
    });
    expect(h.networks.find((n) => n.name === 'appnet')?.bridgeName).toMatch(/^br-[0-9a-f]{12}$/);

    // Shared namespaces: container:c1, and --network host.
    expect(byName(h, 'side').networkMode).toBe(`container:${byName(h, 'c1').id}`);
    expect(byName(h, 'side').netnsInode).toBe(byName(h, 'c1').netnsInode);
    expect(byName(h, 'hostc').netnsInode).toBe(h.netnsInode);
    expect(byName(h, 'hostc').links?.map((l) => l.name)).toEqual(h.links.map((l) => l.name));

    // A created container: no pid, its requested binding.
    expect(byName(h, 'stopped')).toMatchObject({ running: false, portsFrom: 'config' });
    expect(byName(h, 'stopped').ports).toContainEqual({
      containerPort: 80,
      protocol: 'tcp',
      hostIp: '',
      hostPort: 8081,
    });
    expect(byName(h, 'stopped').links).toBeUndefined();
  });

  it('runs probes once each, in containers and on the host, bounded by their timeout', async () => {
    // Probes run the machine's busybox applets (ping, nc, nslookup) with addresses, not names.
    const probes: Probe[] = [
      {
        id: 'ping-db',
        host: 'host1',
        container: 'c2',
        argv: ['ping', '-c', '1', '-W', '1', '10.99.0.2'],
        timeoutMs: 2000,
      },
      {
        id: 'host-ping',
        host: 'host1',
        argv: ['ping', '-c', '1', '-W', '1', '192.0.2.11'],
        timeoutMs: 2000,
      },
      { id: 'in-stopped', host: 'host1', container: 'stopped', argv: ['true'], timeoutMs: 1000 },
      { id: 'in-ghost', host: 'host1', container: 'ghost', argv: ['true'], timeoutMs: 1000 },
      {
        id: 'too-slow',
        host: 'host1',
        container: 'web',
        argv: ['ping', '-c', '5', '127.0.0.1'],
        timeoutMs: 300,
      },
      { id: 'not-a-probe', host: 'host1', argv: ['hostname'], timeoutMs: 1000 },
    ];
    const t0 = Date.now();
    const facts = await observeLab({ hosts: ['host1'], probes });
    expect(Date.now() - t0).toBeLessThan(5000);
    const p = (facts.hosts.host1 as HostFacts).probes;
    expect(p['ping-db']?.code, p['ping-db']?.stderr).toBe(0);
    expect(p['ping-db']?.stdout).toContain('64 bytes from 10.99.0.2');
    expect(p['host-ping']?.stdout).toContain('64 bytes from 192.0.2.11');
    expect(p['not-a-probe']).toMatchObject({ code: 126 });
    expect(p['in-stopped']).toEqual({
      code: 125,
      stdout: '',
      stderr: 'container stopped is not running',
      ms: 0,
    });
    expect(p['in-ghost']).toMatchObject({ code: 125, stderr: 'container ghost is not running' });
    expect(p['too-slow']).toMatchObject({ code: 124, timedOut: true });
    expect(p['too-slow']?.ms).toBeLessThan(1500);

    // Probes decided after a first observation reuse its facts.
    const later = await runLabProbes(facts, [
      {
        id: 'cat-hosts',
        host: 'host1',
        container: 'web',
        argv: ['cat', '/etc/hosts'],
        timeoutMs: 1000,
      },
    ]);
    expect(later.hosts.host1?.probes['cat-hosts']?.stdout).toContain(
      byName(later.hosts.host1 as HostFacts, 'web').endpoints[0]?.ip,
    );
    expect(later.hosts.host1?.probes['ping-db']?.code).toBe(0);
  });

  it('reads only what the scope asks for', async () => {
    const facts = await observeLab({
      hosts: ['host1'],
      scope: { containerLinks: ['web'], firewall: false },
    });
    const h = facts.hosts.host1 as HostFacts;
    expect(byName(h, 'web').links?.length).toBeGreaterThan(1);
    expect(byName(h, 'c2').links).toBeUndefined();
    expect(byName(h, 'c2').netnsInode).toBeGreaterThan(0);
    expect(h.firewall).toEqual([]);
    expect(h.links.length).toBeGreaterThan(3);
  });

  it('lazy: reads container links and the firewall only when a judge looks at them', async () => {
    const facts = await observeLab({ hosts: ['host1'], lazy: true });
    const h = facts.hosts.host1 as HostFacts;
    let rounds = 0;
    const seen = await judgeLazily(facts, (f) => {
      rounds++;
      const hf = f.hosts.host1 as HostFacts;
      const web = byName(hf, 'web');
      const eth0 = web.links?.find((l) => l.name === 'eth0');
      const dnat = hf.firewall.find((r) => r.target === 'DNAT' && r.dport === '8080');
      return { peer: eth0?.peerIfindex, dnat: dnat?.toDestination };
    });
    expect(rounds).toBe(2);
    const webIp = byName(h, 'web').endpoints[0]?.ip;
    expect(seen.dnat).toBe(`${webIp}:80`);
    expect(h.links.find((l) => l.ifindex === seen.peer)?.master).toBe('docker0');
    // Not looked at: not read, and plain data again.
    expect(byName(h, 'c2').links).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(byName(h, 'c2'), 'links')).toBeUndefined();
    // c1 was not asked for, but side shares its namespace: neither is read.
    expect(byName(h, 'side').links).toBeUndefined();
    expect(JSON.parse(JSON.stringify(h)).firewall.length).toBeGreaterThan(5);
  });

  it('reports a broken daemon.json, and an engine that does not answer, without failing the rest', async () => {
    const file = hostPaths('host2').daemonJson;
    const before = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, '{"bip": "192.168.200.1/24",}\n');
    try {
      await stopDockerd('host2');
      const facts = await observeLab({
        hosts: ['host2'],
        probes: [
          {
            id: 'h',
            host: 'host2',
            argv: ['ping', '-c', '1', '-W', '1', '192.0.2.12'],
            timeoutMs: 1000,
          },
        ],
      });
      const h = facts.hosts.host2 as HostFacts;
      expect(h.daemonConfig.ok).toBe(false);
      // Stopped: named as not running, with the file to fix (its log's last line when it has one).
      const engineError = h.errors?.find((e) => e.source === 'engine')?.message;
      expect(engineError).toContain("host2's engine is not running");
      expect(engineError).toContain('/etc/docker/daemon.json');
      expect(h.containers).toEqual([]);
      expect(h.links.find((l) => l.name === 'eth0')?.addresses).toContainEqual({
        family: 'inet',
        address: '192.0.2.12',
        prefixLen: 24,
      });
      expect(h.probes.h?.code).toBe(0);
      expect(h.probes.h?.stdout).toContain('64 bytes from 192.0.2.12');
    } finally {
      fs.writeFileSync(file, before);
      await startDockerd('host2');
    }
    // A restarted daemon is pinned again and read as before.
    const again = (await observeLab({ hosts: ['host2'] })).hosts.host2 as HostFacts;
    expect(again.errors).toBeUndefined();
    expect(again.engine.version).not.toBe('');
  });

  it('reads swarm state and nodes on a manager', async () => {
    await docker('host1', 'swarm', 'init', '--advertise-addr', '192.0.2.11');
    try {
      const h = (await observeLab({ hosts: ['host1'] })).hosts.host1 as HostFacts;
      expect(h.swarm).toMatchObject({ state: 'active', isManager: true, nodeAddr: '192.0.2.11' });
      expect(h.swarm.nodes).toHaveLength(1);
      expect(h.swarm.nodes?.[0]).toMatchObject({
        hostname: 'host1',
        role: 'manager',
        leader: true,
      });
      expect(h.networks.find((n) => n.name === 'ingress')).toMatchObject({
        driver: 'overlay',
        ingress: true,
        scope: 'swarm',
      });
    } finally {
      await onHost('host1', ['docker', 'swarm', 'leave', '--force']);
    }
  });
});
