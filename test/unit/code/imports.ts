import fs from 'node:fs';
import path from 'node:path';

export const SRC = path.resolve(import.meta.dirname, '../../../src');

/** Every .ts/.tsx file under `dir`, as absolute paths. */
export function sourceFiles(dir = SRC): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** The top folder of a file under src/ (`(root)` for a file directly in src/). */
export function folderOf(file: string): string {
  const parts = path.relative(SRC, file).split(path.sep);
  return parts.length > 1 ? parts[0]! : '(root)';
}

export interface Edge {
  from: string;
  to: string;
  file: string;
  spec: string;
}

/** Imports between top folders of src/: static, `export … from` and dynamic `import()`. */
export function folderEdges(): Edge[] {
  const edges: Edge[] = [];
  for (const file of sourceFiles()) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
      const target = path.resolve(path.dirname(file), m[1]!);
      if (path.relative(SRC, target).startsWith('..')) continue;
      const [from, to] = [folderOf(file), folderOf(target)];
      if (from !== to) edges.push({ from, to, file: path.relative(SRC, file), spec: m[1]! });
    }
  }
  return edges;
}

/** A cycle in a directed graph given as edges, or undefined. */
export function findCycle(edges: readonly { from: string; to: string }[]): string[] | undefined {
  const next = new Map<string, Set<string>>();
  for (const e of edges) next.set(e.from, (next.get(e.from) ?? new Set()).add(e.to));
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string): string[] | undefined => {
    if (state.get(n) === 'done') return undefined;
    if (state.get(n) === 'open') return [...stack.slice(stack.indexOf(n)), n];
    state.set(n, 'open');
    stack.push(n);
    for (const m of next.get(n) ?? []) {
      const c = visit(m);
      if (c) return c;
    }
    stack.pop();
    state.set(n, 'done');
    return undefined;
  };
  for (const n of next.keys()) {
    const c = visit(n);
    if (c) return c;
  }
  return undefined;
}
