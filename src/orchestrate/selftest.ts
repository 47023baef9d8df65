import type { CheckResult } from '../checks/types.js';
import { runOnHost } from '../lab/commands.js';
import { engineFor } from '../lab/daemon.js';
import { engineInRange } from '../lab/engines.js';
import { reset } from '../lab/lab.js';
import { containersSettled } from '../lab/settle.js';
import { HEADLESS_STEP_DEADLINE_MS, checkStep } from './check-step.js';
import { featureSkipReason, stepRequest } from './step-features.js';
import { inLang, t } from '../i18n/index.js';
import { loadLesson } from '../lessons/load.js';
import type { Command, Lesson, Step } from '../lessons/model.js';
import { UserError } from '../errors.js';

/**
 * The lesson self-test: from a fresh lab, each step must fail before its solution and pass after
 * it; each alternative solution must pass too; each wrong attempt must make its named check fail
 * with its phrase. Lessons are tested like code. Checks run in English, whatever the UI's
 * language: the phrases (`wrong[].says`) are English, and so are a lesson's own check messages
 * in lesson.yaml.
 */

export type Phase = 'before' | 'solution' | `alternative ${number}` | `wrong ${number}`;

export interface SelftestCase {
  lesson: string;
  step: string;
  phase: Phase;
  ok: boolean;
  /** Why the case was not run (a kernel feature this machine lacks, an engine it is not for). */
  skipped?: string;
  /** What went wrong, or what was proven. */
  detail: string;
  ms: number;
}

export class CommandFailed extends UserError {
  constructor(cmd: Command, code: number, output: string) {
    super(
      output
        ? t('lessons.selftest.commandFailedOutput', { run: cmd.run, host: cmd.host, code, output })
        : t('lessons.selftest.commandFailed', { run: cmd.run, host: cmd.host, code }),
    );
  }
}

async function runAll(cmds: readonly Command[], mustSucceed: boolean): Promise<void> {
  for (const cmd of cmds) {
    const r = await runOnHost(cmd.host, cmd.run);
    if (mustSucceed && r.code !== 0) {
      throw new CommandFailed(
        cmd,
        r.code,
        (r.stderr || r.stdout).trim().split('\n').slice(-2).join(' | '),
      );
    }
  }
}

/**
 * Fresh hosts, the lesson's setup, then the solutions of the steps before `upTo` (those for this
 * engine: a step written for another engine is skipped, its solution too).
 */
async function replay(lesson: Lesson, upTo: number, version: string): Promise<void> {
  await Promise.all(lesson.hosts.map((h) => reset(h)));
  await runAll(lesson.setup, true);
  for (const step of lesson.steps.slice(0, upTo)) {
    if (forThisEngine(step.engines, version)) await runAll(step.solution, true);
  }
}

const forThisEngine = (range: string | undefined, version: string): boolean =>
  range === undefined || !version || engineInRange(range, version);

/** Why a step's wrong attempt or alternative is not run on this engine, or undefined. */
function engineSkip(step: Step, version: string, range?: string, fails?: string): string | undefined {
  if (!forThisEngine(range, version)) return t('lessons.selftest.notForEngine', { range, version });
  const target = fails === undefined ? undefined : step.checks.find((c) => c.id === fails);
  if (target && !forThisEngine(target.engines, version)) {
    return t('lessons.selftest.checkNotForEngine', { id: fails, range: target.engines, version });
  }
  return undefined;
}

async function check(lesson: Lesson, step: Step): Promise<CheckResult[]> {
  await containersSettled(lesson.hosts);
  const run = await inLang('en', () =>
    checkStep(stepRequest(lesson, step), HEADLESS_STEP_DEADLINE_MS),
  );
  return run.results;
}

const summary = (results: CheckResult[]) =>
  results.map((r) => `${r.pass ? '✔' : '✘'} ${r.id}: ${r.message}`).join('\n');

async function timed(
  base: Omit<SelftestCase, 'ok' | 'detail' | 'ms'>,
  fn: () => Promise<{ ok: boolean; detail: string }>,
): Promise<SelftestCase> {
  const t0 = performance.now();
  try {
    return { ...base, ...(await fn()), ms: performance.now() - t0 };
  } catch (err) {
    return { ...base, ok: false, detail: (err as Error).message, ms: performance.now() - t0 };
  }
}

