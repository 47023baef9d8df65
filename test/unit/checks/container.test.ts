import { describe, expect, it } from 'vitest';
import { HostBuilder, fakeId, lab } from './facts-builder.js';
import { check } from './helpers.js';

function base() {
  const h = new HostBuilder();
  h.network('labnet', { subnet: '10.99.0.0/24' });
  h.network('appnet', { subnet: '10.98.0.0/24' });
  return h;
}

describe('container-running', () => {
  it('passes for a running container, found by name or by id prefix', () => {
    const h = base();
    h.container('web', { networks: { bridge: '172.17.0.2' } });
    expect(check('container-running', { container: 'web' }, lab(h)).pass).toBe(true);
    expect(check('container-running', { container: fakeId('web').slice(0, 12) }, lab(h)).pass).toBe(
      true,
    );
  });

  it('says a container exited, with its code', () => {
    const h = base();
    h.container('web', { running: false, exitCode: 1 });
    const r = check('container-running', { container: 'web' }, lab(h));
    expect(r.pass).toBe(false);
    expect(r.message).toContain('exited with code 1');
    expect(r.expected).toBe('running');
    expect(r.seen).toContain('Exited (1)');
  });

  it('names the containers there are when the one asked for is missing', () => {
    const h = base();
    h.container('web2', { networks: { bridge: '172.17.0.2' } });
    const r = check('container-running', { container: 'web' }, lab(h));
    expect(r.pass).toBe(false);
    expect(r.message).toBe('There is no container named web on host1 (containers there: web2).');
  });

  it('says when the engine could not be read', () => {
    const h = base();
    h.facts.errors = [{ source: 'engine', message: 'connect ENOENT docker.sock' }];
    const r = check('container-running', { container: 'web' }, lab(h));
    expect(r.pass).toBe(false);
    expect(r.message).toContain('ENOENT');
  });
});

describe('container-on-network', () => {
  it('passes when the container is on the network (also when connected after run)', () => {
    const h = base();
    h.container('c1', { networks: { labnet: '10.99.0.2', appnet: '10.98.0.7' }, mode: 'labnet' });
    const r = check('container-on-network', { container: 'c1', network: 'appnet' }, lab(h));
    expect(r.pass).toBe(true);
    expect(r.message).toBe('c1 is on appnet with 10.98.0.7.');
  });

  it('says which networks the container is on instead', () => {
    const h = base();
    h.container('c1', { networks: { labnet: '10.99.0.2' } });
    const r = check('container-on-network', { container: 'c1', network: 'appnet' }, lab(h));
    expect(r.pass).toBe(false);
    expect(r.message).toContain('c1 is not on appnet; it is on: labnet (10.99.0.2)');
    expect(r.message).toContain('docker network connect appnet c1');
  });

  it('fails an address outside the subnet', () => {
    const h = base();
    h.container('c1', { networks: { labnet: '10.97.0.2' } });
    const r = check('container-on-network', { container: 'c1', network: 'labnet' }, lab(h));
    expect(r.pass).toBe(false);
    expect(r.message).toContain('10.97.0.2');
    expect(r.message).toContain('10.99.0.0/24');
    expect(
      check(
        'container-on-network',
        { container: 'c1', network: 'labnet', ipInSubnet: false },
        lab(h),
      ).pass,
    ).toBe(true);
  });

  it('explains host-mode containers have no endpoints', () => {
    const h = base();
    h.container('hc', { mode: 'host' });
    const r = check('container-on-network', { container: 'hc', network: 'labnet' }, lab(h));
    expect(r.pass).toBe(false);
    expect(r.message).toContain('--network host');
  });

  it('treats "default" as the default bridge', () => {
    const h = base();
    h.container('d1', { networks: { bridge: '172.17.0.2' }, mode: 'default' });
    expect(
      check('container-on-network', { container: 'd1', network: 'default' }, lab(h)).pass,
    ).toBe(true);
  });
});

describe('container-not-on-network', () => {
  it('passes after a disconnect', () => {
    const h = base();
    h.container('c1', { networks: { labnet: '10.99.0.2' } });
    const r = check('container-not-on-network', { container: 'c1', network: 'appnet' }, lab(h));
    expect(r.pass).toBe(true);
    expect(r.message).toContain('labnet');
  });

  it('fails while still connected, with the disconnect command', () => {
    const h = base();
    h.container('c1', { networks: { labnet: '10.99.0.2', appnet: '10.98.0.3' } });
    const r = check('container-not-on-network', { container: 'c1', network: 'appnet' }, lab(h));
    expect(r.pass).toBe(false);
    expect(r.message).toBe(
      'c1 is still on appnet (10.98.0.3): docker network disconnect appnet c1 removes it.',
    );
  });
});

