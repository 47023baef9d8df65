import { displayWidth } from '../text/width.js';
import { t } from '../i18n/index.js';
import { nodeId, type TopoEdge, type TopoGraph, type TopoNode } from './model.js';
import { splitCols } from '../text/width.js';
import { safeGraph } from './diagram.js';

/**
 * The map as plain text: a tree per host under the LAN, readable without colour, every line at
 * most `width` display columns (long lines wrap under their own branch). A larger lab folds: each
 * host becomes its own block instead of a branch of one tree.
 */
export interface AsciiOptions {
  /** Display columns (default 80). */
  width?: number;
  /** One block per host instead of one tree: `auto` (default) folds when the tree is long or wide. */
  fold?: boolean | 'auto';
}

interface Tree {
  text: string;
  children: Tree[];
}

const leaf = (text: string, children: Tree[] = []): Tree => ({ text, children });

function addrs(n: TopoNode | undefined): string {
  return (n?.addresses ?? []).join(' ');
}

class View {
  readonly byId = new Map<string, TopoNode>();
  constructor(readonly g: TopoGraph) {
    for (const n of g.nodes) this.byId.set(n.id, n);
  }
  node(id: string): TopoNode | undefined {
    return this.byId.get(id);
  }
  out(from: string, kind: TopoEdge['kind']): TopoEdge[] {
    return this.g.edges.filter((e) => e.from === from && e.kind === kind);
  }
  into(to: string, kind: TopoEdge['kind']): TopoEdge[] {
    return this.g.edges.filter((e) => e.to === to && e.kind === kind);
  }
  ownerOf(cnicId: string): TopoNode | undefined {
    const e = this.into(cnicId, 'iface')[0];
    return e ? this.node(e.from) : undefined;
  }
}

/** `web:eth0 10.10.1.2/24` for a container interface. */
function cnicText(v: View, id: string): string {
  const n = v.node(id);
  const owner = v.ownerOf(id);
  return [`${owner?.name ?? '?'}:${n?.name ?? '?'}`, addrs(n)].filter(Boolean).join(' ');
}

/** What hangs off a host link: its veth peer, its macvlan children, its bridge ports. */
function linkTree(v: View, n: TopoNode): Tree {
  const a = n.attrs ?? {};
  const parts: string[] = [n.name];
  switch (n.kind) {
    case 'bridge':
      parts.push(t('topo.label.bridge'));
      if (n.networks?.length) parts.push(t('topo.ascii.net', { name: n.networks.join(', ') }));
      break;
    case 'vxlan':
      parts.push(`vxlan${a.vni !== undefined ? ` VNI ${a.vni}` : ''}`);
      break;
    case 'macvlan':
      parts.push(`${String(a.type ?? 'macvlan')}${a.mode ? ` ${a.mode}` : ''}`);
      break;
    default:
      break;
  }
  if (addrs(n)) parts.push(addrs(n));
  if (a.internal) parts.push(t('topo.ascii.internal'));
  if (a.down) parts.push(t('topo.ascii.down'));
  if (v.out(n.id, 'lan').length) parts.push(t('topo.ascii.toLan'));
  const veth = v.out(n.id, 'veth')[0];
  let text = parts.join(' ');
  if (n.kind === 'veth' && !v.out(n.id, 'lan').length)
    text = `${n.name} ⇄ ${veth ? cnicText(v, veth.to) : t('topo.ascii.peerElsewhere')}`;
  const children: Tree[] = [];
  for (const p of v.into(n.id, 'port')) {
    const port = v.node(p.from);
    if (port) children.push(linkTree(v, port));
  }
  for (const c of v.into(n.id, 'parent')) {
    const child = v.node(c.from);
    if (!child) continue;
    if (child.kind === 'network') children.push(networkTree(v, child));
    else children.push(linkTree(v, child));
  }
  if (n.kind === 'bridge' && children.length === 0) children.push(leaf(t('topo.ascii.noPorts')));
  return leaf(text, children);
}

/** An overlay or macvlan network with the container interfaces attached to it. */
function networkTree(v: View, n: TopoNode, host?: string): Tree {
  const a = n.attrs ?? {};
  const kind = n.kind === 'overlay' ? 'overlay' : String(a.driver ?? '');
  const parts = [`${n.name} (${kind})`];
  if (a.subnet) parts.push(String(a.subnet));
  if (a.vni !== undefined) parts.push(`VNI ${a.vni}`);
  if (a.parent) parts.push(t('topo.ascii.parent', { parent: String(a.parent) }));
  const members = v
    .into(n.id, 'member')
    .filter((e) => host === undefined || v.node(e.from)?.host === host)
    .map((e) => leaf(cnicText(v, e.from)));
  return leaf(parts.join(' '), members);
}

function containerText(v: View, c: TopoNode): string {
  const a = c.attrs ?? {};
  const parts = [c.name];
  const ifaces = v.out(c.id, 'iface').map((e) => v.node(e.to));
  for (const i of ifaces) {
    if (!i) continue;
    const ip = (i.addresses ?? [])[0];
    parts.push([i.networks?.[0] ?? i.name, ip?.split('/')[0]].filter(Boolean).join(' '));
  }
  const shares = v.out(c.id, 'shares')[0];
  if (shares) {
    const other = v.node(shares.to);
    parts.push(
      other?.kind === 'host'
        ? t('topo.ascii.hostNetwork')
        : t('topo.ascii.sharesWith', { name: other?.name ?? '?' }),
    );
  } else if (ifaces.length === 0 && (a.state === 'running' || a.state === undefined)) {
    parts.push(a.networkMode === 'none' ? t('topo.ascii.noNetwork') : t('topo.ascii.noLinks'));
  }
  if (a.state !== undefined && a.state !== 'running') parts.push(`(${String(a.state)})`);
  if (a.ports) parts.push(t('topo.ascii.publish', { ports: String(a.ports) }));
  return parts.join(' · ');
}

