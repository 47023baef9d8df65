import { spawnSync } from 'node:child_process';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { HostFacts, LabFacts } from '../../../src/observe/facts.js';
import {
  buildTopology,
  renderAscii,
  renderDot,
  renderJson,
  renderMap,
  renderMermaid,
  type TopoGraph,
} from '../../../src/topo/index.js';
import { knownSetup, withOverlayAndMacvlan } from './helpers.js';

const pairs = (g: TopoGraph) => ({
  nodes: g.nodes.map((n) => [n.id, n.kind]),
  edges: g.edges.map((e) => [e.kind, e.from, e.to, ...(e.label ? [e.label] : [])]),
});

describe('buildTopology (the known setup: two networks, three containers, one published port)', () => {
  const { topology, facts } = knownSetup();
  const g = buildTopology(facts, topology);

  it('has exactly the expected nodes and edges', () => {
    expect(pairs(g)).toEqual({
      nodes: [
        ['cif:host1:api:eth0', 'cnic'],
        ['cif:host1:api:eth1', 'cnic'],
        ['cif:host1:db:eth0', 'cnic'],
        ['cif:host1:web:eth0', 'cnic'],
        ['ctr:host1:api', 'container'],
        ['ctr:host1:db', 'container'],
        ['ctr:host1:web', 'container'],
        ['host:host1', 'host'],
        ['host:host2', 'host'],
        ['if:host1:br-b79d22c5a2ac', 'bridge'],
        ['if:host1:br-ef9f7ea69ba6', 'bridge'],
        ['if:host1:docker0', 'bridge'],
        ['if:host1:eth0', 'nic'],
        ['if:host1:veth1dee252', 'veth'],
        ['if:host1:veth381ed82', 'veth'],
        ['if:host1:veth837ada9', 'veth'],
        ['if:host1:vethc2a2b7b', 'veth'],
        ['if:host2:docker0', 'bridge'],
        ['if:host2:eth0', 'nic'],
        ['internet', 'internet'],
        ['lan', 'lan'],
      ],
      edges: [
        ['iface', 'ctr:host1:api', 'cif:host1:api:eth0'],
        ['iface', 'ctr:host1:api', 'cif:host1:api:eth1'],
        ['iface', 'ctr:host1:db', 'cif:host1:db:eth0'],
        ['iface', 'ctr:host1:web', 'cif:host1:web:eth0'],
        ['has', 'host:host1', 'ctr:host1:api'],
        ['has', 'host:host1', 'ctr:host1:db'],
        ['has', 'host:host1', 'ctr:host1:web'],
        ['publish', 'host:host1', 'ctr:host1:web', '8080→80/tcp'],
        ['has', 'host:host1', 'if:host1:br-b79d22c5a2ac'],
        ['has', 'host:host1', 'if:host1:br-ef9f7ea69ba6'],
        ['has', 'host:host1', 'if:host1:docker0'],
        ['has', 'host:host1', 'if:host1:eth0'],
        ['has', 'host:host1', 'if:host1:veth1dee252'],
        ['has', 'host:host1', 'if:host1:veth381ed82'],
        ['has', 'host:host1', 'if:host1:veth837ada9'],
        ['has', 'host:host1', 'if:host1:vethc2a2b7b'],
        ['has', 'host:host2', 'if:host2:docker0'],
        ['has', 'host:host2', 'if:host2:eth0'],
        ['lan', 'if:host1:eth0', 'lan'],
        // veth pairs, both ends: host end ⇄ container end, host end a port of its network's bridge.
        ['veth', 'if:host1:veth1dee252', 'cif:host1:api:eth1'],
        ['port', 'if:host1:veth1dee252', 'if:host1:br-ef9f7ea69ba6'],
        ['veth', 'if:host1:veth381ed82', 'cif:host1:web:eth0'],
        ['port', 'if:host1:veth381ed82', 'if:host1:br-b79d22c5a2ac'],
        ['veth', 'if:host1:veth837ada9', 'cif:host1:api:eth0'],
        ['port', 'if:host1:veth837ada9', 'if:host1:br-b79d22c5a2ac'],
        ['veth', 'if:host1:vethc2a2b7b', 'cif:host1:db:eth0'],
        ['port', 'if:host1:vethc2a2b7b', 'if:host1:br-ef9f7ea69ba6'],
        ['lan', 'if:host2:eth0', 'lan'],
        ['lan', 'internet', 'lan'],
      ],
    });
  });

  it('carries IPs and network names: bridges stand for their network, interfaces name theirs', () => {
    const n = (id: string) => g.nodes.find((x) => x.id === id);
    expect(n('if:host1:br-b79d22c5a2ac')).toMatchObject({
      networks: ['front'],
      addresses: ['10.10.1.1/24'],
      attrs: { subnet: '10.10.1.0/24' },
    });
    expect(n('cif:host1:api:eth0')).toMatchObject({
      networks: ['front'],
      addresses: ['10.10.1.3/24'],
    });
    expect(n('cif:host1:api:eth1')).toMatchObject({
      networks: ['back'],
      addresses: ['10.10.2.2/24'],
    });
    expect(n('ctr:host1:api')).toMatchObject({ networks: ['back', 'front'] });
    expect(n('ctr:host1:web')?.attrs?.ports).toBe('8080→80/tcp');
    expect(n('if:host1:eth0')).toMatchObject({ addresses: ['192.0.2.11/24'] });
  });

  it('JSON is the graph itself, and --host keeps one host with the LAN', () => {
    expect(JSON.parse(renderJson(g))).toEqual(g);
    const one = buildTopology(facts, topology, { host: 'host2' });
    expect(one.nodes.map((x) => x.id)).toEqual([
      'host:host2',
      'if:host2:docker0',
      'if:host2:eth0',
      'internet',
      'lan',
    ]);
    expect(one.edges.every((e) => !e.from.includes('host1') && !e.to.includes('host1'))).toBe(true);
  });

  it('is drawn from facts only: same facts, same graph; no topology, no LAN', () => {
    expect(buildTopology(structuredClone(facts), topology)).toEqual(g);
    const bare = buildTopology(facts);
    expect(bare.nodes.some((x) => x.kind === 'lan' || x.kind === 'internet')).toBe(false);
    expect(bare.edges.some((e) => e.kind === 'lan')).toBe(false);
  });
});

