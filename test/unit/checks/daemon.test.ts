import { describe, expect, it } from 'vitest';
import { HostBuilder, lab } from './facts-builder.js';
import { check } from './helpers.js';
import { bipProblem } from '../../../src/checks/kinds/daemon-setting.js';
import { parseDaemonConfig } from '../../../src/observe/daemon-config.js';

function withBip(address: string, config: Record<string, unknown> = {}) {
  const h = new HostBuilder();
  const docker0 = h.facts.links.find((l) => l.name === 'docker0')!;
  const [a, p] = address.split('/');
  docker0.addresses = [{ family: 'inet', address: a!, prefixLen: Number(p) }];
  h.facts.daemonConfig = { ok: true, value: config };
  return h;
}

describe('daemon-setting bip', () => {
  it('passes when docker0 has the address (what is in effect, not what the file says)', () => {
    const r = check(
      'daemon-setting',
      { setting: 'bip', value: '192.168.200.1/24' },
      lab(withBip('192.168.200.1/24', { bip: '192.168.200.1/24' })),
    );
    expect(r.pass).toBe(true);
    expect(r.message).toBe('docker0 has 192.168.200.1/24, as bip 192.168.200.1/24 asks.');
  });

  it('says restart when daemon.json has it but the daemon still runs with the old address', () => {
    const r = check(
      'daemon-setting',
      { setting: 'bip', value: '192.168.200.1/24' },
      lab(withBip('172.17.0.1/16', { bip: '192.168.200.1/24' })),
    );
    expect(r.pass).toBe(false);
    expect(r.message).toBe(
      'daemon.json says bip 192.168.200.1/24 but the daemon still runs with 172.17.0.1/16: restart it.',
    );
  });

  it('recognises a network address written as bip', () => {
    const r = check(
      'daemon-setting',
      { setting: 'bip', value: '192.168.200.1/24' },
      lab(withBip('172.17.0.1/16', { bip: '192.168.200.0/24' })),
    );
    expect(r.pass).toBe(false);
    expect(r.message).toContain('192.168.200.0/24, a network address');
  });

  it('says when bip is not set at all, and when daemon.json is broken', () => {
    const r = check(
      'daemon-setting',
      { setting: 'bip', value: '192.168.200.1/24' },
      lab(withBip('172.17.0.1/16')),
    );
    expect(r.message).toContain(
      'docker0 has 172.17.0.1/16; this step asks for bip 192.168.200.1/24',
    );
    const h = withBip('172.17.0.1/16');
    h.facts.daemonConfig = { ok: false, error: 'Unexpected token } in JSON at position 31' };
    const b = check('daemon-setting', { setting: 'bip', value: '192.168.200.1/24' }, lab(h));
    expect(b.message).toContain('daemon.json is not valid JSON (Unexpected token }');
  });

  it('names a bip without a prefix length as the cause (dockerd refuses it and stays down)', () => {
    const h = withBip('172.17.0.1/16');
    h.facts.daemonConfig = parseDaemonConfig('{"bip": "192.168.200.1"}\n');
    const r = check('daemon-setting', { setting: 'bip', value: '192.168.200.1/24' }, lab(h));
    expect(r.pass).toBe(false);
    expect(r.message).toBe(
      'daemon.json sets bip to 192.168.200.1, with no prefix length: dockerd refuses it ("parse bip failed: invalid CIDR address") and does not start. Write docker0\'s address with its prefix, like 192.168.200.1/24, then restart-docker.',
    );
    // check --json prints this result: it must serialise.
    expect(JSON.parse(JSON.stringify(r))).toMatchObject({
      pass: false,
      seen: 'daemon.json bip 192.168.200.1',
    });
  });

  it('a bip that is no address at all, or not a string, is named too', () => {
    for (const text of ['{"bip": "docker0"}', '{"bip": 24}', '{"bip": "192.168.200.1/33"}']) {
      const h = withBip('172.17.0.1/16');
      h.facts.daemonConfig = parseDaemonConfig(text);
      const r = check('daemon-setting', { setting: 'bip', value: '192.168.200.1/24' }, lab(h));
      expect(r.pass).toBe(false);
      expect(r.message).toContain('not an IPv4 address with a prefix');
    }
  });

  it('bipProblem reads bip as dockerd parses it', () => {
    expect(bipProblem(undefined)).toBeUndefined();
    expect(bipProblem('192.168.200.1/24')).toBeUndefined();
    expect(bipProblem('192.168.200.1')).toBe('noPrefix');
    expect(bipProblem(' 10.0.0.1 ')).toBe('noPrefix');
    expect(bipProblem('192.168.200.1/')).toBe('invalid');
    expect(bipProblem('fd00::1/64')).toBe('invalid');
    expect(bipProblem(['192.168.200.1/24'])).toBe('invalid');
    expect(bipProblem(null)).toBe('invalid');
  });

  it('rejects a bip param without a prefix', () => {
    const r = check(
      'daemon-setting',
      { setting: 'bip', value: '192.168.200.1' },
      lab(withBip('172.17.0.1/16')),
    );
    expect(r.pass).toBe(false);
    expect(r.message).toContain('param value');
  });
});

