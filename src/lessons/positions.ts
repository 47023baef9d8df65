import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

/** 1-based line and column in a file. */
export interface Position {
  line: number;
  col: number;
}

/**
 * Where a value of a YAML document is, from its path of keys and indexes (as zod reports it).
 * `at: 'key'` gives the key's position (for an unknown field). A path that goes further than the
 * document (a missing field) gives the position of the deepest node that exists: the mapping the
 * field is missing from.
 */
export function locate(
  doc: Document,
  lines: LineCounter,
  path: readonly PropertyKey[],
  at: 'key' | 'value' = 'value',
): Position {
  let node: unknown = doc.contents;
  let pos = start(node, lines) ?? { line: 1, col: 1 };
  for (const [i, seg] of path.entries()) {
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      const keyPos = start(pair.key, lines);
      const value = pair.value;
      const empty =
        value === null || (isScalar(value) && value.value === null && value.source === '');
      if ((last && at === 'key') || empty) return keyPos ?? pos;
      node = value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      if (item === undefined) break;
      node = item;
    } else {
      break;
    }
    pos = start(node, lines) ?? pos;
  }
  return pos;
}

function start(node: unknown, lines: LineCounter): Position | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? lines.linePos(range[0]) : undefined;
}