describe('overlay and macvlan', () => {
  const { topology, facts } = withOverlayAndMacvlan();
  const g = buildTopology(facts, topology);

  it('an overlay is one node, joined by each peer host, with a VXLAN edge between the hosts', () => {
    expect(g.nodes.find((n) => n.id === 'overlay:ov')).toMatchObject({
      kind: 'overlay',
      attrs: { vni: '4097', subnet: '10.0.1.0/24' },
    });
    expect(g.edges.filter((e) => e.kind === 'vxlan')).toEqual([
      { kind: 'vxlan', from: 'host:host1', to: 'host:host2', label: 'ov VNI 4097' },
    ]);
    expect(g.edges).toContainEqual({ kind: 'member', from: 'cif:host1:o1:eth0', to: 'overlay:ov' });
    expect(g.edges).toContainEqual({ kind: 'member', from: 'cif:host2:o2:eth0', to: 'overlay:ov' });
  });

  it('a macvlan child hangs off its parent link', () => {
    expect(g.edges).toContainEqual({
      kind: 'member',
      from: 'cif:host1:m1:eth0',
      to: 'net:host1:macnet',
    });
    expect(g.edges).toContainEqual({
      kind: 'parent',
      from: 'net:host1:macnet',
      to: 'if:host1:eth0',
      label: 'macvlan',
    });
  });

  it('the text map shows both, under their host and its eth0', () => {
    const text = renderAscii(g).join('\n');
    expect(text).toContain(
      '│   ├── eth0 192.0.2.11/24 ── LAN\n│   │   └── macnet (macvlan) 192.0.2.0/24 on eth0\n│   │       └── m1:eth0 192.0.2.50/24',
    );
    expect(text).toContain('ov (overlay) 10.0.1.0/24 VNI 4097');
    expect(text).toContain('o2:eth0 10.0.1.4/24');
    expect(text).toContain('VXLAN host1 ⇄ host2 · ov VNI 4097');
  });
});

