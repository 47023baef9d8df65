import { describe, expect, it } from 'vitest';
import { HostBuilder, lab } from './facts-builder.js';
import { check } from './helpers.js';

function twoNets() {
  const h = new HostBuilder();
  h.network('labnet', { subnet: '10.99.0.0/24', bridge: 'br-lab' });
  return h;
}

describe('veth-peer-on-bridge', () => {
  it("pairs eth0 with the host veth by ifindex/iflink and finds it on the network's bridge", () => {
    const h = twoNets();
    const c = h.container('c1', { networks: { labnet: '10.99.0.2' } });
    const eth0 = c.links!.find((l) => l.name === 'eth0')!;
    const veth = h.facts.links.find((l) => l.ifindex === eth0.peerIfindex)!;
    const r = check('veth-peer-on-bridge', { container: 'c1' }, lab(h));
    expect(r.pass).toBe(true);
    expect(r.message).toBe(
      `c1's eth0 pairs with ${veth.name} (ifindex ${veth.ifindex}), a port of br-lab.`,
    );
    expect(r.evidence.join('\n')).toContain(`iflink ${veth.ifindex}`);
  });

  it('is not fooled by names or order: only the ifindex relation counts', () => {
    const h = twoNets();
    h.container('a', { networks: { bridge: '172.17.0.2' } });
    const c = h.container('c1', { networks: { labnet: '10.99.0.2' } });
    // Rename the veths so that the order of names suggests the wrong pairing.
    const vs = h.facts.links.filter((l) => l.kind === 'veth' && l.master);
    vs[0]!.name = 'vethzzz';
    vs[1]!.name = 'vethaaa';
    for (const p of h.facts.bridgePorts)
      p.name = h.facts.links.find((l) => l.ifindex === p.ifindex)!.name;
    const eth0 = c.links!.find((l) => l.name === 'eth0')!;
    const r = check('veth-peer-on-bridge', { container: 'c1', bridge: 'br-lab' }, lab(h));
    expect(r.pass).toBe(true);
    expect(r.message).toContain(h.facts.links.find((l) => l.ifindex === eth0.peerIfindex)!.name);
  });

  it('says which bridge the peer is on when another was asked for', () => {
    const h = twoNets();
    h.container('c1', { networks: { labnet: '10.99.0.2' } });
    const r = check('veth-peer-on-bridge', { container: 'c1', bridge: 'docker0' }, lab(h));
    expect(r.pass).toBe(false);
    expect(r.message).toContain('a port of br-lab; this step asks for docker0');
    expect(r.expected).toBe('docker0');
    expect(r.seen).toBe('br-lab');
  });

  it('accepts a network name for the bridge', () => {
    const h = twoNets();
    h.container('c1', { networks: { labnet: '10.99.0.2' } });
    expect(check('veth-peer-on-bridge', { container: 'c1', bridge: 'labnet' }, lab(h)).pass).toBe(
      true,
    );
  });

  it('fails when the peer is not in the host namespace (overlay)', () => {
    const h = twoNets();
    const c = h.container('c1', { networks: { labnet: '10.99.0.2' } });
    c.links!.find((l) => l.name === 'eth0')!.peerIfindex = 9999;
    const r = check('veth-peer-on-bridge', { container: 'c1' }, lab(h));
    expect(r.pass).toBe(false);
    expect(r.message).toContain('outside host1');
  });

  it('names the interfaces there are when the one asked for is missing', () => {
    const h = twoNets();
    h.container('c1', { networks: { labnet: '10.99.0.2' } });
    const r = check('veth-peer-on-bridge', { container: 'c1', interface: 'eth1' }, lab(h));
    expect(r.pass).toBe(false);
    expect(r.message).toBe('c1 has no interface eth1 (it has: lo, eth0).');
  });
});

describe('bridge-has-ports', () => {
  it('counts the ports of a bridge', () => {
    const h = twoNets();
    h.container('d1', { networks: { bridge: '172.17.0.2' } });
    h.container('d2', { networks: { bridge: '172.17.0.3' } });
    h.container('c1', { networks: { labnet: '10.99.0.2' } });
    const r = check(
      'bridge-has-ports',
      { bridge: 'docker0', count: 2, containers: ['d1', 'd2'] },
      lab(h),
    );
    expect(r.pass).toBe(true);
    expect(r.message).toMatch(/^docker0 has 2 port\(s\): veth/);
  });

  it('says how many ports there are', () => {
    const h = twoNets();
    h.container('d1', { networks: { bridge: '172.17.0.2' } });
    const r = check('bridge-has-ports', { bridge: 'docker0', count: 2 }, lab(h));
    expect(r.pass).toBe(false);
    expect(r.message).toContain('docker0 has 1 port(s)');
    expect(r.message).toContain('asks for 2');
    const m = check('bridge-has-ports', { bridge: 'docker0', min: 3 }, lab(h));
    expect(m.message).toContain('at least 3');
  });

  it('an empty bridge has 0 ports (and still exists)', () => {
    const r = check('bridge-has-ports', { bridge: 'docker0', count: 0 }, lab(twoNets()));
    expect(r.pass).toBe(true);
  });

  it("says where a container's veth is when it is not on the bridge", () => {
    const h = twoNets();
    h.container('d1', { networks: { bridge: '172.17.0.2' } });
    h.container('c1', { networks: { labnet: '10.99.0.2' } });
    const r = check('bridge-has-ports', { bridge: 'docker0', containers: ['d1', 'c1'] }, lab(h));
    expect(r.pass).toBe(false);
    expect(r.message).toContain('No veth of c1 is a port of docker0');
    expect(r.message).toContain('on br-lab');
  });

  it('names the bridges there are when the one asked for is missing', () => {
    const r = check('bridge-has-ports', { bridge: 'br-nope', count: 0 }, lab(twoNets()));
    expect(r.pass).toBe(false);
    expect(r.message).toContain('docker0, br-lab');
  });
});
