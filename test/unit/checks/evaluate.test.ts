import { describe, expect, it } from 'vitest';
import {
  checkIds,
  collectProbes,
  evaluateChecks,
  requiredFeatures,
  validateCheckParams,
  type StepCheck,
} from '../../../src/checks/evaluate.js';
import { allCheckers } from '../../../src/checks/registry.js';
import { HostBuilder, ctx, lab } from './facts-builder.js';

function facts() {
  const h = new HostBuilder();
  h.network('labnet', { subnet: '10.99.0.0/24' });
  h.container('c1', { networks: { labnet: '10.99.0.2' } });
  return lab(h);
}

describe('the registry', () => {
  it('has every kind the lessons use, each with a description and a schema', () => {
    const kinds = allCheckers()
      .map((c) => c.kind)
      .sort();
    expect(kinds).toEqual(
      [
        'bridge-has-ports',
        'container-ip',
        'container-link',
        'container-not-on-network',
        'container-on-network',
        'container-running',
        'container-stopped',
        'daemon-setting',
        'dns-resolves',
        'file-contains',
        'file-has-fact',
        'file-names-veth',
        'firewall-rule',
        'interface-count',
        'nat-rule',
        'netns-link',
        'netns-reachable',
        'netns-route',
        'network-absent',
        'network-exists',
        'network-mode',
        'not-reachable',
        'overlay-vxlan',
        'port-published',
        'ports-not-discarded',
        'reachable',
        'swarm-nodes',
        'veth-peer-on-bridge',
      ].sort(),
    );
    for (const c of allCheckers()) expect(c.description.length).toBeGreaterThan(20);
  });
});

describe('check ids', () => {
  it('default to the kind, or kind-n when the kind repeats', () => {
    const checks: StepCheck[] = [
      { kind: 'container-running', params: { container: 'a' } },
      { kind: 'network-exists', params: { name: 'x' } },
      { kind: 'container-running', params: { container: 'b' } },
      { kind: 'container-running', id: 'mine', params: { container: 'c' } },
    ];
    expect(checkIds(checks)).toEqual([
      'container-running-1',
      'network-exists',
      'container-running-2',
      'mine',
    ]);
  });
});

describe('evaluateChecks', () => {
  it('returns one result per check, in order, with ids and kinds', () => {
    const rs = evaluateChecks(
      [
        { kind: 'network-exists', params: { name: 'labnet' } },
        { kind: 'container-running', params: { container: 'c1' } },
      ],
      facts(),
      ctx,
    );
    expect(rs.map((r) => [r.id, r.kind, r.pass])).toEqual([
      ['network-exists', 'network-exists', true],
      ['container-running', 'container-running', true],
    ]);
  });

  it('a bad param is a failing result naming the param and what was expected, never a throw', () => {
    const [r] = evaluateChecks(
      [{ kind: 'container-ip', id: 'ip', params: { container: 'c1', ip: 42, extra: true } }],
      facts(),
      ctx,
    );
    expect(r!.pass).toBe(false);
    expect(r!.message).toContain(
      'Check ip (container-ip) is written wrongly: param ip: expected string, received number.',
    );
    expect(r!.message).toContain('param extra: unknown param');
    const [m] = evaluateChecks(
      [{ kind: 'container-ip', id: 'ip', params: { ip: '10.0.0.1' } }],
      facts(),
      ctx,
    );
    expect(m!.message).toContain('param container: missing (expected string)');
  });

  it('an unknown kind is a failing result', () => {
    const [r] = evaluateChecks([{ kind: 'container-flying', params: {} }], facts(), ctx);
    expect(r!.pass).toBe(false);
    expect(r!.message).toBe('Check container-flying names an unknown kind: container-flying.');
  });

  it('a check whose needed check failed waits on it instead of failing a second time', () => {
    const rs = evaluateChecks(
      [
        {
          kind: 'container-on-network',
          id: 'on-net',
          needs: ['runs'],
          params: { container: 'web', network: 'labnet' },
        },
        { kind: 'container-running', id: 'runs', params: { container: 'web' } },
      ],
      facts(),
      ctx,
    );
    expect(rs[0]!.id).toBe('on-net');
    expect(rs[0]!.pass).toBe(false);
    expect(rs[0]!.waitingOn).toBe('runs');
    expect(rs[0]!.message).toBe('waiting on runs (it must pass first)');
    expect(rs[1]!.pass).toBe(false);
    expect(rs[1]!.waitingOn).toBeUndefined();
  });

  it('runs the dependent check once its need passes', () => {
    const rs = evaluateChecks(
      [
        { kind: 'container-running', id: 'runs', params: { container: 'c1' } },
        {
          kind: 'container-on-network',
          needs: ['runs'],
          params: { container: 'c1', network: 'labnet' },
        },
      ],
      facts(),
      ctx,
    );
    expect(rs[1]!.pass).toBe(true);
    expect(rs[1]!.waitingOn).toBeUndefined();
  });

  it('an unknown need and a cycle are reported, not thrown', () => {
    const [u] = evaluateChecks(
      [{ kind: 'container-running', needs: ['ghost'], params: { container: 'c1' } }],
      facts(),
      ctx,
    );
    expect(u!.pass).toBe(false);
    expect(u!.message).toContain('ghost');
    const cyc = evaluateChecks(
      [
        { kind: 'container-running', id: 'a', needs: ['b'], params: { container: 'c1' } },
        { kind: 'container-running', id: 'b', needs: ['a'], params: { container: 'c1' } },
      ],
      facts(),
      ctx,
    );
    expect(cyc.some((r) => r.message.includes('cycle'))).toBe(true);
    expect(cyc.every((r) => !r.pass)).toBe(true);
  });

  it('skips a check whose kernel feature is missing, with the reason, and never passes it', () => {
    const f = facts();
    f.features.macvlan = false;
    const [r] = evaluateChecks(
      [{ kind: 'network-exists', params: { name: 'mv', driver: 'macvlan' } }],
      f,
      ctx,
    );
    expect(r!.pass).toBe(false);
    expect(r!.skipped).toBe('needs macvlan, not available on this machine');
    expect(r!.message).toBe('needs macvlan, not available on this machine');
  });

  it("shows the lesson's message instead of the checker's when it fails, and keeps the checker's as detail", () => {
    const [r] = evaluateChecks(
      [{ kind: 'container-running', message: 'Start web first.', params: { container: 'web' } }],
      facts(),
      ctx,
    );
    expect(r!.message).toBe('Start web first.');
    expect(r!.detail).toContain('no container named web');
    const [ok] = evaluateChecks(
      [{ kind: 'container-running', message: 'Start c1 first.', params: { container: 'c1' } }],
      facts(),
      ctx,
    );
    expect(ok!.message).toBe('c1 is running.');
  });

  it('defaults the host to the context and reports an unknown host', () => {
    const [r] = evaluateChecks(
      [{ kind: 'container-running', params: { host: 'host9', container: 'c1' } }],
      facts(),
      ctx,
    );
    expect(r!.pass).toBe(false);
    expect(r!.message).toContain('host9');
  });
});

