import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setLang } from '../../../src/i18n/index.js';
import type { ContainerFacts, HostFacts } from '../../../src/observe/facts.js';
import { buildTopology, renderAscii } from '../../../src/topo/index.js';
import { renderTrace } from '../../../src/topo/trace-text.js';
import type { TracePlan } from '../../../src/topo/trace.js';
import { knownSetup, withOverlayAndMacvlan } from './helpers.js';

/**
 * Issue #9: the lab map and the trace in 简体中文. A Chinese character takes two columns: lines
 * must stay within the width and the tree's branches on their columns, measured in columns.
 */

beforeAll(() => setLang('zh-CN'));
afterAll(() => setLang('en'));

/** Each column of a line: what it shows ('' for the right half of a wide character). */
function cellsOf(line: string): string[] {
  const cells: string[] = [];
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(
    line,
  )) {
    const w = stringWidth(segment);
    if (w === 0) continue;
    cells.push(segment, ...Array<string>(w - 1).fill(''));
  }
  return cells;
}

const TREE = new Set(['│', '├', '└']);

/**
 * Every branch character hangs from something on the row above, on the same column: a `│` or
 * `├` of the same branch, or the first character of its parent's text.
 */
function brokenBranches(lines: string[]): string[] {
  const bad: string[] = [];
  const rows = lines.map(cellsOf);
  rows.forEach((cells, y) => {
    cells.forEach((c, x) => {
      if (!TREE.has(c) || y === 0) return;
      // Only the tree's own prefix counts (a `│` inside a label is text).
      if (cells.slice(0, x).some((p) => !TREE.has(p) && p !== ' ' && p !== '─')) return;
      const above = rows[y - 1] ?? [];
      const textStart = above.findIndex((p) => !TREE.has(p) && p !== ' ' && p !== '─');
      if (above[x] === '│' || above[x] === '├' || textStart === x) return;
      bad.push(`row ${y} col ${x}: ${lines[y]}`);
    });
  });
  return bad;
}

/** A lab whose map has long Chinese labels: shared and missing networks, published ports. */
function chineseLab() {
  const { topology, facts } = withOverlayAndMacvlan();
  const h1 = facts.hosts.host1 as HostFacts;
  const web = h1.containers.find((c) => c.name === 'web') as ContainerFacts;
  h1.containers.push(
    {
      ...structuredClone(web),
      id: 'side0000000000',
      name: 'sidecar',
      networkMode: 'container:web',
      endpoints: [],
      links: [],
    },
    {
      ...structuredClone(web),
      id: 'lone0000000000',
      name: 'lonely',
      networkMode: 'none',
      endpoints: [],
      links: [],
    },
  );
  return { topology, facts };
}

describe('the lab map in zh-CN', () => {
  it('labels in Chinese, as the glossary says', () => {
    const { topology, facts } = knownSetup();
    const text = renderAscii(buildTopology(facts, topology)).join('\n');
    expect(text).toContain('LAN 192.0.2.0/24 · 交换机 br0');
    expect(text).toContain('docker0 网桥 "bridge" 172.17.0.1/16');
    expect(text).toContain('（无端口）');
    expect(text).toContain('└── 容器');
    expect(text).toContain('web · front 10.10.1.2 · 发布端口 8080→80/tcp');
  });

  it('stays within the width and keeps its branches on their columns, at any width', () => {
    const { topology, facts } = chineseLab();
    const g = buildTopology(facts, topology);
    for (let width = 30; width <= 80; width++) {
      const lines = renderAscii(g, { width, fold: false });
      const tooWide = lines.filter((l) => stringWidth(l) > width);
      expect(tooWide, `width ${width}`).toEqual([]);
      expect(brokenBranches(lines), `width ${width}`).toEqual([]);
    }
  });

  it('wraps a Chinese label under its own branch (snapshot at 44 columns)', () => {
    const { topology, facts } = chineseLab();
    const lines = renderAscii(buildTopology(facts, topology), { width: 44, fold: false });
    expect(lines.join('\n')).toContain('共享 web 的网络');
    expect(lines.join('\n')).toMatchSnapshot();
  });
});

describe('the trace in zh-CN', () => {
  it('lines up the hop text by columns, whatever script the place is written in', () => {
    const rule = {
      backend: 'iptables',
      family: 'ipv4',
      table: 'filter',
      chain: 'FORWARD',
      index: 0,
      raw: '-A FORWARD -o br0 -j DROP',
    };
    const plan = {
      from: { kind: 'host', host: 'host1', ip: '192.0.2.11' },
      to: { end: { kind: 'host', host: '主机二', ip: '192.0.2.12' }, proto: 'icmp' },
      dst: { ip: '192.0.2.12', proto: 'icmp' },
      hops: [
        { kind: 'route', where: 'host1', text: 'route default dev eth0' },
        { kind: 'lan', where: 'LAN', text: 'LAN（交换机 br0）→ 192.0.2.12' },
        { kind: 'drop', where: '主机二', text: 'filter FORWARD → DROP', rule },
      ],
      verdict: 'dropped',
      stop: { kind: 'drop', where: '主机二', text: 'filter FORWARD → DROP', rule },
      hosts: ['host1', '主机二'],
      rules: [rule],
    } as unknown as TracePlan;
    const lines = renderTrace(plan);
    expect(lines[0]).toBe('数据包追踪 host1 → 主机二/icmp');
    const hopRows = lines.filter((l) => /^ {2}[→✘✔] /.test(l));
    expect(hopRows).toHaveLength(3);
    // The text after the place starts on one column in every hop, and the rule under it too.
    const columnOf = (line: string, text: string) => stringWidth(line.slice(0, line.indexOf(text)));
    const textAt = hopRows.map((l, i) => columnOf(l, plan.hops[i]!.text));
    const ruleRow = lines.find((l) => l.includes('-A FORWARD'))!;
    expect(new Set([...textAt, columnOf(ruleRow, '-A')]).size, lines.join('\n')).toBe(1);
    expect(lines).toContain('期望：在 主机二 上被丢弃：-A FORWARD -o br0 -j DROP');
  });
});
