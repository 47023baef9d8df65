import { describe, expect, it } from 'vitest';
import { isRoot, runSelftest, testTag } from './lab-helpers.js';

const { loadAllLessons } = await import('../../src/lessons/load.js');
const { installedEngines, chooseEngine } = await import('../../src/lab/engines.js');

/**
 * Every lesson proves itself on a real lab with `dnlab test-lessons` (the real CLI): each step
 * fails before its solution and passes after it, alternatives pass, wrong attempts fail with
 * their phrase. It runs on every engine the curriculum supports, one round each: the default
 * (the newest engine dnlab installed, 28.5), then 26.1 and 20.10; what does not apply to an
 * engine is skipped by the self-test, saying why. Repeated rounds to catch flaky checks are
 * `npm run soak`. The lessons are split over a few workers, each with a lab instance of its own,
 * since most of the time is spent waiting on engines. Each worker's self-test also runs its wrong
 * attempts in a helper instance of its own (`--instances 2`, not the default 4, as the other test
 * files run meanwhile): two workers make four labs on two cores.
 */
const repeat = Number(process.env.DNLAB_LESSON_REPEAT ?? 1);
const workers = Number(process.env.DNLAB_LESSON_WORKERS ?? 2);
const lessons = loadAllLessons();

/** `undefined` = the default engine (no --engine); each with a short tag for instance names. */
const ENGINES: { engine: string | undefined; label: string; tag: string }[] = [
  { engine: undefined, label: 'default (newest installed)', tag: 'd' },
  { engine: '26.1', label: '26.1', tag: 'b' },
  { engine: '20.10', label: '20.10', tag: 'a' },
];

/** Is this engine on the machine? (provision.sh installs 28.5 and 26.1; 20.10 is docker.io.) */
async function available(engine: string | undefined): Promise<boolean> {
  if (engine === undefined || installedEngines().includes(engine)) return true;
  return chooseEngine(engine).then(
    () => true,
    () => false,
  );
}

describe.skipIf(!isRoot || lessons.length === 0)('lesson self-test (real labs)', () => {
  it.for(ENGINES)(
    `every lesson passes dnlab test-lessons --repeat ${repeat} on engine $label`,
    { timeout: 80 * 60_000 },
    async ({ engine, tag }, ctx) => {
      // Not on this machine (provision.sh was not run): skipped, and the report says so.
      if (!(await available(engine))) ctx.skip(`engine ${engine} is not installed here`);
      const groups: string[][] = Array.from({ length: Math.max(1, workers) }, () => []);
      lessons.forEach((l, i) => groups[i % groups.length]!.push(l.id));
      const runs = await Promise.all(
        groups
          .filter((g) => g.length > 0)
          .map((ids, i) =>
            runSelftest(
              [...ids, '--repeat', String(repeat), '--instances', '2', ...(engine ? ['--engine', engine] : [])],
              { DNLAB_INSTANCE: `l${tag}${i}${testTag}` },
            ),
          ),
      );
      const failures = runs.flatMap((r) =>
        r.cases
          .filter((c) => !c.ok)
          .map((c) => `round ${c.round}: ${c.lesson}/${c.step} ${c.phase}: ${c.detail}`),
      );
      for (const r of runs) {
        if (r.cases.length === 0)
          failures.push(`test-lessons gave no results (exit ${r.code}): ${r.stderr}`);
      }
      const proven = new Set(runs.flatMap((r) => r.cases.map((c) => c.lesson)));
      expect(failures).toEqual([]);
      expect([...proven].sort()).toEqual(lessons.map((l) => l.id).sort());
    },
  );
});
