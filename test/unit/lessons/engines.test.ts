import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { setLang } from '../../../src/i18n/index.js';
import { lintLesson } from '../../../src/lessons/lint.js';
import { forEngine } from '../../../src/orchestrate/check-step.js';
import { registerTestCheckers } from './checkers.js';
import { BAD, where } from './helpers.js';

beforeAll(() => {
  setLang('en');
  registerTestCheckers();
});

describe('engines: in lesson.yaml and step text', () => {
  it('lint refuses ranges that do not parse, and an unnamed check with a range', () => {
    const ds = lintLesson(path.join(BAD, '21-engines'));
    expect(ds.map(where)).toEqual([
      'bad/21-engines/lesson.yaml:9:11: steps.0.text',
      'bad/21-engines/lesson.yaml:13:60: steps.0.checks.1.engines',
      'bad/21-engines/lesson.yaml:20:20: steps.0.alternatives.2.engines',
      'bad/21-engines/lesson.yaml:25:18: steps.0.wrong.0.engines',
    ]);
    const msg = ds.map((d) => d.message);
    expect(msg[0]).toBe(
      'steps/01-one.md line 6: "[!engines latest]" is not an engine range (e.g. [!engines <28], [!engines >=26 <28])',
    );
    expect(msg[1]).toContain('needs an `id`');
    expect(msg[2]).toMatch(/^expected an engine range: .*, got "newest"$/);
    expect(msg[3]).toMatch(/got ">= 28"$/);
    expect(ds.every((d) => d.severity === 'error')).toBe(true);
  });
});

describe('forEngine: what a check run judges on this engine', () => {
  const checks = [
    { kind: 'firewall-rule', id: 'rule', params: {}, engines: '<28.2.2' },
    { kind: 'reachable', id: 'ok', params: {}, needs: ['rule'] },
    { kind: 'reachable', id: 'new', params: {}, engines: '>=28' },
  ];

  it('leaves out checks outside their range, and needs on them', () => {
    expect(forEngine(checks, '28.5.2+dfsg4').map((c) => [c.id, c.needs ?? []])).toEqual([
      ['ok', []],
      ['new', []],
    ]);
    expect(forEngine(checks, '20.10.24').map((c) => [c.id, c.needs ?? []])).toEqual([
      ['rule', []],
      ['ok', ['rule']],
    ]);
  });

  it('judges everything when the engine version is unknown (the engine does not answer)', () => {
    expect(forEngine(checks, '')).toHaveLength(3);
  });
});
