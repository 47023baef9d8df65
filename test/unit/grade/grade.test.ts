import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../src/checks/types.js';
import { setLang } from '../../../src/i18n/index.js';
import { applyWorkshop, gradeStep, studentName, totalsOf } from '../../../src/grade/grade.js';
import type { Workshop } from '../../../src/lessons/workshop.js';
import { allDone, basicsLesson, sampleResult } from './helpers.js';

beforeAll(() => setLang('en'));

describe('gradeLessons (pure: the live check injected)', () => {
  it('a learner who did two of three steps gets exactly their points, with evidence', async () => {
    const r = await sampleResult();
    expect(r.format).toBe('dnlab-grade-result');
    expect(r.version).toBe(1);
    expect(r.student).toBe('alice');
    expect(r.lab.hosts).toEqual(['host1', 'host2', 'internet']);
    expect(r.dnlab.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(Date.parse(r.finishedAt)).toBeGreaterThan(Date.parse(r.startedAt));
    const [lesson] = r.lessons;
    expect(lesson!.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(lesson!.steps.map((s) => [s.id, s.status, s.points, s.possible])).toEqual([
      ['make-net', 'pass', 2, 2],
      ['run-web', 'pass', 1, 1],
      ['web-on-net', 'fail', 0, 3],
    ]);
    expect(r.totals).toMatchObject({
      points: 3,
      possible: 6,
      steps: 3,
      stepsPassed: 2,
      checks: 4,
      checksPassed: 3,
      checksFailed: 1,
      pass: false,
    });
    const failing = lesson!.steps[2]!.checks[1]!;
    expect(failing).toMatchObject({ id: 'web-on-appnet', status: 'fail', expected: 'appnet' });
    expect(failing.evidence.join('\n')).toContain('bridge (172.17.0.2)');
  });

  it('everything done: all points, pass', async () => {
    const r = await sampleResult({ check: allDone });
    expect(r.totals).toMatchObject({ points: 6, possible: 6, pass: true, checksFailed: 0 });
  });

  it('a step whose check cannot be read fails every check with the reason', async () => {
    const r = await sampleResult({
      check: async () => {
        throw new Error('engine on host1 does not answer');
      },
    });
    const checks = r.lessons[0]!.steps.flatMap((s) => s.checks);
    expect(checks).toHaveLength(4);
    expect(checks.every((c) => c.status === 'fail' && c.message.includes('does not answer'))).toBe(
      true,
    );
    expect(r.totals.points).toBe(0);
  });

  it('a workshop picks and orders lessons, and is recorded', async () => {
    const lesson = basicsLesson();
    const other = { ...lesson, id: '02-other' };
    const w: Workshop = {
      file: '/tmp/workshop.yaml',
      lessonsRoot: '/tmp',
      title: 'Day 1',
      lessons: ['02-other', '01-grade-basics'],
      timeLimitMinutes: 30,
      showHints: true,
      showSolutions: false,
    };
    expect(applyWorkshop([lesson, other], w).map((l) => l.id)).toEqual([
      '02-other',
      '01-grade-basics',
    ]);
    expect(
      applyWorkshop([lesson, other], { ...w, lessons: ['01-grade-basics'] }).map((l) => l.id),
    ).toEqual(['01-grade-basics']);
    const r = await sampleResult({ workshop: { ...w, lessons: ['01-grade-basics'] } });
    expect(r.workshop).toMatchObject({
      title: 'Day 1',
      timeLimitMinutes: 30,
      showSolutions: false,
    });
  });
});

describe('gradeStep', () => {
  const step = basicsLesson().steps[2]!;
  const r = (over: Partial<CheckResult>): CheckResult => ({
    id: 'x',
    kind: 'container-running',
    pass: false,
    message: 'm',
    evidence: [],
    ...over,
  });

  it('waiting counts as failed; skipped (no failure) makes the step skipped and uncounted', () => {
    const waiting = gradeStep(step, [r({ id: 'a' }), r({ id: 'b', waitingOn: 'a' })], 5);
    expect(waiting.status).toBe('fail');
    expect(waiting.checks.map((c) => c.status)).toEqual(['fail', 'waiting']);

    const skipped = gradeStep(step, [r({ pass: true }), r({ skipped: 'needs vlan' })], 5);
    expect(skipped).toMatchObject({ status: 'skipped', points: 0, possible: 0 });
    const totals = totalsOf([
      { id: 'l', title: 'l', contentHash: 'h', points: 0, possible: 0, steps: [skipped] },
    ]);
    expect(totals).toMatchObject({
      steps: 0,
      stepsSkipped: 1,
      checksSkipped: 1,
      checks: 1,
      pass: true,
    });
  });
});

describe('studentName', () => {
  it('flag, then DNLAB_STUDENT, then the hostname', () => {
    expect(studentName('bob', { DNLAB_STUDENT: 'carol' })).toBe('bob');
    expect(studentName(undefined, { DNLAB_STUDENT: 'carol' })).toBe('carol');
    expect(studentName(undefined, {})).toBeTruthy();
  });
});