describe('container-ip', () => {
  it('passes for the address on the network', () => {
    const h = base();
    h.container('c1', { networks: { labnet: '10.99.0.50' } });
    expect(
      check('container-ip', { container: 'c1', network: 'labnet', ip: '10.99.0.50' }, lab(h)).pass,
    ).toBe(true);
    expect(check('container-ip', { container: 'c1', ip: '10.99.0.50' }, lab(h)).pass).toBe(true);
  });

  it('names the address seen and the one asked for', () => {
    const h = base();
    h.container('c1', { networks: { labnet: '10.99.0.2' } });
    const r = check(
      'container-ip',
      { container: 'c1', network: 'labnet', ip: '10.99.0.50' },
      lab(h),
    );
    expect(r.pass).toBe(false);
    expect(r.message).toBe('c1 has 10.99.0.2 on labnet; this step asks for 10.99.0.50.');
    expect(r.seen).toBe('10.99.0.2');
    expect(r.expected).toBe('10.99.0.50');
  });

  it('names a refused --ip as the cause when the container was created but not started', () => {
    const h = base();
    const c = h.container('c1', { networks: { bridge: '' }, running: false, status: 'created' });
    c.endpoints[0]!.requestedIp = '172.17.0.100';
    const r = check('container-ip', { container: 'c1', ip: '172.17.0.100' }, lab(h));
    expect(r.pass).toBe(false);
    expect(r.message).toContain('would not start it with --ip 172.17.0.100 on bridge');
    // Without an --ip asked for, a stopped container is just "not running".
    c.endpoints[0]!.requestedIp = undefined;
    expect(
      check('container-ip', { container: 'c1', ip: '172.17.0.100' }, lab(h)).message,
    ).not.toContain('--ip');
  });

  it('rejects a param that is not an address', () => {
    const h = base();
    h.container('c1', { networks: { labnet: '10.99.0.2' } });
    const r = check('container-ip', { container: 'c1', ip: '10.99.0.0/24' }, lab(h));
    expect(r.pass).toBe(false);
    expect(r.message).toContain('param ip');
    expect(r.message).toContain('IPv4 address');
  });
});

describe('interface-count', () => {
  it('counts interfaces besides lo', () => {
    const h = base();
    h.container('c1', { networks: { labnet: '10.99.0.2', appnet: '10.98.0.2' } });
    const r = check('interface-count', { container: 'c1', count: 2 }, lab(h));
    expect(r.pass).toBe(true);
    expect(r.message).toContain('eth0, eth1');
  });

  it('says how many there are', () => {
    const h = base();
    h.container('c1', { networks: { labnet: '10.99.0.2' } });
    const r = check('interface-count', { container: 'c1', count: 2 }, lab(h));
    expect(r.pass).toBe(false);
    expect(r.message).toBe('c1 has 1 interface(s) besides lo (eth0); this step asks for 2.');
  });

  it('a none container has zero', () => {
    const h = base();
    h.container('n', { mode: 'none' });
    expect(check('interface-count', { container: 'n', count: 0 }, lab(h)).pass).toBe(true);
  });
});

describe('network-mode', () => {
  it('host, none, bridge (= default)', () => {
    const h = base();
    h.container('hc', { mode: 'host' });
    h.container('nc', { mode: 'none' });
    h.container('dc', { mode: 'default', networks: { bridge: '172.17.0.2' } });
    expect(check('network-mode', { container: 'hc', mode: 'host' }, lab(h)).pass).toBe(true);
    expect(check('network-mode', { container: 'nc', mode: 'none' }, lab(h)).pass).toBe(true);
    expect(check('network-mode', { container: 'dc', mode: 'bridge' }, lab(h)).pass).toBe(true);
    expect(check('network-mode', { container: 'dc', mode: 'default' }, lab(h)).pass).toBe(true);
    const r = check('network-mode', { container: 'dc', mode: 'host' }, lab(h));
    expect(r.pass).toBe(false);
    expect(r.message).toBe('dc runs with network mode bridge; this step asks for host.');
  });

  it('container:<name> matches the full id the engine records', () => {
    const h = base();
    h.container('web', { networks: { labnet: '10.99.0.2' } });
    h.container('other', { networks: { labnet: '10.99.0.3' } });
    h.container('side', { mode: `container:${fakeId('web')}` });
    const r = check('network-mode', { container: 'side', mode: 'container:web' }, lab(h));
    expect(r.pass).toBe(true);
    expect(r.seen).toBe('container:web');
    const w = check('network-mode', { container: 'side', mode: 'container:other' }, lab(h));
    expect(w.pass).toBe(false);
    expect(w.message).toContain("shares web's network namespace");
    expect(w.message).toContain('other');
  });

  it('a user-defined network is not the default bridge', () => {
    const h = base();
    h.container('c1', { networks: { labnet: '10.99.0.2' } });
    const r = check('network-mode', { container: 'c1', mode: 'bridge' }, lab(h));
    expect(r.pass).toBe(false);
    expect(r.message).toContain('user-defined network labnet');
  });
});
