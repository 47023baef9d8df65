import { describe, expect, it } from 'vitest';
import { collectProbes, evaluateChecks, type StepCheck } from '../../../src/checks/evaluate.js';
import { classifyReach, parseNslookup } from '../../../src/observe/probe.js';
import type { Probe } from '../../../src/checks/types.js';
import type { LabFacts, ProbeResult } from '../../../src/observe/facts.js';
import { HostBuilder, ctx, lab, publish } from './facts-builder.js';
import recorded from './recorded-busybox.json' with { type: 'json' };

type Rec = { argv: string[]; code: number; stdout: string; stderr: string; ms: number };
const rec = recorded as unknown as Record<string, Rec>;

function res(name: string): ProbeResult {
  const r = rec[name]!;
  return { code: r.code, stdout: r.stdout, stderr: r.stderr, ms: r.ms };
}

/** dns-resolves' two probes: the container's /etc/hosts (recorded), then the nslookup answer. */
function dns(answer: string, hosts = res('catHosts')) {
  return (p: Probe) => (p.argv[0] === 'cat' ? hosts : res(answer));
}

/** The run's flow: probes declared from the state facts, run (here: answered), then judged. */
function run(checks: StepCheck[], facts: LabFacts, answer: (p: Probe) => ProbeResult | undefined) {
  const probes = collectProbes(checks, ctx, facts);
  for (const p of probes) {
    const r = answer(p);
    if (r) facts.hosts[p.host]!.probes[p.id] = r;
  }
  return { probes, results: evaluateChecks(checks, facts, ctx) };
}

function lab1() {
  const h = new HostBuilder('host1', '192.0.2.11');
  h.network('labnet', { subnet: '10.99.0.0/24' });
  h.network('other', { subnet: '10.98.0.0/24' });
  h.container('web', { networks: { labnet: '10.99.0.2' } });
  h.container('c1', { networks: { labnet: '10.99.0.3' } });
  h.container('d1', { networks: { bridge: '172.17.0.2' }, mode: 'default' });
  h.container('d2', { networks: { bridge: '172.17.0.3' }, mode: 'default' });
  h.container('o1', { networks: { other: '10.98.0.2' } });
  h.container('stopped', { running: false });
  const h2 = new HostBuilder('host2', '192.0.2.12');
  return lab(h, h2);
}

describe('probe output parsing (recorded BusyBox 1.35 output)', () => {
  it('classifies ping, nc and the UDP DNS probe', () => {
    expect(classifyReach('icmp', res('pingOk'))).toBe('reached');
    expect(classifyReach('icmp', res('pingTimeout'))).toBe('timeout');
    expect(classifyReach('icmp', res('pingIsolated'))).toBe('timeout');
    expect(classifyReach('icmp', res('pingNoRoute'))).toBe('unreachable');
    expect(classifyReach('tcp', res('tcpOk'))).toBe('reached');
    expect(classifyReach('tcp', res('tcpRefused'))).toBe('refused');
    expect(classifyReach('tcp', res('tcpTimeout'))).toBe('timeout');
    expect(classifyReach('tcp', res('tcpNoNeighbour'))).toBe('unreachable');
    expect(classifyReach('tcp', res('tcpNoRoute'))).toBe('unreachable');
    expect(classifyReach('udp', res('udpReply'))).toBe('reached');
    expect(classifyReach('udp', res('udpRefused'))).toBe('refused');
    expect(classifyReach('udp', res('udpSilent'))).toBe('timeout');
    expect(classifyReach('icmp', res('hostPingOk'))).toBe('reached');
    expect(classifyReach('udp', res('hostUdpReply'))).toBe('reached');
  });

  it('a probe that could not run is an error, never "unreachable" (nc -z is not in this BusyBox)', () => {
    expect(classifyReach('tcp', res('ncZ'))).toBe('error');
    expect(
      classifyReach('tcp', {
        code: 127,
        stdout: '',
        stderr: 'exec: "nc": executable file not found in $PATH',
        ms: 3,
      }),
    ).toBe('error');
  });

  it('parses nslookup answers, NXDOMAIN and silence', () => {
    const ok = parseNslookup(res('dnsOk').stdout);
    expect(ok.server).toBe('127.0.0.11');
    expect(ok.addresses).toEqual(['10.99.0.2']);
    const nx = parseNslookup(res('udpReply').stdout);
    expect(nx.addresses).toEqual([]);
    expect(nx.nxdomain).toBe(true);
    const none = parseNslookup(res('udpSilent').stdout);
    expect(none.noAnswer).toBe(true);
    expect(none.addresses).toEqual([]);
  });

  it('parses the older BusyBox format too', () => {
    const old =
      'Server:    127.0.0.11\nAddress 1: 127.0.0.11\n\nName:      web\nAddress 1: 172.18.0.2 web.labnet\n';
    expect(parseNslookup(old).addresses).toEqual(['172.18.0.2']);
  });
});

