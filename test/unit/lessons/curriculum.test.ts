import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../../src/lessons/diagnostics.js';
import { lintLesson } from '../../../src/lessons/lint.js';
import { lessonDirs, lessonsRoot, loadLesson } from '../../../src/lessons/load.js';

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

  // Issue #15: the first lessons have the learner change the network, not copy values into files.
  const FILE_KINDS = new Set(['file-has-fact', 'file-contains', 'file-names-veth']);
  const first = dirs.filter(([id]) => /^0[1-3]-/.test(id));

  it('01–03 have at most one step that checks a file the learner wrote', () => {
    expect(first.length).toBe(3);
    const fileSteps = first.flatMap(([id, dir]) =>
      loadLesson(dir)
        .steps.filter((s) => s.checks.some((c) => FILE_KINDS.has(c.kind)))
        .map((s) => `${id}/${s.id}`),
    );
    expect(fileSteps.length).toBeLessThanOrEqual(1);
  });

  it.each(dirs.filter(([id]) => /^0[1-4]-/.test(id)))(
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
