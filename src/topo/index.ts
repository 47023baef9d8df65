import type { Topology } from '../lab/topology.js';
import type { LabFacts } from '../observe/facts.js';
import { renderAscii, type AsciiOptions } from './ascii.js';
import { renderDot, renderJson, renderMermaid } from './diagram.js';
import { buildTopology, type TopoGraph } from './model.js';

/** The lab's map (src/topo): a graph of observed facts, drawn as text, mermaid, DOT or JSON. */
export { buildTopology, nodeId, onlyHost, publishedPorts } from './model.js';
export type { EdgeKind, NodeKind, TopoEdge, TopoGraph, TopoNode, BuildOptions } from './model.js';
export { renderAscii, type AsciiOptions } from './ascii.js';
export { renderDot, renderJson, renderMermaid, safeGraph } from './diagram.js';
export {
  planTrace,
  parseTraceTarget,
  type TracePlan,
  type TraceHop,
  type TraceEnd,
} from './trace.js';

export const FORMATS = ['ascii', 'mermaid', 'dot', 'json'] as const;
export type MapFormat = (typeof FORMATS)[number];

export function renderGraph(raw: TopoGraph, format: MapFormat, ascii: AsciiOptions = {}): string {
  switch (format) {
    case 'ascii':
      return `${renderAscii(raw, ascii).join('\n')}\n`;
    case 'mermaid':
      return renderMermaid(raw);
    case 'dot':
      return renderDot(raw);
    case 'json':
      return renderJson(raw);
  }
}

/**
 * The map of observed facts as text, for a lesson step's `explain` or any screen: pure, the
 * same facts always give the same text. `host` keeps one host (with the LAN and its overlays).
 */
export function renderMap(
  facts: LabFacts,
  topology?: Topology,
  opts: { host?: string; format?: MapFormat; width?: number } = {},
): string {
  const g = buildTopology(facts, topology, opts.host ? { host: opts.host } : {});
  return renderGraph(g, opts.format ?? 'ascii', opts.width ? { width: opts.width } : {});
}