describe('reachable', () => {
  it('declares a BusyBox nc probe to the address on the shared network, and passes on a connect', () => {
    const facts = lab1();
    const { probes, results } = run(
      [{ kind: 'reachable', params: { from: { container: 'c1' }, to: 'web', port: 80 } }],
      facts,
      () => res('tcpOk'),
    );
    expect(probes).toEqual([
      {
        id: 'host1/c1: nc -w 1 10.99.0.2 80 -e true (tries for 3000 ms)',
        host: 'host1',
        container: 'c1',
        argv: ['nc', '-w', '1', '10.99.0.2', '80', '-e', 'true'],
        timeoutMs: 2000,
        windowMs: 3000,
      },
    ]);
    expect(results[0]!.pass).toBe(true);
    expect(results[0]!.message).toBe('c1 reaches web (10.99.0.2) with tcp port 80.');
  });

  it('defaults to ping without a port; on a lab host the same applet (the runner runs the machine busybox)', () => {
    const facts = lab1();
    const { probes, results } = run(
      [{ kind: 'reachable', params: { from: { host: 'host1' }, to: 'host2', timeoutMs: 1000 } }],
      facts,
      () => res('hostPingOk'),
    );
    expect(probes[0]!.argv).toEqual(['ping', '-c', '1', '-W', '1', '192.0.2.12']);
    expect(probes[0]!.container).toBeUndefined();
    expect(results[0]!.pass).toBe(true);
    expect(results[0]!.message).toContain('host1 reaches host2 (192.0.2.12) with ping');
  });

  it('uses the topology address for a lab host when the context has it', () => {
    const probes = collectProbes([{ kind: 'reachable', params: { to: 'host2' } }], {
      ...ctx,
      hostAddresses: { host2: '192.0.2.12/24' },
    });
    expect(probes[0]!.argv.at(-1)).toBe('192.0.2.12');
  });

  it('says connection refused when nothing listens', () => {
    const { results } = run(
      [{ kind: 'reachable', params: { from: { container: 'c1' }, to: 'web', port: 81 } }],
      lab1(),
      () => res('tcpRefused'),
    );
    expect(results[0]!.pass).toBe(false);
    expect(results[0]!.message).toBe(
      'web (10.99.0.2) answered c1, but nothing listens on tcp port 81 (connection refused).',
    );
  });

  it('names a port published on another address only (-p 127.0.0.1:8080:80) as the cause of the refusal', () => {
    const h = new HostBuilder('host1', '192.0.2.11');
    h.container('web', {
      networks: { bridge: '172.17.0.2' },
      ports: publish(8080, 80, 'tcp', '127.0.0.1'),
    });
    const facts = lab(h, new HostBuilder('host2', '192.0.2.12'));
    const check = {
      kind: 'reachable',
      params: { from: { host: 'host2' }, to: 'host1', port: 8080 },
    };
    const refused = run([check], facts, () => res('tcpRefused')).results[0]!;
    expect(refused.pass).toBe(false);
    expect(refused.message).toContain('web publishes that port on 127.0.0.1 only');
    // Another port refused on the same host is still "nothing listens".
    const other = run([{ ...check, params: { ...check.params, port: 8081 } }], facts, () =>
      res('tcpRefused'),
    );
    expect(other.results[0]!.message).toContain('nothing listens on tcp port 8081');
  });

  it('says nothing answered within the timeout', () => {
    const { results } = run(
      [{ kind: 'reachable', params: { from: { container: 'c1' }, to: '10.99.0.77' } }],
      lab1(),
      () => res('pingTimeout'),
    );
    expect(results[0]!.pass).toBe(false);
    expect(results[0]!.message).toContain('no answer from 10.99.0.77 to ping within 3 s');
    expect(results[0]!.seen).toContain('0 packets received');
  });

  it('fails without traffic when the containers share no network', () => {
    const { probes, results } = run(
      [{ kind: 'reachable', params: { from: { container: 'c1' }, to: 'o1' } }],
      lab1(),
      () => res('pingOk'),
    );
    expect(probes).toEqual([]);
    expect(results[0]!.pass).toBe(false);
    expect(results[0]!.message).toContain(
      'c1 and o1 share no network (c1: labnet (10.99.0.3); o1: other (10.98.0.2))',
    );
  });

  it('udp: a DNS reply proves it; "port unreachable" and silence are told apart', () => {
    const params = {
      from: { container: 'c1' },
      to: 'host2',
      port: 5353,
      protocol: 'udp',
      timeoutMs: 1000,
    };
    const ok = run([{ kind: 'reachable', params }], lab1(), () => res('udpReply'));
    expect(ok.probes[0]!.argv).toEqual([
      'nslookup',
      '-timeout=1',
      '-retry=1',
      '-type=a',
      'dnlab-probe.test',
      '192.0.2.12:5353',
    ]);
    expect(ok.results[0]!.pass).toBe(true);
    const refused = run([{ kind: 'reachable', params }], lab1(), () => res('udpRefused'));
    expect(refused.results[0]!.message).toContain('port unreachable');
    const silent = run([{ kind: 'reachable', params }], lab1(), () => res('udpSilent'));
    expect(silent.results[0]!.message).toContain('must answer DNS');
  });

  it('fails when the probe did not run, or could not run', () => {
    const missing = run(
      [{ kind: 'reachable', params: { from: { container: 'c1' }, to: 'web' } }],
      lab1(),
      () => undefined,
    );
    expect(missing.results[0]!.pass).toBe(false);
    expect(missing.results[0]!.message).toContain('did not run');
    const broken = run(
      [{ kind: 'reachable', params: { from: { container: 'c1' }, to: 'web', port: 80 } }],
      lab1(),
      () => res('ncZ'),
    );
    expect(broken.results[0]!.message).toContain("could not run: nc: invalid option -- 'z'");
  });

  it('a stopped source container is reported as such, with no probe', () => {
    const { probes, results } = run(
      [{ kind: 'reachable', params: { from: { container: 'stopped' }, to: 'web' } }],
      lab1(),
      () => res('pingOk'),
    );
    expect(probes).toEqual([]);
    expect(results[0]!.message).toContain('stopped exists but is not running');
  });

  it('rejects timeouts above 3 s and udp without a port', () => {
    const r = evaluateChecks(
      [{ kind: 'reachable', params: { to: 'web', timeoutMs: 5000 } }],
      lab1(),
      ctx,
    )[0]!;
    expect(r.pass).toBe(false);
    expect(r.message).toContain('param timeoutMs');
    expect(r.message).toContain('3000');
    const u = evaluateChecks(
      [{ kind: 'reachable', params: { to: 'web', protocol: 'udp' } }],
      lab1(),
      ctx,
    )[0]!;
    expect(u.message).toContain('param port: udp needs a port');
  });
});

