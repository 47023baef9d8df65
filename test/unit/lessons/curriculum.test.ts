import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../../src/lessons/diagnostics.js';
import { lintLesson } from '../../../src/lessons/lint.js';
import { lessonDirs, lessonsRoot, loadLesson } from '../../../src/lessons/load.js';
import type { Lesson } from '../../../src/lessons/model.js';
import { copySteps, evidenceSteps, report } from './measure.js';

/** dnlab's own lessons, with the real checkers: clean, and whole in every language. */
const dirs = lessonDirs(lessonsRoot()).map((d) => [path.basename(d), d] as const);

describe('the curriculum', () => {
  it('has its lessons', () => {
    expect(dirs.length).toBeGreaterThanOrEqual(13);
  });

  it.each(dirs)('%s lints clean, without a warning', (_id, dir) => {
    expect(lintLesson(dir).map((d) => formatDiagnostic(d))).toEqual([]);
  });

  it.each(dirs)('%s is in 简体中文: lesson.zh-CN.yaml and every markdown file', (_id, dir) => {
    expect(fs.existsSync(path.join(dir, 'lesson.zh-CN.yaml'))).toBe(true);
    const l = loadLesson(dir, { lang: 'zh-CN' });
    expect(l.languages).toEqual(['en', 'zh-CN']);
    for (const s of l.steps) {
      expect(s.textFile).toMatch(/\.zh-CN\.md$/);
      expect(s.text).toMatch(/\p{Script=Han}/u);
      expect(s.title).toMatch(/\p{Script=Han}/u);
    }
  });

  it.each(dirs.filter(([id]) => /^(0[1-9]|1[0-3])-/.test(id)))(
    '%s ends with the two boxes, what you will read online and at home, in both languages',
    (_id, dir) => {
      for (const lang of ['en', 'zh-CN'] as const) {
        const last = loadLesson(dir, { lang }).steps.at(-1)!;
        expect(last.explain).toMatch(/^> \[!online\]$/m);
        expect(last.explain).toMatch(/^> \[!home\]$/m);
      }
    },
  );
});

/**
 * The measure of issue #15 (learners do the networking, not copy it), per language: (a) at most
 * 1 step of lessons 01–03 judges a file the learner wrote; (b) at most 3 step texts from lesson
 * 05 on quote one of their own solution lines (the full command belongs in the last hint).
 */
describe('the curriculum measure', () => {
  const num = (d: string): number => Number(path.basename(d).slice(0, 2));
  const load = (keep: (n: number) => boolean, lang: 'en' | 'zh-CN'): Lesson[] =>
    dirs.filter(([, d]) => keep(num(d))).map(([, d]) => loadLesson(d, { lang }));

  it.each(['en', 'zh-CN'] as const)(
    '(%s) lessons 01–03: at most 1 step judges a file the learner wrote',
    (lang) => {
      const off = evidenceSteps(load((n) => n <= 3, lang));
      expect(off.length, `evidence-file steps in 01–03:\n${report(off)}`).toBeLessThanOrEqual(1);
    },
  );

  it.each(['en', 'zh-CN'] as const)(
    '(%s) lessons 05+: at most 3 step texts quote their solution',
    (lang) => {
      const off = copySteps(load((n) => n >= 5, lang));
      expect(
        off.length,
        `step texts that quote their own solution:\n${report(off)}`,
      ).toBeLessThanOrEqual(3);
    },
  );
});