describe('daemon-setting default-address-pools', () => {
  it('passes when the engine reports the pool', () => {
    const h = new HostBuilder();
    h.facts.engine.defaultAddressPools = [{ base: '10.10.0.0/16', size: 24 }];
    const r = check(
      'daemon-setting',
      { setting: 'default-address-pools', value: [{ base: '10.10.0.0/16', size: 24 }] },
      lab(h),
    );
    expect(r.pass).toBe(true);
    expect(r.message).toContain('docker0 and existing networks keep theirs');
  });

  it('says restart when only daemon.json has it', () => {
    const h = new HostBuilder();
    h.facts.daemonConfig = {
      ok: true,
      value: { 'default-address-pools': [{ base: '10.10.0.0/16', size: 24 }] },
    };
    const r = check(
      'daemon-setting',
      { setting: 'default-address-pools', value: { base: '10.10.0.0/16', size: 24 } },
      lab(h),
    );
    expect(r.pass).toBe(false);
    expect(r.message).toBe(
      'daemon.json says default-address-pools 10.10.0.0/16 size 24 but the daemon still runs with built-in pools: restart it.',
    );
  });

  it('names the pools in effect when they differ', () => {
    const h = new HostBuilder();
    h.facts.engine.defaultAddressPools = [{ base: '10.20.0.0/16', size: 24 }];
    const r = check(
      'daemon-setting',
      { setting: 'default-address-pools', value: { base: '10.10.0.0/16', size: 24 } },
      lab(h),
    );
    expect(r.pass).toBe(false);
    expect(r.message).toContain('10.20.0.0/16 size 24');
    expect(r.message).toContain('10.10.0.0/16 size 24');
  });
});

describe('daemon-setting dns', () => {
  it('reads daemon.json', () => {
    const h = new HostBuilder();
    h.facts.daemonConfig = { ok: true, value: { dns: ['192.0.2.53'] } };
    expect(check('daemon-setting', { setting: 'dns', value: '192.0.2.53' }, lab(h)).pass).toBe(
      true,
    );
    const r = check('daemon-setting', { setting: 'dns', value: ['198.51.100.53'] }, lab(h));
    expect(r.pass).toBe(false);
    expect(r.message).toBe('daemon.json sets dns to 192.0.2.53; this step asks for 198.51.100.53.');
  });
});

describe('swarm-nodes', () => {
  function manager(nodes: { hostname: string; state: string }[]) {
    const h = new HostBuilder();
    h.facts.swarm = {
      state: 'active',
      isManager: true,
      nodes: nodes.map((n, i) => ({
        id: `n${i}`,
        hostname: n.hostname,
        role: i === 0 ? 'manager' : 'worker',
        state: n.state,
      })),
    };
    return h;
  }

  it('counts ready nodes', () => {
    const r = check(
      'swarm-nodes',
      { count: 2 },
      lab(
        manager([
          { hostname: 'host1', state: 'ready' },
          { hostname: 'host2', state: 'ready' },
        ]),
      ),
    );
    expect(r.pass).toBe(true);
    expect(r.message).toBe('The swarm has 2 ready node(s): host1 (ready), host2 (ready).');
  });

  it('a down node does not count', () => {
    const r = check(
      'swarm-nodes',
      { count: 2 },
      lab(
        manager([
          { hostname: 'host1', state: 'ready' },
          { hostname: 'host2', state: 'down' },
        ]),
      ),
    );
    expect(r.pass).toBe(false);
    expect(r.message).toContain(
      '1 ready node(s) (host1 (ready), host2 (down)); this step asks for 2',
    );
    expect(
      check(
        'swarm-nodes',
        { count: 2, ready: false },
        lab(
          manager([
            { hostname: 'host1', state: 'ready' },
            { hostname: 'host2', state: 'down' },
          ]),
        ),
      ).pass,
    ).toBe(true);
  });

  it('says when the host is not in a swarm, or is a worker', () => {
    const r = check('swarm-nodes', { count: 1 }, lab(new HostBuilder()));
    expect(r.pass).toBe(false);
    expect(r.message).toContain('not in a swarm (state inactive)');
    const w = new HostBuilder();
    w.facts.swarm = { state: 'active', isManager: false };
    expect(check('swarm-nodes', { count: 1 }, lab(w)).message).toContain('is a worker');
  });
});

describe('overlay-vxlan', () => {
  function withOverlay(options: Record<string, string>, driver = 'overlay') {
    const h = new HostBuilder();
    h.network('ov', {
      driver,
      subnet: '10.0.1.0/24',
      ipamGateway: '10.0.1.1',
      options,
      attachable: true,
      bridgeAddress: false,
    });
    return h;
  }

  it('passes for an overlay with a VXLAN id', () => {
    const r = check(
      'overlay-vxlan',
      { network: 'ov' },
      lab(withOverlay({ 'com.docker.network.driver.overlay.vxlanid_list': '4097' })),
    );
    expect(r.pass).toBe(true);
    expect(r.message).toBe('ov is an overlay network with VXLAN id 4097.');
    expect(
      check(
        'overlay-vxlan',
        { network: 'ov', vxlanId: 4097 },
        lab(withOverlay({ 'com.docker.network.driver.overlay.vxlanid_list': '4097' })),
      ).pass,
    ).toBe(true);
  });

  it('names the VXLAN id seen', () => {
    const r = check(
      'overlay-vxlan',
      { network: 'ov', vxlanId: 4096 },
      lab(withOverlay({ 'com.docker.network.driver.overlay.vxlanid_list': '4097' })),
    );
    expect(r.pass).toBe(false);
    expect(r.message).toBe('ov has VXLAN id 4097; this step asks for 4096.');
  });

  it('says when the network is not an overlay', () => {
    const h = new HostBuilder();
    h.network('ov', { subnet: '10.77.0.0/24' });
    const r = check('overlay-vxlan', { network: 'ov' }, lab(h));
    expect(r.pass).toBe(false);
    expect(r.message).toContain('ov is a bridge network');
  });

  it('explains lazy creation on a worker', () => {
    const h = new HostBuilder('host2');
    h.facts.swarm = { state: 'active', isManager: false };
    const f = lab(h);
    const r = check('overlay-vxlan', { network: 'ov', host: 'host2' }, f);
    expect(r.pass).toBe(false);
    expect(r.message).toContain('on a worker, an overlay network appears once a container');
  });
});
