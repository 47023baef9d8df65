import { describe, expect, it } from 'vitest';
import { collectProbes, evaluateChecks, type StepCheck } from '../../../src/checks/evaluate.js';
import { parseNetnsList } from '../../../src/checks/lib/netns.js';
import type { Probe } from '../../../src/checks/types.js';
import type { LabFacts, ProbeResult } from '../../../src/observe/facts.js';
import { parseIpLinks } from '../../../src/observe/iproute.js';
import { HostBuilder, ctx, lab, probeResult } from './facts-builder.js';
import recorded from './recorded-netns.json' with { type: 'json' };

const rec = recorded as Record<string, string>;

/** host1 as recorded: br0 with veth-red (ifindex 7) whose peer is eth0 (ifindex 2) in red. */
function recordedLab(): LabFacts {
  const h = new HostBuilder('host1', '192.0.2.11');
  h.facts.links = parseIpLinks(JSON.parse(rec['host-addr']!));
  return lab(h);
}

type Answer = (p: Probe) => ProbeResult | undefined;

/** A probe as a line: `[red] ip -j route show` for one run in the learner's namespace red. */
const key = (p: Probe) => `${p.netns ? `[${p.netns}] ` : ''}${p.argv.join(' ')}`;

/** Answers like the lab: `ip` in red from the recording, a missing namespace like iproute2. */
function labAnswers(over: Record<string, ProbeResult> = {}): Answer {
  return (p) => {
    const cmd = key(p);
    if (over[cmd]) return over[cmd];
    if (cmd === 'ip -j netns list') return probeResult(0, rec['netns-list']!);
    if (cmd === '[red] ip -j -d addr show') return probeResult(0, rec['red-addr']!);
    if (cmd === '[red] ip -j route show') return probeResult(0, rec['red-route']!);
    if (p.netns && p.netns !== 'red')
      return probeResult(
        255,
        '',
        `Cannot open network namespace "${p.netns}": No such file or directory\n`,
      );
    return undefined;
  };
}

function run(checks: StepCheck[], facts: LabFacts, answer: Answer) {
  const probes = collectProbes(checks, ctx, facts);
  for (const p of probes) {
    const r = answer(p);
    if (r) facts.hosts[p.host]!.probes[p.id] = r;
  }
  return { probes, results: evaluateChecks(checks, facts, ctx) };
}

function one(kind: string, params: Record<string, unknown>, answer: Answer = labAnswers()) {
  const facts = recordedLab();
  const { probes, results } = run([{ kind, params }], facts, answer);
  return { probes, r: results[0]! };
}

describe('netns probes', () => {
  it('reads a learner namespace with ip in it on the host (no container), and the host namespace from the facts', () => {
    const { probes } = one('netns-link', { netns: 'red', type: 'veth' });
    expect(probes.map(key)).toEqual(['ip -j netns list', '[red] ip -j -d addr show']);
    expect(probes.every((p) => p.host === 'host1' && p.container === undefined)).toBe(true);
    expect(one('netns-link', { link: 'br0' }).probes).toEqual([]);
    expect(
      one('netns-route', { netns: 'red', dst: 'default' }).probes.map((p) => p.argv.at(-2)),
    ).toContain('route');
  });

  it('parses ip -j netns list, and its silence when there is none', () => {
    expect(parseNetnsList(rec['netns-list']!)).toEqual(['red']);
    expect(parseNetnsList('')).toEqual([]);
  });

  it('refuses a namespace name that is not a plain file name', () => {
    const { r } = one('netns-link', { netns: '../x' });
    expect(r.pass).toBe(false);
    expect(r.message).toMatch(/written wrongly: param netns/);
  });
});

