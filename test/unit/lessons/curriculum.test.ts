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
});
