import React from 'react';
import { describe, expect, it } from 'vitest';
import type { HostFacts } from '../../../src/observe/facts.js';
import { diffCounters, dropCulprit, type CounterSnapshot } from '../../../src/topo/confirm.js';
import { renderAscii, buildTopology } from '../../../src/topo/index.js';
import { parseTraceTarget, planTrace, TraceError } from '../../../src/topo/trace.js';
import { renderTrace } from '../../../src/topo/trace-text.js';
import { TopologyPanel, topologyPanelLines } from '../../../src/tui/components/TopologyPanel.js';
import { frameLines, renderTui } from '../tui/helpers.js';
import { knownSetup, withOverlayAndMacvlan } from './helpers.js';

const { topology, facts } = knownSetup();

function plan(from: string, to: string, f = facts) {
  const a = parseTraceTarget(from, f, topology, 'host1');
  const b = parseTraceTarget(to, f, topology, 'host1');
  return planTrace(f, a.end, b, topology);
}

describe('parseTraceTarget', () => {
  it('reads hosts, containers, host:container, IPs, ports and protocols', () => {
    expect(parseTraceTarget('host1:8080/tcp', facts, topology)).toEqual({
      end: { kind: 'host', host: 'host1', ip: '192.0.2.11' },
      port: 8080,
      proto: 'tcp',
    });
    expect(parseTraceTarget('host1:web:80', facts, topology)).toEqual({
      end: { kind: 'container', host: 'host1', container: 'web', ip: '10.10.1.2' },
      port: 80,
      proto: 'tcp',
    });
    expect(parseTraceTarget('db', facts, topology, 'host1')).toEqual({
      end: { kind: 'container', host: 'host1', container: 'db', ip: '10.10.2.3' },
      proto: 'icmp',
    });
    expect(parseTraceTarget('10.10.1.2:80/udp', facts, topology).end).toEqual({
      kind: 'container',
      host: 'host1',
      container: 'web',
      ip: '10.10.1.2',
    });
    expect(parseTraceTarget('203.0.113.9', facts, topology).end).toEqual({
      kind: 'ip',
      ip: '203.0.113.9',
    });
    expect(parseTraceTarget('internet', facts, topology).end).toEqual({
      kind: 'host',
      host: 'internet',
      ip: '192.0.2.1',
    });
  });

  it('says what is wrong', () => {
    expect(() => parseTraceTarget('nosuch:80', facts, topology)).toThrow(TraceError);
    expect(() => parseTraceTarget('host9:web', facts, topology)).toThrow(/no lab host "host9"/);
    expect(() => parseTraceTarget('host1:99999', facts, topology)).toThrow(/out of range/);
    expect(() => parseTraceTarget('host1/udp', facts, topology)).toThrow(/needs a port/);
  });
});

describe('planTrace', () => {
  it('host2 → host1:8080/tcp: PREROUTING → DOCKER → DNAT to the container, FORWARD accepts, delivered to web', () => {
    const p = plan('host2', 'host1:8080/tcp');
    expect(p.verdict).toBe('delivered');
    expect(p.deliveredTo).toBe('host1:web');
    expect(p.hops.map((h) => `${h.where} ${h.text}`)).toEqual([
      'host2 route 192.0.2.0/24 dev eth0',
      'host2 eth0 (src 192.0.2.12)',
      'LAN LAN (switch br0) → 192.0.2.11',
      'host1 host1 eth0 192.0.2.11',
      'host1 nat PREROUTING → DOCKER',
      'host1 nat DOCKER → DNAT to 10.10.1.2:80',
      'host1 route 10.10.1.0/24 dev br-b79d22c5a2ac',
      'host1 filter FORWARD → DOCKER-USER',
      'host1 filter DOCKER-USER → RETURN',
      'host1 filter FORWARD → DOCKER-ISOLATION-STAGE-1',
      'host1 filter DOCKER-ISOLATION-STAGE-1 → RETURN',
      'host1 filter FORWARD → DOCKER',
      'host1 filter DOCKER → ACCEPT',
      'host1 br-b79d22c5a2ac',
      'host1 veth381ed82 → web eth0',
      'host1:web web eth0 10.10.1.2:80',
    ]);
    const dnat = p.hops.find((h) => h.kind === 'nat');
    expect(dnat?.rule?.raw).toBe(
      '-A DOCKER ! -i br-b79d22c5a2ac -p tcp -m tcp --dport 8080 -j DNAT --to-destination 10.10.1.2:80',
    );
    expect(p.hosts).toEqual(['host2', 'host1']);
  });

  it('web → db (another network): dropped by DOCKER-ISOLATION-STAGE-2', () => {
    const p = plan('web', 'db:80');
    expect(p.verdict).toBe('dropped');
    expect(p.stop?.rule).toMatchObject({
      host: 'host1',
      table: 'filter',
      chain: 'DOCKER-ISOLATION-STAGE-2',
      raw: '-A DOCKER-ISOLATION-STAGE-2 -o br-ef9f7ea69ba6 -j DROP',
    });
  });

  it('api → db (a network they share): bridged, delivered', () => {
    const p = plan('api', 'db:80');
    expect(p.verdict).toBe('delivered');
    expect(p.hops[0]?.text).toBe('api eth1 10.10.2.2 (route 10.10.2.0/24)');
    expect(p.hops.at(-1)?.where).toBe('host1:db');
  });

  it('host2 → a container address on host1: no route beyond the LAN router', () => {
    const p = plan('host2', '10.10.1.2:80');
    expect(p.verdict).toBe('no-route');
    expect(p.stop?.text).toContain("10.10.1.2 is web's address inside host1");
  });

  it('host1 → its own container: OUTPUT, no FORWARD; an unrouted address: no route', () => {
    expect(plan('host1', 'web:80').verdict).toBe('delivered');
    const f = structuredClone(facts);
    (f.hosts.host1 as HostFacts).routes = (f.hosts.host1 as HostFacts).routes.filter(
      (r) => r.dst !== 'default',
    );
    const p = plan('host1', '203.0.113.9:80', f);
    expect(p.verdict).toBe('no-route');
    expect(p.stop?.text).toBe('no route to 203.0.113.9');
  });

  it('a FORWARD DROP policy decides when no rule accepts', () => {
    const f = structuredClone(facts);
    const h1 = f.hosts.host1 as HostFacts;
    h1.firewall = h1.firewall.filter((r) => !(r.table === 'filter' && r.chain === 'DOCKER'));
    const p = plan('host2', 'host1:8080/tcp', f);
    expect(p.verdict).toBe('dropped');
    expect(p.stop?.text).toBe('filter FORWARD: filter FORWARD policy DROP');
  });

  it('overlay: VXLAN between the hosts; macvlan: straight onto the LAN', () => {
    const o = withOverlayAndMacvlan();
    const a = planTrace(
      o.facts,
      { kind: 'container', host: 'host1', container: 'o1' },
      parseTraceTarget('host2:o2:80', o.facts, o.topology),
      o.topology,
    );
    expect(a.verdict).toBe('delivered');
    expect(a.hops.map((h) => h.kind)).toContain('vxlan');
    const b = planTrace(
      o.facts,
      { kind: 'host', host: 'host2', ip: '192.0.2.12' },
      parseTraceTarget('192.0.2.50', o.facts, o.topology),
      o.topology,
    );
    expect(b.verdict).toBe('delivered');
    expect(b.deliveredTo).toBe('host1:m1');
  });
});

