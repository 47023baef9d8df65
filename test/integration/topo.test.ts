import { Command } from 'commander';
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabFacts } from '../../src/observe/facts.js';
import { isRoot, onHost, sleep, useTestInstance } from './lab-helpers.js';

// The map's own lab instance (dnlabtopo-*): never the learner's, never another test's.
useTestInstance('topo');

const { down, up } = await import('../../src/lab/lab.js');
const { readState } = await import('../../src/lab/state.js');
const { observeLab } = await import('../../src/observe/observe.js');
const { buildTopology, renderAscii, renderDot } = await import('../../src/topo/index.js');
const { parseTraceTarget, planTrace } = await import('../../src/topo/trace.js');
const { engineInRange } = await import('../../src/lab/engines.js');
const { confirmTrace } = await import('../../src/topo/confirm.js');
const topoCommand = await import('../../src/cli/commands/topo.js');

const IMG = 'dnlab/busybox';

async function docker(host: string, ...args: string[]): Promise<string> {
  const r = await onHost(host, ['docker', ...args]);
  expect(r.code, `docker ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout.trim();
}

async function observe(): Promise<LabFacts> {
  return observeLab({ hosts: ['host1', 'host2'] });
}

function topology() {
  const s = readState();
  if (!s) throw new Error('no lab state');
  return s.topology;
}

describe.skipIf(!isRoot)('topo and trace on a real lab', () => {
  beforeAll(async () => {
    await down();
    await up();
    // The known setup: two networks, three containers, one published port, one container on both.
    await docker('host1', 'network', 'create', '--subnet', '10.10.1.0/24', 'front');
    await docker('host1', 'network', 'create', '--subnet', '10.10.2.0/24', 'back');
    await docker(
      'host1',
      'run',
      '-d',
      '--name',
      'web',
      '--network',
      'front',
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
    await docker('host1', 'run', '-d', '--name', 'api', '--network', 'front', IMG, 'sleep', '3600');
    await docker('host1', 'network', 'connect', 'back', 'api');
    await docker(
      'host1',
      'run',
      '-d',
      '--name',
      'db',
      '--network',
      'back',
      IMG,
      'httpd',
      '-f',
      '-p',
      '80',
      '-h',
      '/',
    );
    // httpd listens at once, but give the engine's iptables rules a moment to land.
    for (let i = 0; i < 20; i++) {
      const r = await onHost('host2', [
        'busybox',
        'nc',
        '-w',
        '1',
        '192.0.2.11',
        '8080',
        '-e',
        'true',
      ]);
      if (r.code === 0) break;
      await sleep(100);
    }
  });

  afterAll(async () => {
    await down();
  });

  it('maps the known setup: bridges per network, veth pairs with both ends, the published port', async () => {
    const facts = await observe();
    const g = buildTopology(facts, topology());
    const h1 = facts.hosts.host1;
    const front = h1?.networks.find((n) => n.name === 'front')?.bridgeName as string;
    const back = h1?.networks.find((n) => n.name === 'back')?.bridgeName as string;
    expect(front).toMatch(/^br-/);
    const kinds = (k: string, host?: string) =>
      g.nodes
        .filter((n) => n.kind === k && (host === undefined || n.host === host))
        .map((n) => n.name)
        .sort();
    expect(kinds('container')).toEqual(['api', 'db', 'web']);
    expect(kinds('bridge', 'host1')).toEqual([back, front, 'docker0'].sort());
    expect(kinds('bridge', 'host2')).toEqual(['docker0']);
    expect(kinds('cnic')).toEqual(['eth0', 'eth0', 'eth0', 'eth1']);
    expect(kinds('veth')).toHaveLength(4);
    expect(kinds('host')).toEqual(['host1', 'host2']);
    // Each container interface: one veth edge from a host veth that is a port of its network's bridge.
    const bridgeOf = (cnic: string) => {
      const veth = g.edges.find((e) => e.kind === 'veth' && e.to === cnic)?.from;
      return g.edges.find((e) => e.kind === 'port' && e.from === veth)?.to;
    };
    expect(bridgeOf('cif:host1:web:eth0')).toBe(`if:host1:${front}`);
    expect(bridgeOf('cif:host1:db:eth0')).toBe(`if:host1:${back}`);
    expect(new Set([bridgeOf('cif:host1:api:eth0'), bridgeOf('cif:host1:api:eth1')])).toEqual(
      new Set([`if:host1:${front}`, `if:host1:${back}`]),
    );
    expect(g.edges.filter((e) => e.kind === 'publish')).toEqual([
      { kind: 'publish', from: 'host:host1', to: 'ctr:host1:web', label: '8080→80/tcp' },
    ]);
    expect(
      g.edges
        .filter((e) => e.kind === 'lan')
        .map((e) => e.from)
        .sort(),
    ).toEqual(['if:host1:eth0', 'if:host2:eth0', 'internet']);
    const lines = renderAscii(g);
    for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(80);
    expect(lines.join('\n')).toContain('web · front 10.10.1.2 · publishes 8080→80/tcp');
    expect(renderDot(g)).toContain('graph lab {');
  });

  it('dnlab topo --format json prints the same graph', async () => {
    const program = new Command().exitOverride();
    topoCommand.register(program);
    const chunks: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((s: string) => {
      chunks.push(String(s));
      return true;
    }) as typeof process.stdout.write;
    try {
      await program.parseAsync(['node', 'dnlab', 'topo', '--format', 'json', '--host', 'host1']);
    } finally {
      process.stdout.write = write;
    }
    const g = JSON.parse(chunks.join('')) as { nodes: { id: string }[] };
    expect(g.nodes.map((n) => n.id)).toContain('ctr:host1:api');
    expect(g.nodes.some((n) => n.id.includes('host2'))).toBe(false);
  });

  it('trace host2 → host1:8080/tcp names the DNAT rule and the container, and its counters move', async () => {
    const facts = await observe();
    const topo = topology();
    const from = parseTraceTarget('host2', facts, topo, 'host1').end;
    const to = parseTraceTarget('host1:8080/tcp', facts, topo, 'host1');
    const plan = planTrace(facts, from, to, topo);
    expect(plan.verdict).toBe('delivered');
    expect(plan.deliveredTo).toBe('host1:web');
    const dnat = plan.hops.find((h) => h.kind === 'nat');
    expect(dnat?.text).toBe('nat DOCKER → DNAT to 10.10.1.2:80');
    expect(dnat?.rule?.raw).toContain('--dport 8080 -j DNAT --to-destination 10.10.1.2:80');
    expect(plan.hops.at(-1)?.text).toBe('web eth0 10.10.1.2:80');

    const c = await confirmTrace(facts, plan, topo);
    expect(c.errors).toEqual([]);
    expect(c.probe).toEqual({
      host: 'host2',
      argv: ['nc', '-w', '2', '192.0.2.11', '8080', '-e', 'true'],
    });
    expect(c.reach).toBe('reached');
    const movedDnat = c.moved.find((m) => m.target === 'DNAT');
    expect(movedDnat).toMatchObject({
      host: 'host1',
      table: 'nat',
      chain: 'DOCKER',
      delta: 1,
      onPath: true,
    });
    expect(
      c.moved.find((m) => m.chain === 'DOCKER' && m.table === 'filter' && m.target === 'ACCEPT')
        ?.onPath,
    ).toBe(true);
    expect(c.droppedBy).toBeUndefined();
  });

  it('trace web → db (isolated network) reports the DROP rule whose counter moved', async () => {
    const facts = await observe();
    const topo = topology();
    const from = parseTraceTarget('web', facts, topo, 'host1').end;
    const to = parseTraceTarget('db:80', facts, topo, 'host1');
    const plan = planTrace(facts, from, to, topo);
    const back = facts.hosts.host1?.networks.find((n) => n.name === 'back')?.bridgeName as string;
    // From 28 the raw table drops a packet for a container address that arrives on another
    // interface, before FORWARD; older engines drop it in the isolation chain.
    const raw = engineInRange('>=28', facts.hosts.host1?.engine.version ?? '');
    const dropRule = raw
      ? { table: 'raw', chain: 'PREROUTING', text: `-A PREROUTING -d 10.10.2.3/32 ! -i ${back} -j DROP` }
      : { table: 'filter', chain: 'DOCKER-ISOLATION-STAGE-2', text: `-A DOCKER-ISOLATION-STAGE-2 -o ${back} -j DROP` };
    expect(plan.verdict).toBe('dropped');
    expect(plan.stop?.rule?.raw).toBe(dropRule.text);

    const c = await confirmTrace(facts, plan, topo);
    expect(c.probe).toEqual({
      host: 'host1',
      container: 'web',
      argv: ['nc', '-w', '2', '10.10.2.3', '80', '-e', 'true'],
    });
    expect(c.reach).toBe('timeout');
    expect(c.droppedBy).toMatchObject({ host: 'host1', ...dropRule, onPath: true });
    expect(c.droppedBy?.delta).toBeGreaterThanOrEqual(1);
  });

  it('trace host2 → a container address on host1 says there is no route, and the probe agrees', async () => {
    const facts = await observe();
    const topo = topology();
    const plan = planTrace(
      facts,
      parseTraceTarget('host2', facts, topo).end,
      parseTraceTarget('10.10.1.2:80', facts, topo),
      topo,
    );
    expect(plan.verdict).toBe('no-route');
    const c = await confirmTrace(facts, plan, topo);
    expect(c.reach).not.toBe('reached');
    expect(c.moved.some((m) => m.host === 'host1' && m.target === 'DNAT')).toBe(false);
  });
});
