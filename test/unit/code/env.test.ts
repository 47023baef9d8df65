import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DNLAB_ENV } from '../../../src/env.js';
import { SRC, sourceFiles } from './imports.js';

const DOC = fs.readFileSync(path.resolve(SRC, '../docs/ENVIRONMENT.md'), 'utf8');
const tableNames = (text: string) =>
  new Set([...text.matchAll(/^\| `(DNLAB_[A-Z0-9_]+)` \|/gm)].map((m) => m[1]!));

describe('DNLAB_* environment variables', () => {
  it('every one named in src/ is in the table, and every one read is in src/env.ts', () => {
    const documented = tableNames(DOC);
    const named = new Set(
      sourceFiles().flatMap((f) =>
        [...fs.readFileSync(f, 'utf8').matchAll(/DNLAB_[A-Z0-9_]+/g)].map((m) => m[0]),
      ),
    );
    expect([...named].filter((n) => n !== 'DNLAB_ENV' && !documented.has(n))).toEqual([]);
    expect(Object.keys(DNLAB_ENV).filter((n) => !documented.has(n))).toEqual([]);
  });

  it('dnlab reads them through src/env.ts only (writes for child processes apart)', () => {
    const reads = sourceFiles()
      .filter((f) => path.relative(SRC, f) !== 'env.ts')
      .flatMap((f) =>
        fs
          .readFileSync(f, 'utf8')
          .split('\n')
          .filter((line) => /env\.DNLAB_\w+\b(?!\s*(\?\?)?=[^=])/.test(line))
          .map((line) => `${path.relative(SRC, f)}: ${line.trim()}`),
      );
    expect(reads).toEqual([]);
  });
});

describe('README', () => {
  it('every relative link resolves in a fresh clone', () => {
    const root = path.resolve(SRC, '..');
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const links = [...readme.matchAll(/\]\(([^)\s]+)\)/g)]
      .map((m) => m[1]!)
      .filter((l) => !/^[a-z]+:|^#/.test(l));
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((l) => !fs.existsSync(path.join(root, l.split('#')[0]!)))).toEqual([]);
  });
});
