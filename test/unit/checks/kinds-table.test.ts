import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { allCheckers } from '../../../src/checks/registry.js';

/**
 * The kinds table in src/checks/README.md is what a lesson author reads: every registered kind has
 * its row, every row is a registered kind, and each row names every param of the kind's schema
 * (`name`, or `name?` when it is optional), so a param added to a kind without its docs fails here.
 */
const README = fs.readFileSync(path.resolve('src/checks/README.md'), 'utf8');
/** kind → its row's params cell; a row may document several kinds (`reachable`, `not-reachable`). */
const rows = new Map(
  [...README.matchAll(/^\| (`[a-z-]+`(?:, `[a-z-]+`)*) +\|(.*)\|\s*$/gm)].flatMap((m) =>
    [...m[1]!.matchAll(/`([a-z-]+)`/g)].map((k) => [k[1]!, m[2]!] as const),
  ),
);

/** The row names the param: `` `name` ``, `` `name: …` ``, optional ones with `?`. */
function names(row: string, p: { name: string; optional: boolean }): boolean {
  const q = p.optional ? '\\?' : '';
  return new RegExp(`\`${p.name}${q}[\`:]`).test(row);
}

function paramsOf(schema: z.ZodTypeAny): { name: string; optional: boolean }[] {
  const shape = (schema as unknown as { shape?: Record<string, z.ZodTypeAny> }).shape;
  if (!shape) return [];
  return Object.entries(shape).map(([name, s]) => ({
    name,
    optional: s.safeParse(undefined).success,
  }));
}

describe('the checker kinds table (src/checks/README.md)', () => {
  const kinds = allCheckers().map((c) => c.kind);

  it('has a row for every registered kind, and no row for a kind that is not', () => {
    expect([...rows.keys()].filter((k) => !kinds.includes(k))).toEqual([]);
    expect(kinds.filter((k) => !rows.has(k))).toEqual([]);
  });

  it.each(allCheckers().map((c) => [c.kind, c] as const))(
    '%s: its row names every param, optional ones with ?',
    (kind, checker) => {
      const row = rows.get(kind) ?? '';
      const missing = paramsOf(checker.params)
        .filter((p) => p.name !== 'host')
        .filter((p) => !names(row, p))
        .map((p) => `${p.name}${p.optional ? '?' : ''}`);
      expect(missing, `${kind} row: ${row.trim()}`).toEqual([]);
    },
  );
});
