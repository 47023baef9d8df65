import { t } from '../i18n/index.js';
import type { TopoEdge, TopoGraph, TopoNode } from './model.js';

/** Text of a node, as lines (the first is its name): shared by the mermaid and DOT renderers. */
export function nodeLabel(n: TopoNode): string[] {
  const a = n.attrs ?? {};
  const addrs = (n.addresses ?? []).join(' ');
  const nets = n.networks?.length ? t('topo.label.network', { names: n.networks.join(', ') }) : '';
  const lines: string[] = [];
  switch (n.kind) {
    case 'lan':
      lines.push(`LAN ${addrs}`, t('topo.label.switch', { bridge: String(a.switch ?? 'br0') }));
      break;
    case 'internet':
      lines.push(n.name, addrs);
      break;
    case 'host':
      lines.push(n.name, addrs);
      break;
    case 'bridge':
      lines.push(n.name, [t('topo.label.bridge'), nets].filter(Boolean).join(' · '), addrs);
      break;
    case 'container':
      lines.push(n.name, String(a.image ?? ''), a.ports ? String(a.ports) : '');
      break;
    case 'cnic':
      lines.push(n.name, addrs, nets);
      break;
    case 'overlay':
      lines.push(
        `${n.name} (overlay)`,
        [a.subnet, a.vni !== undefined ? `VNI ${a.vni}` : ''].filter(Boolean).join(' '),
      );
      break;
    case 'network':
      lines.push(`${n.name} (${String(a.driver ?? '')})`, String(a.subnet ?? ''));
      break;
    case 'vxlan':
      lines.push(n.name, `vxlan${a.vni !== undefined ? ` VNI ${a.vni}` : ''}`, addrs);
      break;
    case 'macvlan':
      lines.push(n.name, `${String(a.type ?? 'macvlan')}${a.mode ? ` ${a.mode}` : ''}`, addrs);
      break;
    default:
      lines.push(n.name, addrs);
  }
  return lines.filter((l) => l !== '');
}

/** Edges the diagrams draw: ownership by a host is shown by grouping instead. */
export function drawnEdges(g: TopoGraph): TopoEdge[] {
  return g.edges.filter((e) => e.kind !== 'has' || e.to.startsWith('overlay:'));
}

/** A short word for an edge, when it has no label of its own. */
export function edgeWord(e: TopoEdge): string | undefined {
  if (e.label) return e.label;
  switch (e.kind) {
    case 'veth':
      return 'veth';
    case 'vxlan':
      return 'vxlan';
    case 'shares':
      return t('topo.edge.sharesNetns');
    default:
      return undefined;
  }
}
