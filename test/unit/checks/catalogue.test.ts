import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checks as catalogue } from '../../../src/i18n/en/checks.js';

// The checkers, and the observers whose error texts land in check messages.
const roots = ['src/checks', 'src/observe', 'src/orchestrate'].map((d) =>
  path.resolve(import.meta.dirname, '../../..', d),
);

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('the checks catalogue', () => {
  const used = new Set(
    roots
      .flatMap(sources)
      .flatMap((f) =>
        [...fs.readFileSync(f, 'utf8').matchAll(/'(check\.[A-Za-z-]+(?:\.[A-Za-z]+)+)'/g)].map(
          (m) => m[1]!,
        ),
      ),
  );

  it('defines every key the checkers use', () => {
    expect(used.size).toBeGreaterThan(100);
    const missing = [...used].filter((k) => !(k in catalogue));
    expect(missing).toEqual([]);
  });

  it('has no key nobody uses', () => {
    const unused = Object.keys(catalogue).filter((k) => !used.has(k));
    expect(unused).toEqual([]);
  });
});
