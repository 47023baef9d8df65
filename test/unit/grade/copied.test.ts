import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { setLang } from '../../../src/i18n/index.js';
import {
  buildClassReport,
  formatClassTable,
  parseResult,
} from '../../../src/grade/class-report.js';
import type { GradeResult } from '../../../src/grade/model.js';
import { RESULTS } from './helpers.js';

beforeAll(() => setLang('en'));

/** alice's real result file, under another name and seed, its evidence as given. */
function result(student: string, seed: string | undefined, evidence?: string): GradeResult {
  const p = parseResult(fs.readFileSync(path.join(RESULTS, 'alice.json'), 'utf8'));
  if (!p.ok) throw new Error(p.reason);
  const r = structuredClone(p.result);
  r.student = student;
  for (const l of r.lessons) {
    if (seed !== undefined) l.seed = seed;
    for (const s of l.steps) {
      s.status = 'pass';
      for (const c of s.checks) if (evidence !== undefined) c.evidence = [evidence];
    }
  }
  return r;
}

const loaded = (...rs: GradeResult[]) =>
  rs.map((result) => ({ file: `${result.student}.json`, result }));

describe('class report: identical evidence across different seeds', () => {
  it('flags two students with different seeds and the same evidence, by name', () => {
    const report = buildClassReport(
      loaded(result('ann', 's1', 'x'), result('bob', 's2', 'x'), result('cy', 's3', 'y')),
    );
    expect(report.copies.length).toBeGreaterThan(0);
    expect(report.copies.every((c) => c.students.join() === 'ann,bob')).toBe(true);
    expect(formatClassTable(report, { color: false })).toMatch(
      /the same evidence for students who had different seeds \(ann, bob\)/,
    );
  });

  it('does not flag the same seed (one learner graded twice), different evidence, or results without a seed', () => {
    expect(
      buildClassReport(loaded(result('ann', 's1', 'x'), result('bob', 's1', 'x'))).copies,
    ).toEqual([]);
    expect(
      buildClassReport(loaded(result('ann', 's1', 'x'), result('bob', 's2', 'y'))).copies,
    ).toEqual([]);
    expect(
      buildClassReport(loaded(result('ann', undefined, 'x'), result('bob', undefined, 'x'))).copies,
    ).toEqual([]);
  });
});
