import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLang } from '../../../src/i18n/index.js';
import { formatDiagnostic } from '../../../src/lessons/diagnostics.js';
import { lintPath } from '../../../src/lessons/lint.js';
import {
  isWorkshopFile,
  lintWorkshop,
  loadWorkshop,
  WorkshopError,
  workshopLessonsRoot,
} from '../../../src/lessons/workshop.js';
import { LESSONS, repoRoot } from './helpers.js';

beforeAll(() => setLang('en'));

const saved = process.env.DNLAB_LESSONS;
afterEach(() => {
  if (saved === undefined) delete process.env.DNLAB_LESSONS;
  else process.env.DNLAB_LESSONS = saved;
});

const GOOD = path.join(LESSONS, 'workshop.yaml');
const BAD = path.join(LESSONS, 'bad.workshop.yaml');

describe('workshop.yaml', () => {
  it('loads with its lessons, order, time limit and what may be shown', () => {
    delete process.env.DNLAB_LESSONS;
    const w = loadWorkshop(GOOD);
    expect(w).toEqual({
      file: GOOD,
      title: 'Grading day',
      lessons: ['01-grade-basics'],
      lessonsRoot: LESSONS,
      timeLimitMinutes: 45,
      showHints: true,
      showSolutions: false,
    });
  });

  it('defaults: hints shown, solutions hidden, no time limit', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dnlab-ws-'));
    const file = path.join(dir, 'workshop.yaml');
    fs.writeFileSync(file, 'title: {en: Day 2, zh-CN: 第二天}\nlessons: [01-grade-basics]\n');
    const w = loadWorkshop(file, { lessonsRoot: LESSONS, lang: 'zh-CN' });
    expect(w).toMatchObject({ title: '第二天', showHints: true, showSolutions: false });
    expect(w.timeLimitMinutes).toBeUndefined();
    fs.rmSync(dir, { recursive: true });
  });

  it('every problem at file:line:col: field: expected', () => {
    delete process.env.DNLAB_LESSONS;
    const lines = lintWorkshop(BAD).map((d) => formatDiagnostic(d, repoRoot));
    const f = 'test/fixtures/grade-lessons/bad.workshop.yaml';
    expect(lines).toEqual([
      `${f}:1:8: title: expected a text: a string, or {en: "...", zh-CN: "..."} (en is required), got 5`,
      `${f}:4:5: lessons.1: there is no lesson "01-grade-basic" in ${LESSONS}; did you mean "01-grade-basics"?`,
      `${f}:5:5: lessons.2: lesson "01-grade-basics" is already listed (item 1); list each lesson once`,
      `${f}:6:5: lessons.3: expected a lesson id like 02-docker0 (the name of a lesson folder), got "Lesson one"`,
      `${f}:7:12: timeLimit: expected a whole number of minutes, at least 1, got "90"`,
      expect.stringMatching(
        new RegExp(`^${f}:8:1: showSolution: unknown field; did you mean "showSolutions"\\?`),
      ),
    ]);
    expect(() => loadWorkshop(BAD)).toThrow(WorkshopError);
  });

  it('YAML syntax errors are reported with their position', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dnlab-ws-'));
    const file = path.join(dir, 'workshop.yaml');
    fs.writeFileSync(file, 'title: x\nlessons: [01-a\n');
    const ds = lintWorkshop(file, { lessonsRoot: LESSONS });
    expect(ds.length).toBeGreaterThan(0);
    expect(ds[0]!.message).toMatch(/YAML|yaml|flow/);
    fs.rmSync(dir, { recursive: true });
  });

  it('dnlab lint accepts a workshop file (lintPath)', () => {
    delete process.env.DNLAB_LESSONS;
    expect(lintPath(GOOD)).toMatchObject({ errors: 0, warnings: 0 });
    const bad = lintPath(BAD);
    expect(bad.errors).toBe(6);
    expect(bad.diagnostics[0]!.file).toBe(BAD);
  });

  it('its lessons are found next to it, or in DNLAB_LESSONS when set', () => {
    delete process.env.DNLAB_LESSONS;
    expect(workshopLessonsRoot(GOOD)).toBe(LESSONS);
    process.env.DNLAB_LESSONS = '/somewhere/else';
    expect(workshopLessonsRoot(GOOD)).toBe('/somewhere/else');
  });

  it('is known by its name', () => {
    expect(isWorkshopFile('/a/workshop.yaml')).toBe(true);
    expect(isWorkshopFile('day1.workshop.yml')).toBe(true);
    expect(isWorkshopFile('lesson.yaml')).toBe(false);
    expect(isWorkshopFile('myworkshop.yaml')).toBe(false);
  });
});
