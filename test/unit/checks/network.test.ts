import { describe, expect, it } from 'vitest';
import { HostBuilder, lab } from './facts-builder.js';
import { check } from './helpers.js';

function withLabnet() {
  const h = new HostBuilder();
  h.network('labnet', {
    subnet: '10.99.0.0/24',
    bridge: 'br-lab',
    options: { 'com.docker.network.bridge.name': 'br-lab' },
  });
  return h;
}

describe('network-exists', () => {
  it('passes for the network with the right driver and subnet, whatever host bits the subnet is written with', () => {
    const r = check(
      'network-exists',
      { name: 'labnet', driver: 'bridge', subnet: '10.99.0.7/24' },
      lab(withLabnet()),
    );
    expect(r.pass).toBe(true);
    expect(r.message).toContain('labnet');
    expect(r.message).toContain('10.99.0.0/24');
  });

  it('names the subnet seen and the one asked for', () => {
    const r = check(
      'network-exists',
      { name: 'labnet', subnet: '10.98.0.0/24' },
      lab(withLabnet()),
    );
    expect(r.pass).toBe(false);
    expect(r.message).toBe('labnet has subnet 10.99.0.0/24; this step asks for 10.98.0.0/24.');
    expect(r.expected).toBe('10.98.0.0/24');
    expect(r.seen).toBe('10.99.0.0/24');
    expect(r.evidence.join('\n')).toContain('driver bridge');
  });

  it('a /24 inside a /16 is not the /16', () => {
    const r = check(
      'network-exists',
      { name: 'labnet', subnet: '10.99.0.0/16' },
      lab(withLabnet()),
    );
    expect(r.pass).toBe(false);
  });

  it('reads the gateway from the bridge address when IPAM leaves it out (engines ≤28)', () => {
    const h = withLabnet();
    const ok = check('network-exists', { name: 'labnet', gateway: '10.99.0.1' }, lab(h));
    expect(ok.pass).toBe(true);
    expect(ok.evidence.join('\n')).toContain('br-lab address');
    const wrong = check('network-exists', { name: 'labnet', gateway: '10.99.0.254' }, lab(h));
    expect(wrong.pass).toBe(false);
    expect(wrong.message).toContain('10.99.0.1');
    expect(wrong.message).toContain('10.99.0.254');
  });

  it('prefers the IPAM gateway when there is one', () => {
    const h = new HostBuilder();
    h.network('gw', {
      subnet: '10.50.0.0/24',
      ipamGateway: '10.50.0.254',
      bridgeAddress: '10.50.0.254/24',
    });
    expect(check('network-exists', { name: 'gw', gateway: '10.50.0.254' }, lab(h)).pass).toBe(true);
    const r = check('network-exists', { name: 'gw', gateway: '10.50.0.1' }, lab(h));
    expect(r.pass).toBe(false);
    expect(r.seen).toBe('10.50.0.254');
  });

  it('says which driver differs', () => {
    const h = new HostBuilder();
    h.network('mv', { driver: 'macvlan', subnet: '192.0.2.0/24', bridgeAddress: false });
    const r = check('network-exists', { name: 'mv', driver: 'bridge' }, lab(h));
    expect(r.pass).toBe(false);
    expect(r.message).toBe('mv uses the macvlan driver; this step asks for bridge.');
  });

  it('checks --internal and --attachable', () => {
    const h = new HostBuilder();
    h.network('inner', { subnet: '10.98.0.0/24', internal: true });
    expect(check('network-exists', { name: 'inner', internal: true }, lab(h)).pass).toBe(true);
    const r = check('network-exists', { name: 'inner', attachable: true }, lab(h));
    expect(r.pass).toBe(false);
    expect(r.message).toContain('--attachable');
    const h2 = withLabnet();
    const r2 = check('network-exists', { name: 'labnet', internal: true }, lab(h2));
    expect(r2.message).toContain('--internal');
  });

  it('names the networks that do exist when the one asked for does not', () => {
    const r = check('network-exists', { name: 'appnet' }, lab(withLabnet()));
    expect(r.pass).toBe(false);
    expect(r.message).toContain('appnet');
    expect(r.message).toContain('labnet');
  });

  it('subnetWithin proves a network came from a pool', () => {
    const h = new HostBuilder();
    h.network('pooled', { subnet: '10.10.3.0/24' });
    expect(
      check('network-exists', { name: 'pooled', subnetWithin: '10.10.0.0/16' }, lab(h)).pass,
    ).toBe(true);
    const r = check('network-exists', { name: 'pooled', subnetWithin: '10.20.0.0/16' }, lab(h));
    expect(r.pass).toBe(false);
    expect(r.message).toContain('10.10.3.0/24');
  });

  it('rejects a subnet param that is not a CIDR, naming the param', () => {
    const r = check('network-exists', { name: 'labnet', subnet: '10.99.0.0' }, lab(withLabnet()));
    expect(r.pass).toBe(false);
    expect(r.message).toContain('param subnet');
    expect(r.message).toContain('CIDR');
  });
});

describe('network-absent', () => {
  it('passes when the network is gone', () => {
    const r = check('network-absent', { name: 'labnet' }, lab(new HostBuilder()));
    expect(r.pass).toBe(true);
    expect(r.message).toContain('no network labnet');
  });

  it('fails while it exists, and names the containers still attached', () => {
    const h = withLabnet();
    h.container('c1', { networks: { labnet: '10.99.0.2' } });
    const r = check('network-absent', { name: 'labnet' }, lab(h));
    expect(r.pass).toBe(false);
    expect(r.message).toContain('c1');
    expect(r.message).toContain('docker network rm labnet');
  });

  it('fails for an empty network that still exists', () => {
    const r = check('network-absent', { name: 'labnet' }, lab(withLabnet()));
    expect(r.pass).toBe(false);
    expect(r.message).toBe(
      'Network labnet (bridge) still exists: remove it with docker network rm labnet.',
    );
  });
});
