import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dnlab, isRoot, useTestInstance } from './lab-helpers.js';

// Kernel features on a real lab (instance dnlabfeat*): probed by the CLI that grades, never read
// from a file in the lab root; a step that needs a missing one is skipped by check and grade.
useTestInstance('feat');

const { down, up } = await import('../../src/lab/lab.js');
const { labRoot } = await import('../../src/lab/config.js');
const { probeFeatures } = await import('../../src/lab/features.js');
const { loadAllLessons } = await import('../../src/lessons/load.js');
type GradeResult = import('../../src/grade/model.js').GradeResult;

const LESSON = '10-macvlan';
const real = isRoot ? await probeFeatures() : {};
const lesson = loadAllLessons().find((l) => l.id === LESSON);
/** A step of the lesson that needs a feature this machine lacks, and that feature. */
const lacking = lesson?.steps
  .map((s) => ({ step: s, feature: s.features.find((f) => real[f] === false) }))
  .find((x) => x.feature !== undefined);

async function grade(): Promise<GradeResult> {
  const r = await dnlab(['grade', '--lessons', LESSON, '--format', 'json', '--quiet'], 120_000);
  expect(r.code, r.stderr).toBeLessThan(2);
  return JSON.parse(r.stdout) as GradeResult;
}

/**
 * A grade's verdicts without times: step status and points, each check's status (and the reason
 * of a skip). Not the failure messages: a list of the host's networks comes in the Engine's order.
 */
const verdicts = (g: GradeResult) => ({
  totals: g.totals,
  steps: g.lessons[0]!.steps.map((s) => ({
    id: s.id,
    status: s.status,
    points: s.points,
    possible: s.possible,
    checks: s.checks.map((c) => [c.id, c.status, c.skipped ?? '']),
  })),
});

describe.skipIf(!isRoot || !lesson)('kernel features on a real lab', () => {
  beforeAll(async () => {
    await down();
    await up();
  });
  afterAll(async () => {
    await down();
  });

  it.skipIf(!lacking)(
    'check of a step that needs a missing feature names it and skips every check',
    async () => {
      const { step, feature } = lacking!;
      const r = await dnlab(['check', `${LESSON}/${step.id}`, '--json']);
      // Not a pass: a command grader must never award a step that did not run.
      expect(r.code, r.stderr).toBe(1);
      const [out] = (JSON.parse(r.stdout) as { steps: { results: Record<string, unknown>[] }[] })
        .steps;
      expect(out!.results.length).toBe(step.checks.length);
      for (const c of out!.results) {
        expect(c.skipped).toBe(`needs ${feature}, not available on this machine`);
        expect(c.evidence).toContain(`features.${feature} = false`);
      }
      const text = await dnlab(['check', `${LESSON}/${step.id}`]);
      expect(text.stdout).toContain(`needs ${feature}, not available on this machine`);
    },
  );

  it.skipIf(!lacking)(
    'grade counts that step as skipped: no points taken, none possible',
    async () => {
      const g = await grade();
      const steps = g.lessons[0]!.steps;
      const skipped = steps.find((s) => s.id === lacking!.step.id)!;
      expect(skipped).toMatchObject({ status: 'skipped', points: 0, possible: 0 });
      expect(skipped.checks.every((c) => c.status === 'skipped')).toBe(true);
      const others = lesson!.steps.filter((s) => s.id !== lacking!.step.id);
      expect(g.totals.possible).toBe(others.reduce((n, s) => n + s.points, 0));
      expect(g.totals.stepsSkipped).toBe(1);
    },
  );

  it('a tampered features.json in the lab root changes no verdict', async () => {
    const before = verdicts(await grade());
    const file = path.join(labRoot(), 'features.json');
    // Every feature claimed the other way round: a lacking one "present", a present one "lacking".
    const flipped = Object.fromEntries(Object.entries(real).map(([f, v]) => [f, !v]));
    for (const claim of [flipped, Object.fromEntries(Object.keys(real).map((f) => [f, false]))]) {
      fs.writeFileSync(file, JSON.stringify(claim));
      expect(verdicts(await grade())).toEqual(before);
    }
    fs.rmSync(file, { force: true });
  });
});