describe('not-reachable', () => {
  it('passes when the traffic is dropped (isolated networks)', () => {
    const { probes, results } = run(
      [{ kind: 'not-reachable', params: { from: { container: 'd1' }, to: 'web' } }],
      lab1(),
      () => res('pingIsolated'),
    );
    // No shared network: the target's first address is used.
    expect(probes[0]!.argv).toEqual(['ping', '-c', '1', '-W', '1', '10.99.0.2']);
    expect(results[0]!.pass).toBe(true);
    expect(results[0]!.message).toContain(
      'd1 gets no answer from web (10.99.0.2) to ping within 3 s',
    );
  });

  it('passes on a refused port and on no route', () => {
    expect(
      run(
        [{ kind: 'not-reachable', params: { from: { container: 'c1' }, to: 'web', port: 81 } }],
        lab1(),
        () => res('tcpRefused'),
      ).results[0]!.pass,
    ).toBe(true);
    expect(
      run(
        [{ kind: 'not-reachable', params: { from: { container: 'c1' }, to: 'web', port: 81 } }],
        lab1(),
        () => res('tcpNoRoute'),
      ).results[0]!.pass,
    ).toBe(true);
  });

  it('fails when the traffic gets through', () => {
    const { results } = run(
      [{ kind: 'not-reachable', params: { from: { container: 'c1' }, to: 'web' } }],
      lab1(),
      () => res('pingOk'),
    );
    expect(results[0]!.pass).toBe(false);
    expect(results[0]!.message).toBe(
      'c1 still reaches web (10.99.0.2) with ping; this step asks that it cannot.',
    );
  });

  it('never passes on a probe that could not run', () => {
    const { results } = run(
      [{ kind: 'not-reachable', params: { from: { container: 'c1' }, to: 'web', port: 80 } }],
      lab1(),
      () => res('ncZ'),
    );
    expect(results[0]!.pass).toBe(false);
    // The observers' runner answers 125 for a container that stopped between the read and the probe.
    const gone = run(
      [{ kind: 'not-reachable', params: { from: { container: 'c1' }, to: 'web' } }],
      lab1(),
      () => ({ code: 125, stdout: '', stderr: 'container c1 is not running', ms: 0 }),
    );
    expect(gone.results[0]!.pass).toBe(false);
    expect(gone.results[0]!.message).toContain('could not run: container c1 is not running');
  });

  it('a probe stopped at its deadline by the runner counts as no answer', () => {
    const stopped = {
      code: 124,
      stdout: 'PING 10.99.0.2 (10.99.0.2): 56 data bytes\n',
      stderr: '',
      ms: 2000,
      timedOut: true,
    };
    const { results } = run(
      [{ kind: 'not-reachable', params: { from: { container: 'd1' }, to: 'web' } }],
      lab1(),
      () => stopped,
    );
    expect(results[0]!.pass).toBe(true);
    const dns = run(
      [{ kind: 'dns-resolves', params: { container: 'd1', name: 'd2', expect: 'nxdomain' } }],
      lab1(),
      () => ({ code: 124, stdout: '', stderr: '', ms: 3000, timedOut: true }),
    );
    expect(dns.results[0]!.pass).toBe(true);
  });
});