describe('renderAscii', () => {
  const { topology, facts } = knownSetup();
  const g = buildTopology(facts, topology);

  it('is stable, fits 80 columns and reads without colour', () => {
    const lines = renderAscii(g);
    expect(lines.join('\n')).toMatchInlineSnapshot(`
      "LAN 192.0.2.0/24 · switch br0
      ├── internet 192.0.2.1/24 198.51.100.1/32 (router)
      ├── host1 · docker 20.10.24+dfsg1 · iptables
      │   ├── eth0 192.0.2.11/24 ── LAN
      │   ├── br-b79d22c5a2ac bridge "front" 10.10.1.1/24
      │   │   ├── veth381ed82 ⇄ web:eth0 10.10.1.2/24
      │   │   └── veth837ada9 ⇄ api:eth0 10.10.1.3/24
      │   ├── br-ef9f7ea69ba6 bridge "back" 10.10.2.1/24
      │   │   ├── veth1dee252 ⇄ api:eth1 10.10.2.2/24
      │   │   └── vethc2a2b7b ⇄ db:eth0 10.10.2.3/24
      │   ├── docker0 bridge "bridge" 172.17.0.1/16
      │   │   └── (no ports)
      │   └── containers
      │       ├── api · front 10.10.1.3 · back 10.10.2.2
      │       ├── db · back 10.10.2.3
      │       └── web · front 10.10.1.2 · publishes 8080→80/tcp
      └── host2 · docker 20.10.24+dfsg1 · iptables
          ├── eth0 192.0.2.12/24 ── LAN
          └── docker0 bridge "bridge" 172.17.0.1/16
              └── (no ports)"
    `);
    for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(80);
    expect(lines.join('')).not.toMatch(/\x1b\[/);
  });

  it('wraps long lines under their own branch within a narrow width', () => {
    const lines = renderAscii(g, { width: 40 });
    for (const l of lines) expect(stringWidth(l), l).toBeLessThanOrEqual(40);
    expect(lines.join('\n')).toContain('publishes');
  });

  it('folds a larger lab into one block per host, still within 80 columns', () => {
    const big: LabFacts = structuredClone(facts);
    const h1 = big.hosts.host1 as HostFacts;
    for (let i = 0; i < 12; i++) {
      const web = structuredClone(h1.containers.find((c) => c.name === 'web'));
      if (!web) throw new Error('no web');
      web.name = `web-with-a-rather-long-name-${i}`;
      web.links = [];
      h1.containers.push(web);
    }
    big.hosts.host3 = { ...structuredClone(big.hosts.host2 as HostFacts), host: 'host3' };
    const lines = renderAscii(buildTopology(big, topology));
    for (const l of lines) expect(stringWidth(l), l).toBeLessThanOrEqual(80);
    expect(lines.slice(0, 5)).toEqual([
      'LAN 192.0.2.0/24 · switch br0',
      '├── internet 192.0.2.1/24 198.51.100.1/32 (router)',
      '├── host1 (below)',
      '├── host2 (below)',
      '└── host3 (below)',
    ]);
    expect(lines).toContain('host3 · docker 20.10.24+dfsg1 · iptables');
  });

  it('renderMap gives lessons the same text from facts', () => {
    expect(renderMap(facts, topology)).toBe(`${renderAscii(g).join('\n')}\n`);
    expect(renderMap(facts, topology, { host: 'host2' })).toContain('host2 ·');
    expect(renderMap(facts, topology, { host: 'host2' })).not.toContain('host1 ·');
  });
});

/**
 * A small checker of the mermaid flowchart subset the renderer writes: header, node shapes with
 * quoted labels, subgraph … end (balanced), edges between declared nodes with optional |"label"|.
 */
function parseMermaid(text: string): { nodes: Set<string>; edges: number } {
  const lines = text.trimEnd().split('\n');
  if (lines[0] !== 'flowchart LR') throw new Error(`header: ${lines[0]}`);
  const nodes = new Set<string>();
  const edgesSeen: [string, string][] = [];
  let depth = 0;
  const label = String.raw`"[^"]*"`;
  const shapes = [
    `\\[${label}\\]`,
    `\\(${label}\\)`,
    `\\[\\[${label}\\]\\]`,
    `\\{\\{${label}\\}\\}`,
    `\\(\\(${label}\\)\\)`,
  ];
  const nodeRe = new RegExp(`^(n\\d+)(?:${shapes.join('|')})$`);
  const edgeRe = new RegExp(`^(n\\d+) (---|===|-\\.->|<-\\.->)(?:\\|${label}\\|)? (n\\d+)$`);
  lines.slice(1).forEach((raw, i) => {
    const line = raw.trim();
    if (/^subgraph h\d+\["[^"]*"\]$/.test(line)) depth++;
    else if (line === 'end') {
      if (--depth < 0) throw new Error(`line ${i + 2}: end without subgraph`);
    } else if (nodeRe.test(line)) {
      const id = (nodeRe.exec(line) as RegExpExecArray)[1] as string;
      if (nodes.has(id)) throw new Error(`line ${i + 2}: ${id} declared twice`);
      nodes.add(id);
    } else if (edgeRe.test(line)) {
      const m = edgeRe.exec(line) as RegExpExecArray;
      edgesSeen.push([m[1] as string, m[3] as string]);
    } else throw new Error(`line ${i + 2}: cannot parse: ${line}`);
  });
  if (depth !== 0) throw new Error('unbalanced subgraph');
  for (const [a, b] of edgesSeen)
    if (!nodes.has(a) || !nodes.has(b)) throw new Error(`edge to an undeclared node: ${a} ${b}`);
  return { nodes, edges: edgesSeen.length };
}

describe('mermaid and DOT', () => {
  for (const [name, setup] of [
    ['known setup', knownSetup],
    ['with overlay and macvlan', withOverlayAndMacvlan],
  ] as const) {
    const { topology, facts } = setup();
    const g = buildTopology(facts, topology);

    it(`mermaid parses (${name}): every node declared once, every edge between declared nodes`, () => {
      const text = renderMermaid(g);
      const parsed = parseMermaid(text);
      expect(parsed.nodes.size).toBe(g.nodes.length);
      expect(parsed.edges).toBeGreaterThan(10);
      expect(text).toContain('-.->|"8080→80/tcp"|');
      // A quote in a label is escaped, so it cannot end the label early.
      const tricky = structuredClone(g);
      (tricky.nodes[0] as { name: string }).name = 'say "hi" <b>';
      expect(() => parseMermaid(renderMermaid(tricky))).not.toThrow();
    });

    it.skipIf(spawnSync('dot', ['-V']).error !== undefined)(
      `DOT parses with graphviz (${name})`,
      () => {
        const r = spawnSync('dot', ['-Tsvg'], { input: renderDot(g), encoding: 'utf8' });
        expect(r.stderr).toBe('');
        expect(r.status).toBe(0);
        expect(r.stdout).toContain('<svg');
        expect(r.stdout).toContain('host1');
      },
    );
  }
});
