import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRoot, repoRoot, useTestInstance } from './lab-helpers.js';

// Its own lab instance (dnlabinc-*): never the learner's, never another test's.
useTestInstance('inc');
const stateHome = fs.mkdtempSync(path.join(os.tmpdir(), 'dnlab-inc-state-'));
process.env.XDG_STATE_HOME = stateHome;

const { down, up } = await import('../../src/lab/lab.js');
const { runOnHost } = await import('../../src/lab/commands.js');
const { loadLesson } = await import('../../src/lessons/load.js');
const { gradeLessons } = await import('../../src/grade/grade.js');
const { realServices } = await import('../../src/tui/services.js');
type Lesson = import('../../src/lessons/model.js').Lesson;

const DIR = path.join(repoRoot, 'lessons/16-incident-no-way-out');

async function run(lesson: Lesson, cmds: { host: string; run: string }[]): Promise<void> {
  for (const c of cmds) {
    const r = await runOnHost(c.host, c.run);
    expect(r.code, `${c.run}: ${r.stderr}`).toBe(0);
  }
  void lesson;
}

/** Two seeds whose incidents differ in variant and in every param. */
function twoIncidents(): [Lesson, Lesson] {
  const a = loadLesson(DIR, { lang: 'en', seed: 'student-a' });
  for (let i = 0; i < 200; i++) {
    const b = loadLesson(DIR, { lang: 'en', seed: `student-b${i}` });
    const differ = Object.keys(a.params ?? {}).every((k) => a.params?.[k] !== b.params?.[k]);
    if (b.incident?.variant !== a.incident?.variant && differ) return [a, b];
  }
  throw new Error('no second seed with another variant and other params');
}

describe.skipIf(!isRoot)('incidents graded per learner on a real lab', () => {
  beforeAll(async () => {
    await down();
    await up();
  });
  afterAll(async () => {
    await down();
    fs.rmSync(stateHome, { recursive: true, force: true });
  });

  it("one learner's fixed incident passes their grade and fails another seed's checks", async () => {
    const [a, b] = twoIncidents();
    await run(a, a.setup);
    const broken = await gradeLessons({ lessons: [a], student: 'student-a' });
    expect(broken.totals.pass).toBe(false);
    // The TUI's trace key traces the step's path between this learner's own names.
    const step = a.steps[0]!;
    expect(step.trace?.from).toBe(String(a.params?.app));
    const traced = await realServices().traceStep!(step.host, step.trace!.from, step.trace!.to);
    expect(traced.join('\n')).toContain(String(a.params?.app));
    expect(traced.join('\n')).toContain('198.51.100.1');

    await run(a, a.steps[0]!.solution);
    const mine = await gradeLessons({ lessons: [a], student: 'student-a' });
    expect(mine.totals.pass).toBe(true);
    // The grade records what the learner was given, so it can be re-checked later.
    expect(mine.lessons[0]).toMatchObject({
      seed: 'student-a',
      variant: a.incident?.variant,
      params: Object.fromEntries(Object.entries(a.params ?? {}).map(([k, v]) => [k, String(v)])),
    });

    // The same lab state judged against another seed's incident (other names, other checks).
    const theirs = await gradeLessons({ lessons: [b], student: 'student-b' });
    expect(theirs.totals.pass).toBe(false);
    expect(theirs.lessons[0]?.variant).toBe(b.incident?.variant);
    const failed = theirs.lessons[0]!.steps[0]!.checks.filter((c) => c.status === 'fail');
    expect(failed.map((c) => c.message).join(' ')).toContain(String(b.params?.app));
  });
});