describe('dns-resolves', () => {
  it("declares nslookup in the container and passes when the name gives the expected container's address", () => {
    const { probes, results } = run(
      [{ kind: 'dns-resolves', params: { container: 'c1', name: 'web', expect: 'web' } }],
      lab1(),
      dns('dnsOk'),
    );
    expect(probes.map((p) => p.argv)).toEqual([
      ['cat', '/etc/hosts'],
      ['nslookup', '-timeout=2', '-retry=1', '-type=a', 'web'],
    ]);
    expect(probes.every((p) => p.container === 'c1')).toBe(true);
    expect(results[0]!.pass).toBe(true);
    expect(results[0]!.message).toBe('web resolves to 10.99.0.2 from c1.');
  });

  it('the classic mistake: names do not resolve on the default bridge', () => {
    const { results } = run(
      [{ kind: 'dns-resolves', params: { container: 'd1', name: 'd2', expect: 'd2' } }],
      lab1(),
      dns('dnsDefaultBridge'),
    );
    expect(results[0]!.pass).toBe(false);
    expect(results[0]!.message).toContain('only on the default bridge, which has no embedded DNS');
    expect(results[0]!.expected).toBe('d2 (172.17.0.3)');
  });

  it('expect: nxdomain passes when the name does not resolve, fails when it does', () => {
    expect(
      run(
        [{ kind: 'dns-resolves', params: { container: 'd1', name: 'd2', expect: 'nxdomain' } }],
        lab1(),
        dns('dnsDefaultBridge'),
      ).results[0]!.pass,
    ).toBe(true);
    const r = run(
      [{ kind: 'dns-resolves', params: { container: 'c1', name: 'web', expect: 'nxdomain' } }],
      lab1(),
      dns('dnsOk'),
    ).results[0]!;
    expect(r.pass).toBe(false);
    expect(r.message).toContain(
      'web resolves to 10.99.0.2 from c1; this step expects it not to resolve',
    );
  });

  it('names the address seen when it is not the expected one', () => {
    const { results } = run(
      [{ kind: 'dns-resolves', params: { container: 'c1', name: 'web', expect: 'c1' } }],
      lab1(),
      dns('dnsOk'),
    );
    expect(results[0]!.pass).toBe(false);
    expect(results[0]!.message).toBe(
      'web resolves to 10.99.0.2 from c1; this step expects c1 (10.99.0.3).',
    );
  });

  it('on a user-defined network, an unknown name is NXDOMAIN (not the default-bridge message)', () => {
    const { results } = run(
      [{ kind: 'dns-resolves', params: { container: 'c1', name: 'nope' } }],
      lab1(),
      dns('dnsUnknown'),
    );
    expect(results[0]!.pass).toBe(false);
    expect(results[0]!.message).toBe(
      'nope does not resolve from c1 (NXDOMAIN); this step expects an address.',
    );
    expect(results[0]!.message).not.toContain('default bridge');
  });
});