export async function selftestLesson(
  given: Lesson,
  onCase: (c: SelftestCase) => void = () => {},
): Promise<SelftestCase[]> {
  const lesson = given.lang === 'en' ? given : loadLesson(given.dir, { lang: 'en' });
  const cases: SelftestCase[] = [];
  const emit = (c: SelftestCase) => {
    cases.push(c);
    onCase(c);
  };
  // A lab that cannot be reset (a failed rebuild) fails this lesson, saying why; the run goes on.
  const ready = await timed({ lesson: lesson.id, step: '(setup)', phase: 'before' }, async () => {
    await replay(lesson, 0, '');
    return { ok: true, detail: '' };
  });
  if (!ready.ok) {
    emit(ready);
    return cases;
  }
  // The engine's version as its daemon says it (after the reset above brought the hosts back);
  // unknown (''): everything is run, nothing skipped for an engine.
  const version = await engineFor(lesson.hosts[0] ?? 'host1')
    .version()
    .then((v) => v.Version ?? '', () => '');
  for (const step of lesson.steps) {
    const base = { lesson: lesson.id, step: step.id };
    // The same feature skip as check, grade and the TUI give (src/observe/step-features.ts).
    const skip = (await featureSkipReason(step.features)) ?? engineSkip(step, version, step.engines);
    if (skip) {
      emit({ ...base, phase: 'solution', ok: true, skipped: skip, detail: skip, ms: 0 });
      continue;
    }
    emit(
      await timed({ ...base, phase: 'before' }, async () => {
        const r = await check(lesson, step);
        const failing = r.filter((x) => !x.pass);
        return failing.length > 0
          ? {
              ok: true,
              detail: t('lessons.selftest.failsBefore', {
                ids: failing.map((x) => x.id).join(', '),
              }),
            }
          : { ok: false, detail: `${t('lessons.selftest.passesBefore')}\n${summary(r)}` };
      }),
    );
    for (const [i, attempt] of step.wrong.entries()) {
      const skipped = engineSkip(step, version, attempt.engines, attempt.fails);
      if (skipped) {
        emit({ ...base, phase: `wrong ${i + 1}`, ok: true, skipped, detail: skipped, ms: 0 });
        continue;
      }
      emit(
        await timed({ ...base, phase: `wrong ${i + 1}` }, async () => {
          // Back to the step's start state even when the attempt throws: no case leaks into the next.
          const r = await runAll(attempt.run, false)
            .then(() => check(lesson, step))
            .finally(() => replay(lesson, step.index, version));
          const target = r.find((x) => x.id === attempt.fails);
          if (!target)
            return { ok: false, detail: t('lessons.selftest.noSuchCheck', { id: attempt.fails }) };
          const said = `${target.message} ${target.detail ?? ''}`;
          if (target.pass)
            return { ok: false, detail: t('lessons.selftest.wrongPasses', { id: attempt.fails }) };
          if (!said.toLowerCase().includes(attempt.says.toLowerCase())) {
            return {
              ok: false,
              detail: t('lessons.selftest.wrongSaysOther', {
                id: attempt.fails,
                says: attempt.says,
                message: target.message,
              }),
            };
          }
          return { ok: true, detail: `${attempt.fails}: ${target.message}` };
        }),
      );
    }
    for (const [i, alternative] of step.alternatives.entries()) {
      const skipped = engineSkip(step, version, step.alternativesEngines?.[i]);
      if (skipped) {
        emit({ ...base, phase: `alternative ${i + 1}`, ok: true, skipped, detail: skipped, ms: 0 });
        continue;
      }
      emit(
        await timed({ ...base, phase: `alternative ${i + 1}` }, async () => {
          const r = await runAll(alternative, true)
            .then(() => check(lesson, step))
            .finally(() => replay(lesson, step.index, version));
          const failing = r.filter((x) => !x.pass);
          return failing.length === 0
            ? { ok: true, detail: t('lessons.selftest.allPass') }
            : {
                ok: false,
                detail: `${t('lessons.selftest.failsAfterAlternative')}\n${summary(failing)}`,
              };
        }),
      );
    }
    emit(
      await timed({ ...base, phase: 'solution' }, async () => {
        await runAll(step.solution, true);
        const r = await check(lesson, step);
        const failing = r.filter((x) => !x.pass);
        return failing.length === 0
          ? { ok: true, detail: t('lessons.selftest.allPass') }
          : {
              ok: false,
              detail: `${t('lessons.selftest.failsAfterSolution')}\n${summary(failing)}`,
            };
      }),
    );
  }
  return cases;
}
