import { safeDeep, safeJson } from '../text/safe.js';
import { drawnEdges, edgeWord, nodeLabel } from './labels.js';
import type { TopoEdge, TopoGraph, TopoNode } from './model.js';

/** Mermaid flowchart and graphviz DOT of the map, one subgraph (cluster) per host. Pure. */

/**
 * The graph with every name made safe for a terminal (a network may be named with an ESC). Ids
 * stay as they are, since they are only keys: two names that differ in a control character
 * remain two nodes. The drawings (ascii, mermaid, DOT) print only this; JSON keeps exact names.
 */
export function safeGraph(g: TopoGraph): TopoGraph {
  return {
    nodes: g.nodes.map((n) => ({ ...safeDeep(n), id: n.id })),
    edges: g.edges.map((e) => ({ ...safeDeep(e), from: e.from, to: e.to })),
  };
}

function shortIds(g: TopoGraph): Map<string, string> {
  return new Map(g.nodes.map((n, i) => [n.id, `n${i}`]));
}

function groups(g: TopoGraph): { shared: TopoNode[]; byHost: Map<string, TopoNode[]> } {
  const shared: TopoNode[] = [];
  const byHost = new Map<string, TopoNode[]>();
  for (const n of g.nodes) {
    if (n.host === undefined) shared.push(n);
    else byHost.set(n.host, [...(byHost.get(n.host) ?? []), n]);
  }
  return { shared, byHost };
}

// ---- mermaid

/**
 * Mermaid label text: entity codes for the characters its parser treats specially (`#` first,
 * since it starts an entity code; a backtick would start a markdown string).
 */
export function mermaidText(s: string): string {
  return s
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/`/g, '#96;')
    .replace(/[\r\n]/g, ' ');
}

function mermaidNode(n: TopoNode, id: string): string {
  const label = `"${nodeLabel(n).map(mermaidText).join('<br/>')}"`;
  switch (n.kind) {
    case 'container':
      return `${id}(${label})`;
    case 'bridge':
    case 'lan':
      return `${id}[[${label}]]`;
    case 'overlay':
    case 'network':
      return `${id}{{${label}}}`;
    case 'internet':
      return `${id}((${label}))`;
    default:
      return `${id}[${label}]`;
  }
}

function mermaidEdge(e: TopoEdge, ids: Map<string, string>): string {
  const a = ids.get(e.from);
  const b = ids.get(e.to);
  const word = edgeWord(e);
  const label = word ? `|"${mermaidText(word)}"|` : '';
  const arrow =
    e.kind === 'publish'
      ? '-.->'
      : e.kind === 'vxlan'
        ? '<-.->'
        : e.kind === 'veth'
          ? '==='
          : '---';
  return `  ${a} ${arrow}${label} ${b}`;
}

export function renderMermaid(raw: TopoGraph): string {
  const g = safeGraph(raw);
  const ids = shortIds(g);
  const out = ['flowchart LR'];
  const { shared, byHost } = groups(g);
  for (const n of shared) out.push(`  ${mermaidNode(n, ids.get(n.id) as string)}`);
  let k = 0;
  for (const [host, nodes] of byHost) {
    out.push(`  subgraph h${k++}["${mermaidText(host)}"]`);
    for (const n of nodes) out.push(`    ${mermaidNode(n, ids.get(n.id) as string)}`);
    out.push('  end');
  }
  for (const e of drawnEdges(g)) {
    if (ids.has(e.from) && ids.has(e.to)) out.push(mermaidEdge(e, ids));
  }
  return `${out.join('\n')}\n`;
}

// ---- DOT

/** A DOT quoted string: backslash and quote escaped, a newline as DOT's `\\n` line break. */
export function dotString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r/g, '').replace(/\n/g, '\\n')}"`;
}

const DOT_SHAPE: Partial<Record<TopoNode['kind'], string>> = {
  host: 'box3d',
  lan: 'box',
  internet: 'ellipse',
  bridge: 'box',
  container: 'component',
  overlay: 'hexagon',
  network: 'hexagon',
  cnic: 'note',
};

function dotNode(n: TopoNode, id: string): string {
  const shape = DOT_SHAPE[n.kind] ?? 'box';
  const style = n.kind === 'bridge' || n.kind === 'lan' ? ', style=bold' : '';
  return `${id} [label=${dotString(nodeLabel(n).join('\n'))}, shape=${shape}${style}];`;
}

export function renderDot(raw: TopoGraph): string {
  const g = safeGraph(raw);
  const ids = shortIds(g);
  const out = [
    'graph lab {',
    '  rankdir=LR;',
    '  node [fontname="monospace", fontsize=10];',
    '  edge [fontname="monospace", fontsize=9];',
  ];
  const { shared, byHost } = groups(g);
  for (const n of shared) out.push(`  ${dotNode(n, ids.get(n.id) as string)}`);
  let k = 0;
  for (const [host, nodes] of byHost) {
    out.push(`  subgraph cluster_${k++} {`, `    label=${dotString(host)};`);
    for (const n of nodes) out.push(`    ${dotNode(n, ids.get(n.id) as string)}`);
    out.push('  }');
  }
  for (const e of drawnEdges(g)) {
    const a = ids.get(e.from);
    const b = ids.get(e.to);
    if (!a || !b) continue;
    const attrs: string[] = [];
    const word = edgeWord(e);
    if (word) attrs.push(`label=${dotString(word)}`);
    if (e.kind === 'publish' || e.kind === 'vxlan' || e.kind === 'shares')
      attrs.push('style=dashed');
    if (e.kind === 'veth') attrs.push('penwidth=2');
    out.push(`  ${a} -- ${b}${attrs.length ? ` [${attrs.join(', ')}]` : ''};`);
  }
  out.push('}');
  return `${out.join('\n')}\n`;
}

export function renderJson(g: TopoGraph): string {
  return `${safeJson(g, 2)}\n`;
}