describe('collectProbes and requiredFeatures', () => {
  it('deduplicates probes by id and leaves out checks without probes or with bad params', () => {
    const checks: StepCheck[] = [
      { kind: 'reachable', params: { from: { container: 'c1' }, to: '10.99.0.9' } },
      { kind: 'not-reachable', params: { from: { container: 'c1' }, to: '10.99.0.9' } },
      {
        kind: 'reachable',
        params: { from: { container: 'c1' }, to: '10.99.0.9', timeoutMs: 99999 },
      },
      { kind: 'container-running', params: { container: 'c1' } },
    ];
    const probes = collectProbes(checks, ctx, facts());
    expect(probes).toHaveLength(1);
    expect(probes[0]!.id).toBe('host1/c1: ping -c 1 -W 1 10.99.0.9 (tries for 3000 ms)');
  });

  it('without facts, declares the probes it can (addresses), not those needing a container lookup', () => {
    const probes = collectProbes(
      [
        { kind: 'reachable', params: { to: '192.0.2.12' } },
        { kind: 'reachable', params: { from: { container: 'c1' }, to: 'web' } },
        { kind: 'file-contains', params: { container: 'c1', path: '/etc/hosts' } },
      ],
      ctx,
    );
    expect(probes.map((p) => p.argv.join(' '))).toEqual([
      'ping -c 1 -W 1 192.0.2.12',
      'cat /etc/hosts',
    ]);
  });

  it('every try is bounded by 3 s, a reachability probe tries for a 3 s window with 1 s tries', () => {
    const probes = collectProbes(
      [
        { kind: 'reachable', params: { to: '192.0.2.12', timeoutMs: 3000 } },
        { kind: 'dns-resolves', params: { container: 'c1', name: 'web' } },
      ],
      ctx,
      facts(),
    );
    for (const p of probes) expect(p.timeoutMs).toBeLessThanOrEqual(3000);
    expect(probes[0]!.argv).toEqual(['ping', '-c', '1', '-W', '1', '192.0.2.12']);
    expect(probes[0]!.timeoutMs).toBe(2000);
    expect(probes[0]!.windowMs).toBe(3000);
  });

  it('requiredFeatures gathers the features of the checks', () => {
    expect(
      requiredFeatures([
        { kind: 'network-exists', params: { name: 'mv', driver: 'macvlan' } },
        { kind: 'overlay-vxlan', params: { network: 'ov' } },
        { kind: 'container-running', params: { container: 'c1' } },
      ]),
    ).toEqual(['macvlan', 'vxlan']);
  });

  it('validateCheckParams applies defaults', () => {
    const v = validateCheckParams('veth-peer-on-bridge', { container: 'c1' });
    expect(v.ok).toBe(true);
    if (v.ok) expect(v.params).toEqual({ container: 'c1', interface: 'eth0' });
  });
});

describe('param messages for lesson authors', () => {
  it('say which param, and what is allowed', () => {
    const f = { hosts: {}, features: {}, observedAt: '' };
    const msg = (kind: string, params: Record<string, unknown>) =>
      evaluateChecks([{ kind, params }], f, ctx)[0]!.message;
    expect(msg('nat-rule', { type: 'DNAT' })).toBe(
      'Check nat-rule (nat-rule) is written wrongly: param type: expected one of "dnat"|"masquerade"|"snat"|"source-nat".',
    );
    expect(msg('daemon-setting', { setting: 'bip', value: 5 })).toContain(
      'param value: expected an address',
    );
    expect(msg('reachable', { from: 'c1', to: 'web' })).toContain(
      'param from: expected object, received string',
    );
  });
});