describe('dns-resolves: /etc/hosts counts only where Docker put the name', () => {
  const handHosts = (line: string): ProbeResult => ({
    code: 0,
    stdout: `127.0.0.1\tlocalhost\n10.99.0.3\tc1\n${line}\n`,
    stderr: '',
    ms: 1,
  });
  const check = {
    kind: 'dns-resolves',
    params: { container: 'c1', name: 'ghost', expect: '10.99.0.9' },
  };

  it('a line written by hand cannot turn a failing name into a pass, and the verdict says so', () => {
    const { results } = run([check], lab1(), dns('dnsUnknown', handHosts('10.99.0.9 ghost')));
    expect(results[0]!.pass).toBe(false);
    expect(results[0]!.message).toContain("c1's /etc/hosts maps ghost to 10.99.0.9 by hand");
    expect(results[0]!.evidence.join('\n')).toContain('by hand (not from Docker): not counted');
  });

  it("--add-host (HostConfig.ExtraHosts) is Docker's: the resolver answers it from /etc/hosts", () => {
    const facts = lab1();
    facts.hosts.host1!.containers.find((c) => c.name === 'c1')!.extraHosts = ['ghost:10.99.0.9'];
    const { results } = run([check], facts, dns('dnsUnknown', handHosts('10.99.0.9 ghost')));
    expect(results[0]!.pass).toBe(true);
    expect(results[0]!.evidence.join('\n')).toContain('written by Docker: --add-host');
  });

  it("--link (HostConfig.Links) is Docker's too", () => {
    const facts = lab1();
    facts.hosts.host1!.containers.find((c) => c.name === 'c1')!.legacyLinks = ['/db:/c1/ghost'];
    const { results } = run([check], facts, dns('dnsUnknown', handHosts('10.99.0.9 ghost')));
    expect(results[0]!.pass).toBe(true);
    expect(results[0]!.evidence.join('\n')).toContain('written by Docker: --link');
  });
});

describe('file-contains', () => {
  it('cats the file in the container and finds the text', () => {
    const { probes, results } = run(
      [
        {
          kind: 'file-contains',
          params: { container: 'c1', path: '/etc/resolv.conf', text: 'nameserver 127.0.0.11' },
        },
      ],
      lab1(),
      () => res('catResolv'),
    );
    expect(probes[0]).toMatchObject({ container: 'c1', argv: ['cat', '/etc/resolv.conf'] });
    expect(results[0]!.pass).toBe(true);
  });

  it('says what is missing, with the file as evidence', () => {
    const { results } = run(
      [
        {
          kind: 'file-contains',
          params: { container: 'c1', path: '/etc/hosts', pattern: '^10\\.99\\.0\\.2\\s+web' },
        },
      ],
      lab1(),
      () => res('catHosts'),
    );
    expect(results[0]!.pass).toBe(false);
    expect(results[0]!.message).toBe(
      '/etc/hosts in c1 has no line matching /^10\\.99\\.0\\.2\\s+web/.',
    );
    expect(results[0]!.evidence.join('\n')).toContain('127.0.0.1\tlocalhost');
  });

  it('says when the file cannot be read', () => {
    const { results } = run(
      [{ kind: 'file-contains', params: { container: 'c1', path: '/etc/nope', text: 'x' } }],
      lab1(),
      () => res('catMissing'),
    );
    expect(results[0]!.pass).toBe(false);
    expect(results[0]!.message).toContain('/etc/nope: no such file in the container');
  });

  it('rejects a bad pattern and a relative path', () => {
    const r = evaluateChecks(
      [{ kind: 'file-contains', params: { container: 'c1', path: 'etc/hosts', pattern: '(' } }],
      lab1(),
      ctx,
    )[0]!;
    expect(r.pass).toBe(false);
    expect(r.message).toContain('param path');
    expect(r.message).toContain('param pattern');
  });
});