describe('netns-link', () => {
  it('passes for the recorded veth in red whose peer is a port of br0', () => {
    const { r } = one('netns-link', {
      netns: 'red',
      type: 'veth',
      addressIn: '10.0.0.0/24',
      up: true,
      peerOnBridge: 'br0',
    });
    expect(r.pass).toBe(true);
    expect(r.message).toBe(
      'red has eth0 (veth, UP, 10.0.0.2/24), its peer veth-red a port of br0.',
    );
  });

  it('says the namespace exists, or which ones do', () => {
    expect(one('netns-link', { netns: 'red' }).r.message).toMatch(/^Namespace red exists on host1/);
    const { r } = one('netns-link', { netns: 'blue' });
    expect(r.pass).toBe(false);
    expect(r.message).toBe('There is no network namespace blue on host1 (ip netns list: red).');
  });

  it('names the missing address, the wrong prefix and the subnet', () => {
    expect(one('netns-link', { netns: 'red', address: '10.0.0.3/24' }).r.message).toBe(
      'red has no address 10.0.0.3/24 (addresses: eth0: 10.0.0.2/24).',
    );
    expect(one('netns-link', { netns: 'red', address: '10.0.0.2/16' }).r.message).toMatch(
      /red has 10.0.0.2\/24 on eth0: the right address with the wrong prefix/,
    );
    expect(one('netns-link', { netns: 'red', addressIn: '10.1.0.0/24' }).r.message).toBe(
      'red has no address in 10.1.0.0/24 (addresses: eth0: 10.0.0.2/24).',
    );
    expect(one('netns-link', { netns: 'red', addressIn: '10.0.0.0/16' }).r.message).toMatch(
      /inside 10.0.0.0\/16 but with another prefix; give it \/16/,
    );
  });

  it('names a link that is down, and a type that is missing', () => {
    const links = JSON.parse(rec['red-addr']!) as { ifname: string; flags: string[] }[];
    links[1]!.flags = links[1]!.flags.filter((f) => f !== 'UP');
    const down = labAnswers({ '[red] ip -j -d addr show': probeResult(0, JSON.stringify(links)) });
    expect(one('netns-link', { netns: 'red', type: 'veth', up: true }, down).r.message).toBe(
      'eth0 in red is down: ip -n red link set eth0 up.',
    );
    expect(one('netns-link', { netns: 'red', type: 'bridge' }).r.message).toMatch(
      /^red has no bridge link \(links there: lo/,
    );
    expect(one('netns-link', { link: 'br0', type: 'veth' }).r.message).toBe(
      'br0 in host1 is a bridge, not a veth.',
    );
  });

  it('follows the pair by ifindex: a peer that is not on the bridge, or a link with no peer', () => {
    const facts = recordedLab();
    delete facts.hosts.host1!.links.find((l) => l.name === 'veth-red')!.master;
    const { results } = run(
      [{ kind: 'netns-link', params: { netns: 'red', peerOnBridge: 'br0' } }],
      facts,
      labAnswers(),
    );
    expect(results[0]!.message).toBe(
      'The peer of eth0 in red is veth-red on host1, which is not a port of br0 (master: none): ip link set veth-red master br0.',
    );
    // The ifindex names another link that does not point back: not a peer.
    const f2 = recordedLab();
    f2.hosts.host1!.links.find((l) => l.name === 'veth-red')!.peerIfindex = 9;
    const r2 = run(
      [{ kind: 'netns-link', params: { netns: 'red', peerOnBridge: 'br0' } }],
      f2,
      labAnswers(),
    );
    expect(r2.results[0]!.message).toBe(
      "eth0 in red is not a veth whose peer is in host1's own namespace.",
    );
  });

  it("checks a link of the host's own namespace: bridge, address, master", () => {
    expect(one('netns-link', { link: 'br0', type: 'bridge', up: true }).r.pass).toBe(true);
    expect(one('netns-link', { link: 'veth-red', master: 'br0' }).r.pass).toBe(true);
    expect(one('netns-link', { link: 'br0', address: '10.0.0.1/24' }).r.message).toMatch(
      /^host1 has no address 10.0.0.1\/24/,
    );
    expect(one('netns-link', { link: 'veth-red', master: 'docker0' }).r.message).toBe(
      'veth-red in host1 is not a port of docker0 (master: br0).',
    );
  });

  it('needs a link or a namespace', () => {
    expect(one('netns-link', { type: 'bridge' }).r.message).toMatch(/written wrongly: param link/);
  });
});

describe('netns-route', () => {
  it('finds the connected route and says a default route is missing', () => {
    expect(one('netns-route', { netns: 'red', dst: '10.0.0.0/24', dev: 'eth0' }).r.pass).toBe(true);
    expect(one('netns-route', { netns: 'red', dst: 'default', via: '10.0.0.1' }).r.message).toBe(
      'red has no default route (routes: 10.0.0.0/24 dev eth0).',
    );
  });

  it('names a default route with another next hop', () => {
    const routes = JSON.stringify([
      { dst: 'default', dev: 'eth0', flags: [] },
      ...JSON.parse(rec['red-route']!),
    ]);
    const a = labAnswers({ '[red] ip -j route show': probeResult(0, routes) });
    const { r } = one('netns-route', { netns: 'red', dst: 'default', via: '10.0.0.1' }, a);
    expect(r.message).toBe(
      'In red, the default route is "default dev eth0"; this step asks for via 10.0.0.1.',
    );
  });
});

describe('netns-reachable', () => {
  const ping = '[red] ping -c 1 -W 1 198.51.100.1';
  it('pings from inside the namespace (the runner uses the machine busybox), with a 3 s window', () => {
    const { probes } = one('netns-reachable', { netns: 'red', to: '198.51.100.1' });
    expect(probes.map(key)).toContain(ping);
    expect(probes.find((p) => key(p) === ping)?.windowMs).toBe(3000);
  });

  it('says no route, no answer, and a missing namespace', () => {
    const noRoute = labAnswers({
      [ping]: probeResult(
        1,
        'PING 198.51.100.1 (198.51.100.1): 56 data bytes\n',
        'ping: sendto: Network is unreachable\n',
      ),
    });
    expect(one('netns-reachable', { netns: 'red', to: '198.51.100.1' }, noRoute).r.message).toBe(
      'red cannot reach 198.51.100.1: no route (ping: sendto: Network is unreachable).',
    );
    const silent = labAnswers({
      [ping]: probeResult(
        1,
        'PING 198.51.100.1 (198.51.100.1): 56 data bytes\n\n--- 198.51.100.1 ping statistics ---\n1 packets transmitted, 0 packets received, 100% packet loss\n',
      ),
    });
    expect(one('netns-reachable', { netns: 'red', to: '198.51.100.1' }, silent).r.message).toMatch(
      /^red cannot reach 198.51.100.1: no answer to ping within 3 s/,
    );
    const ok = labAnswers({
      [ping]: probeResult(0, '1 packets transmitted, 1 packets received, 0% packet loss\n'),
    });
    expect(one('netns-reachable', { netns: 'red', to: '198.51.100.1' }, ok).r.pass).toBe(true);
    const gone = labAnswers({
      '[blue] ping -c 1 -W 1 198.51.100.1': probeResult(
        255,
        '',
        'Cannot open network namespace "blue": No such file or directory\n',
      ),
    });
    expect(one('netns-reachable', { netns: 'blue', to: '198.51.100.1' }, gone).r.message).toBe(
      'There is no network namespace blue on host1 (ip netns list: red).',
    );
  });
});

describe('file-has-fact', () => {
  function webLab(file: string): LabFacts {
    const h = new HostBuilder('host1', '192.0.2.11');
    const web = h.container('web', { networks: { bridge: '172.17.0.2' }, mode: 'default' });
    web.sandboxKey = '/var/run/docker/netns/8605da46e02d';
    web.netnsInode = 4026534828;
    h.probe('host1/web: cat /found', probeResult(0, file));
    return lab(h);
  }
  const check = (file: string, fact: string, network?: string) => {
    const facts = webLab(file);
    const params: Record<string, unknown> = { container: 'web', path: '/found', fact };
    if (network) params.network = network;
    return evaluateChecks([{ kind: 'file-has-fact', params }], facts, ctx)[0]!;
  };

  it('accepts the value as docker inspect prints it, or its short form', () => {
    const h = webLab('');
    const web = h.hosts.host1!.containers[0]!;
    const ep = web.endpoints[0]!;
    expect(check(`${web.sandboxKey}\n`, 'sandboxKey').pass).toBe(true);
    expect(check('/run/docker/netns/8605da46e02d\n', 'sandboxKey').pass).toBe(true);
    expect(check(`${ep.endpointId}\n`, 'endpointId').pass).toBe(true);
    expect(check(`${ep.networkId.slice(0, 12)}\n`, 'networkId', 'bridge').pass).toBe(true);
    expect(check('net:[4026534828]\n', 'netnsInode').pass).toBe(true);
    expect(check('default via 172.17.0.1 dev eth0\n', 'gateway').pass).toBe(true);
  });

  it('names the other value the file holds, or what it has', () => {
    const h = webLab('');
    const web = h.hosts.host1!.containers[0]!;
    expect(check(`${web.id}\n`, 'endpointId').message).toBe(
      "/found in web holds web's container ID, not its EndpointID.",
    );
    expect(check('net:[4026531840]\n', 'netnsInode').message).toBe(
      "/found in web does not hold web's network namespace inode; the file has: net:[4026531840].",
    );
    // 172.17.0.1 is not 172.17.0.12: whole numbers only.
    expect(check('via 172.17.0.12\n', 'gateway').pass).toBe(false);
  });

  it("rejects the host's routes written in place of the container's", () => {
    const host =
      'default via 192.0.2.1 dev eth0\n172.17.0.0/16 dev docker0 proto kernel scope link src 172.17.0.1\n';
    const r = check(host, 'gateway');
    expect(r.pass).toBe(false);
    expect(r.message).toContain("the host's routes");
    expect(
      check(
        'default via 172.17.0.1 dev eth0\n172.17.0.0/16 dev eth0 scope link src 172.17.0.2\n',
        'gateway',
      ).pass,
    ).toBe(true);
    expect(check('172.17.0.1\n', 'gateway').pass).toBe(true);
  });
});