function hostTree(v: View, h: TopoNode): Tree {
  const a = h.attrs ?? {};
  const head = [h.name];
  if (a.docker) head.push(`docker ${String(a.docker)}`);
  if (a.firewall) head.push(String(a.firewall));
  if (a.swarm) head.push(`swarm ${String(a.swarm)}`);
  const children: Tree[] = [];
  const owned = v
    .out(h.id, 'has')
    .map((e) => v.node(e.to))
    .filter((n): n is TopoNode => n !== undefined);
  const links = owned.filter((n) => ['nic', 'bridge', 'veth', 'vxlan', 'macvlan'].includes(n.kind));
  // Top level: links that are not a bridge's port and not a child of another link; the LAN
  // uplink first, then plain links, then bridges.
  const rank = (n: TopoNode) => (v.out(n.id, 'lan').length ? 0 : n.kind === 'bridge' ? 2 : 1);
  for (const n of [...links].sort((a, b) => rank(a) - rank(b))) {
    if (v.out(n.id, 'port').length) continue;
    if (n.kind !== 'nic' && n.kind !== 'bridge' && v.out(n.id, 'parent').length) continue;
    children.push(linkTree(v, n));
  }
  for (const n of owned.filter((x) => x.kind === 'overlay'))
    children.push(networkTree(v, n, h.name));
  for (const n of owned.filter((x) => x.kind === 'network' && v.out(x.id, 'parent').length === 0))
    children.push(networkTree(v, n));
  const containers = owned.filter((n) => n.kind === 'container');
  if (containers.length)
    children.push(
      leaf(
        t('topo.ascii.containers'),
        containers.map((c) => leaf(containerText(v, c))),
      ),
    );
  return leaf(head.join(' · '), children);
}

/** Cut a line into pieces of at most `width` columns, at spaces where it can. */
function wrapText(text: string, width: number): string[] {
  if (displayWidth(text) <= width) return [text];
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (displayWidth(next) <= width) {
      line = next;
      continue;
    }
    if (line) out.push(line);
    line = word;
    // A single word longer than the width: cut it by columns, between characters (a wide
    // character or an emoji is never split).
    while (displayWidth(line) > width) {
      const [cut, rest] = splitCols(line, width);
      out.push(cut);
      line = rest;
    }
  }
  if (line) out.push(line);
  return out;
}

function renderTree(tree: Tree, width: number, lines: string[], prefix = '', branch = ''): void {
  const first = `${prefix}${branch}`;
  const hasKids = tree.children.length > 0;
  const cont = `${prefix}${branch === '├── ' ? '│   ' : branch === '└── ' ? '    ' : ''}`;
  const avail = Math.max(8, width - displayWidth(first));
  const pieces = wrapText(tree.text, avail);
  lines.push(`${first}${pieces[0] ?? ''}`);
  const under = `${cont}${hasKids ? '│ ' : '  '}`;
  for (const p of pieces.slice(1))
    lines.push(...wrapText(p, Math.max(8, width - displayWidth(under))).map((x) => `${under}${x}`));
  tree.children.forEach((c, i) => {
    renderTree(c, width, lines, cont, i === tree.children.length - 1 ? '└── ' : '├── ');
  });
}

function lanTree(v: View, hostTrees: Tree[]): Tree {
  const lan = v.node(nodeId.lan());
  const internet = v.node(nodeId.internet());
  const children: Tree[] = [];
  if (internet)
    children.push(leaf(`${internet.name} ${addrs(internet)} ${t('topo.ascii.router')}`));
  children.push(...hostTrees);
  const text = lan
    ? `LAN ${addrs(lan)} · ${t('topo.label.switch', { bridge: String(lan.attrs?.switch ?? 'br0') })}`
    : t('topo.ascii.lab');
  return leaf(text, children);
}

function vxlanLines(v: View): string[] {
  return v.g.edges
    .filter((e) => e.kind === 'vxlan')
    .map((e) =>
      `VXLAN ${v.node(e.from)?.name ?? e.from} ⇄ ${v.node(e.to)?.name ?? e.to} · ${e.label ?? ''}`.trim(),
    );
}

/** The map as text lines. */
export function renderAscii(raw: TopoGraph, opts: AsciiOptions = {}): string[] {
  const g = safeGraph(raw);
  const width = Math.max(20, opts.width ?? 80);
  const v = new View(g);
  const hosts = g.nodes.filter((n) => n.kind === 'host');
  const trees = hosts.map((h) => hostTree(v, h));
  const lines: string[] = [];
  renderTree(lanTree(v, trees), width, lines);
  const fold = opts.fold ?? 'auto';
  if (fold === true || (fold === 'auto' && hosts.length > 1 && lines.length > 40)) {
    lines.length = 0;
    renderTree(
      lanTree(
        v,
        hosts.map((h) => leaf(`${h.name} ${t('topo.ascii.below')}`)),
      ),
      width,
      lines,
    );
    for (const tr of trees) {
      lines.push('');
      renderTree(tr, width, lines);
    }
  }
  const vx = vxlanLines(v);
  if (vx.length) {
    lines.push('');
    for (const l of vx) lines.push(...wrapText(l, width));
  }
  return lines;
}