describe('dns-resolves across hosts', () => {
  it('finds the expected container on another host (overlay)', () => {
    const h1 = new HostBuilder('host1');
    h1.network('ov', {
      driver: 'overlay',
      subnet: '10.0.1.0/24',
      bridgeAddress: false,
      attachable: true,
    });
    h1.container('o-a', { networks: { ov: '10.0.1.2' } });
    const h2 = new HostBuilder('host2', '192.0.2.12');
    h2.network('ov', {
      driver: 'overlay',
      subnet: '10.0.1.0/24',
      bridgeAddress: false,
      attachable: true,
    });
    h2.container('o-b', { networks: { ov: '10.0.1.3' } });
    const ok =
      'Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\nNon-authoritative answer:\nName:\to-a\nAddress: 10.0.1.2\n\n';
    const { results } = run(
      [
        {
          kind: 'dns-resolves',
          params: { host: 'host2', container: 'o-b', name: 'o-a', expect: 'o-a' },
        },
      ],
      lab(h1, h2),
      () => ({ code: 0, stdout: ok, stderr: '', ms: 40 }),
    );
    expect(results[0]!.pass).toBe(true);
    expect(results[0]!.evidence.join('\n')).toContain('o-a on host1: 10.0.1.2 on ov');
  });

  it('reachable resolves a container on another host over the shared overlay', () => {
    const h1 = new HostBuilder('host1');
    h1.network('ov', { driver: 'overlay', subnet: '10.0.1.0/24', bridgeAddress: false });
    h1.container('o-a', { networks: { ov: '10.0.1.2' } });
    const h2 = new HostBuilder('host2', '192.0.2.12');
    h2.network('ov', { driver: 'overlay', subnet: '10.0.1.0/24', bridgeAddress: false });
    h2.container('o-b', { networks: { ov: '10.0.1.3' } });
    const { probes, results } = run(
      [
        {
          kind: 'reachable',
          params: { from: { host: 'host2', container: 'o-b' }, to: 'o-a', port: 80 },
        },
      ],
      lab(h1, h2),
      () => res('tcpOk'),
    );
    expect(probes[0]).toMatchObject({
      host: 'host2',
      container: 'o-b',
      argv: ['nc', '-w', '1', '10.0.1.2', '80', '-e', 'true'],
    });
    expect(results[0]!.pass).toBe(true);
  });
});

describe('dns-resolves: a name on a network the asker is not on', () => {
  /** What BusyBox nslookup printed on a lab host for an unknown name on a user network. */
  const nx = (name: string): ProbeResult => ({
    code: 1,
    stdout: `Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\n** server can't find ${name}: NXDOMAIN\n\n`,
    stderr: '',
    ms: 12,
  });

  it('says whose alias it is and on which network', () => {
    const facts = lab1();
    const o1 = facts.hosts.host1!.containers.find((c) => c.name === 'o1')!;
    o1.endpoints[0]!.aliases = ['backend', 'deadbeef0123'];
    const { results } = run(
      [{ kind: 'dns-resolves', params: { container: 'c1', name: 'backend', expect: 'o1' } }],
      facts,
      () => nx('backend'),
    );
    expect(results[0]!.pass).toBe(false);
    expect(results[0]!.message).toBe(
      "backend does not resolve from c1 (NXDOMAIN): it is o1's alias on other, and c1 is not on other (it is on: labnet). Names and aliases resolve only between containers that share a network; this step expects o1 (10.98.0.2).",
    );
  });

  it('and whose name it is', () => {
    const { results } = run(
      [{ kind: 'dns-resolves', params: { container: 'c1', name: 'o1' } }],
      lab1(),
      () => nx('o1'),
    );
    expect(results[0]!.message).toContain("it is o1's name on other, and c1 is not on other");
  });

  it('an unknown name stays a plain NXDOMAIN', () => {
    const { results } = run(
      [{ kind: 'dns-resolves', params: { container: 'c1', name: 'nope' } }],
      lab1(),
      () => nx('nope'),
    );
    expect(results[0]!.message).toBe(
      'nope does not resolve from c1 (NXDOMAIN); this step expects an address.',
    );
  });
});
