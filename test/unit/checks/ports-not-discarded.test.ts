import { describe, expect, it } from 'vitest';
import { HostBuilder, lab } from './facts-builder.js';
import { check } from './helpers.js';

const asked = (hostPort: number, containerPort: number) => [
  { containerPort, protocol: 'tcp' as const, hostIp: '', hostPort },
];

describe('ports-not-discarded', () => {
  it('passes for a host-mode container without -p', () => {
    const h = new HostBuilder();
    h.container('web', { mode: 'host' });
    const r = check('ports-not-discarded', { container: 'web' }, lab(h));
    expect(r.pass).toBe(true);
    expect(r.message).toContain('(host)');
  });

  it('fails for --network host with -p, and says Docker discarded it', () => {
    const h = new HostBuilder();
    const c = h.container('web', { mode: 'host' });
    c.requestedPorts = asked(8081, 80);
    const r = check('ports-not-discarded', { container: 'web' }, lab(h));
    expect(r.pass).toBe(false);
    expect(r.message).toContain('--network host and -p 8081:80');
    expect(r.message).toContain('discarded');
    expect(r.message).toContain("host1's own ports");
    expect(r.seen).toBe('-p 8081:80');
    expect(r.evidence[0]).toContain('HostConfig.PortBindings 0.0.0.0:8081->80/tcp');
  });

  it('fails for --network host with -P, and for --network none with -p (silently ignored)', () => {
    const h = new HostBuilder();
    h.container('all', { mode: 'host', publishAll: true });
    const n = h.container('loner', { mode: 'none' });
    n.requestedPorts = [
      { containerPort: 53, protocol: 'udp', hostIp: '127.0.0.1', hostPort: 5353 },
      { containerPort: 80, protocol: 'tcp', hostIp: '', ephemeral: true },
    ];
    const a = check('ports-not-discarded', { container: 'all' }, lab(h));
    expect(a.pass).toBe(false);
    expect(a.seen).toBe('-P');
    const r = check('ports-not-discarded', { container: 'loner' }, lab(h));
    expect(r.pass).toBe(false);
    expect(r.message).toContain('--network none and -p 127.0.0.1:5353:53/udp -p 80');
    expect(r.message).toContain('without a word');
  });

  it('passes for -p on a bridge network: those ports are published', () => {
    const h = new HostBuilder();
    const c = h.container('web', { networks: { bridge: '172.17.0.2' } });
    c.requestedPorts = asked(8080, 80);
    expect(check('ports-not-discarded', { container: 'web' }, lab(h)).pass).toBe(true);
  });

  it('names a missing container', () => {
    const h = new HostBuilder();
    const r = check('ports-not-discarded', { container: 'nope' }, lab(h));
    expect(r.pass).toBe(false);
    expect(r.message).toContain('no container named nope');
  });
});
