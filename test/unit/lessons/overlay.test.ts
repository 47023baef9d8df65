import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { setLang } from '../../../src/i18n/index.js';
import { formatDiagnostic } from '../../../src/lessons/diagnostics.js';
import { lintLesson } from '../../../src/lessons/lint.js';
import { loadLesson } from '../../../src/lessons/load.js';
import { registerTestCheckers } from './checkers.js';
import { BAD, FIXTURES, GOOD, where } from './helpers.js';

beforeAll(() => {
  setLang('en');
  registerTestCheckers();
});

const good = path.join(GOOD, '03-overlay');

describe('lesson.zh-CN.yaml: a translation beside lesson.yaml', () => {
  it('gives every text of the lesson in zh-CN', () => {
    const l = loadLesson(good, { lang: 'zh-CN' });
    expect(l.languages).toEqual(['en', 'zh-CN']);
    expect(l.title).toBe('发布端口');
    expect(l.summary).toBe('把 web 的 80 端口发布到主机端口 {port}。');
    const [s1, s2] = l.steps;
    expect(s1?.title).toBe('运行 web');
    expect(s1?.text).toBe('# 运行 web\n\n运行它。\n');
    expect(s1?.hints).toEqual(['docker run -d', '把它命名为 {name}']);
    expect(s1?.checks[0]?.message).toBe('启动 web：docker run -d --name web ...');
    expect(s1?.checks[1]?.message).toBeUndefined(); // the checker's own message, translated by it
    expect(s1?.explain).toBe('完成。');
    expect(s2?.explain).toBe('因为。\n');
  });

  it('leaves the English as it was', () => {
    const l = loadLesson(good, { lang: 'en' });
    expect(l.title).toBe('Publish a port');
    expect(l.steps[0]?.hints).toEqual(['docker run -d', 'Name it {name}']);
    expect(l.steps[0]?.checks[0]?.message).toBe('Start web: docker run -d --name web ...');
    expect(l.steps[1]?.explain).toBe('Because.\n');
  });

  it('lints clean when it matches lesson.yaml', () => {
    expect(lintLesson(good)).toEqual([]);
  });

  it('lint names every difference from lesson.yaml, in the translation file', () => {
    const ds = lintLesson(path.join(BAD, '20-overlay'));
    expect(ds.map((d) => formatDiagnostic(d, FIXTURES))).toEqual([
      "bad/20-overlay/lesson.yaml:25:14: steps.1.explain: the lesson is translated to zh-CN, but this step's zh-CN file is missing: steps/02-why.zh-CN.md",
      'bad/20-overlay/lesson.zh-CN.yaml:2:10: summary: the zh-CN text must keep the English placeholders: en has {port}, zh-CN has none',
      'bad/20-overlay/lesson.zh-CN.yaml:4:3: steps: the zh-CN translation lacks step 2 of lesson.yaml (id: again); add - id: again with its title',
      'bad/20-overlay/lesson.zh-CN.yaml:4:9: steps.0.id: the English explain of this step is inline text; add its zh-CN text as explain: ...',
      'bad/20-overlay/lesson.zh-CN.yaml:6:12: steps.0.hints: step run-web has 2 hint(s) in English but 1 in zh-CN; translate each, in order',
      'bad/20-overlay/lesson.zh-CN.yaml:8:7: steps.0.checks.plain: check plain has no message in lesson.yaml: its message comes from the checker, already translated',
      'bad/20-overlay/lesson.zh-CN.yaml:8:7: steps.0.checks: check running has a message in lesson.yaml; add its zh-CN text under checks: running: ...',
      'bad/20-overlay/lesson.zh-CN.yaml:9:7: steps.0.checks.nope: this step of lesson.yaml has no check with id nope',
      'bad/20-overlay/lesson.zh-CN.yaml:10:9: steps.1.id: lesson.yaml has no step extra; its steps are: run-web, again',
    ]);
  });

  it('a malformed translation names its file and field, and stops the lesson from loading', () => {
    const ds = lintLesson(path.join(BAD, '20-overlay'));
    expect(ds.every((d) => d.severity === 'error')).toBe(true);
    expect(() => loadLesson(path.join(BAD, '20-overlay'))).toThrow(/lesson\.zh-CN\.yaml/);
    expect(ds.map(where)).toContain('bad/20-overlay/lesson.zh-CN.yaml:6:12: steps.0.hints');
  });
});