describe('confirmation (pure parts)', () => {
  const ref = (chain: string, index: number, raw: string, target?: string) => ({
    host: 'host1',
    backend: 'iptables' as const,
    family: 'ip',
    table: 'filter',
    chain,
    index,
    raw,
    ...(target ? { target } : {}),
  });
  const before: CounterSnapshot = {
    host: 'host1',
    rules: [
      {
        ref: ref(
          'DOCKER-ISOLATION-STAGE-2',
          0,
          '-A DOCKER-ISOLATION-STAGE-2 -o br-ef9f7ea69ba6 -j DROP',
          'DROP',
        ),
        packets: 0,
      },
      { ref: ref('FORWARD', 0, '-A FORWARD -j DOCKER-USER', 'DOCKER-USER'), packets: 5 },
    ],
    policies: [
      {
        key: 'iptables|ip|filter|FORWARD',
        table: 'filter',
        chain: 'FORWARD',
        policy: 'DROP',
        packets: 0,
      },
    ],
  };
  const after: CounterSnapshot = structuredClone(before);
  (after.rules[0] as { packets: number }).packets = 2;
  (after.rules[1] as { packets: number }).packets = 7;

  it('shows which counters moved, marks those on the planned path, and names the DROP', () => {
    const p = plan('web', 'db:80');
    const moved = diffCounters(before, after, p);
    expect(moved.map((m) => [m.chain, m.delta, m.onPath])).toEqual([
      ['DOCKER-ISOLATION-STAGE-2', 2, true],
      ['FORWARD', 2, true],
    ]);
    expect(dropCulprit(moved)?.text).toBe('-A DOCKER-ISOLATION-STAGE-2 -o br-ef9f7ea69ba6 -j DROP');
    const text = renderTrace(p, {
      probe: {
        host: 'host1',
        container: 'web',
        argv: ['nc', '-w', '2', '10.10.2.3', '80', '-e', 'true'],
      },
      result: { code: 1, stdout: '', stderr: 'nc: timed out', ms: 2400 },
      reach: 'timeout',
      moved,
      droppedBy: dropCulprit(moved) as never,
      errors: [],
    });
    expect(text.at(-1)).toBe(
      'Confirmed: dropped on host1 by filter DOCKER-ISOLATION-STAGE-2: -A DOCKER-ISOLATION-STAGE-2 -o br-ef9f7ea69ba6 -j DROP',
    );
  });

  it('ignores a rule whose text changed between the reads', () => {
    const changed = structuredClone(after);
    (changed.rules[0] as { ref: { raw: string } }).ref.raw =
      '-A DOCKER-ISOLATION-STAGE-2 -o br-x -j DROP';
    expect(diffCounters(before, changed).map((m) => m.chain)).toEqual(['FORWARD']);
  });
});

describe('TopologyPanel', () => {
  const lines = renderAscii(buildTopology(facts, topology), { width: 60 });

  it('draws the map lines it is given, under a title', () => {
    const out = frameLines(renderTui(<TopologyPanel lines={lines} width={60} />, { color: false }));
    expect(out[0]).toBe('Lab map');
    expect(out).toContain('│   │   ├── veth381ed82 ⇄ web:eth0 10.10.1.2/24');
  });

  it('cuts to the rows it has, saying how many were left out', () => {
    const rows = topologyPanelLines({ lines, width: 60, maxLines: 5 });
    expect(rows).toHaveLength(5);
    expect(rows[4]?.[0]?.text).toBe(`… ${lines.length + 1 - 4} more lines (dnlab topo shows all)`);
  });

  it('drops box drawing for screen readers', () => {
    const rows = topologyPanelLines({ lines, width: 60 }, true);
    expect(rows.map((r) => r[0]?.text).join('\n')).not.toMatch(/[│├└]/);
  });
});
