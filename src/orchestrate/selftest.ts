import type { CheckResult } from '../checks/types.js';
import type { LabFacts } from '../observe/facts.js';
import { runLinesOnHost } from '../lab/commands.js';
import { engineFor } from '../lab/daemon.js';
import { engineInRange } from '../lab/engines.js';
import { inInstance } from '../lab/config.js';
import { reset } from '../lab/lab.js';
import { containersSettled } from '../lab/settle.js';
import { HEADLESS_STEP_DEADLINE_MS, checkStep } from './check-step.js';
import { featureSkipReason, stepRequest } from './step-features.js';
import { inLang, t, type MessageKey } from '../i18n/index.js';
import { loadLesson } from '../lessons/load.js';
import type { Command, Lesson, Step } from '../lessons/model.js';
import { UserError } from '../errors.js';
import {
  addMs,
  emptyProfile,
  startsContainer,
  timePhase,
  type CaseProfile,
  type ProfilePhase,
} from './selftest-profile.js';

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
  /** Where the case's time went (see selftest-profile.ts). */
  profile?: CaseProfile;
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

/** Consecutive commands on the same host: each such run is one batch (one shell in the host). */
function byHost(cmds: readonly Command[]): Command[][] {
  const runs: Command[][] = [];
  for (const cmd of cmds) {
    const last = runs.at(-1);
    if (last && last[0]!.host === cmd.host) last.push(cmd);
    else runs.push([cmd]);
  }
  return runs;
}

/**
 * Run the lines in order, each as its own `bash -c` on its host (runLinesOnHost: one shell per
 * run of lines on the same host). With `mustSucceed`, the first failing line stops them all and
 * throws, naming it.
 */
async function runAll(
  cmds: readonly Command[],
  mustSucceed: boolean,
  prof: CaseProfile,
  phase: ProfilePhase,
): Promise<void> {
  for (const batch of byHost(cmds)) {
    const lines = batch.map((c) => c.run);
    const results = await timePhase(prof, phase, () =>
      runLinesOnHost(batch[0]!.host, lines, { stopOnFailure: mustSucceed }),
    );
    prof.spawns++;
    for (const [i, r] of results.entries()) {
      if (startsContainer(lines[i]!)) prof.containerStartMs += r.ms;
      if (mustSucceed && r.code !== 0) {
        const output = (r.stderr || r.stdout).trim().split('\n').slice(-2).join(' | ');
        throw new CommandFailed(batch[i]!, r.code, output);
      }
    }
  }
}

/**
 * Fresh hosts, the lesson's setup, then the solutions of the steps before `upTo` (those for this
 * engine: a step written for another engine is skipped, its solution too).
 */
async function replay(
  lesson: Lesson,
  upTo: number,
  version: string,
  prof: CaseProfile,
): Promise<void> {
  await timePhase(prof, 'reset', () => Promise.all(lesson.hosts.map((h) => reset(h))));
  await runAll(lesson.setup, true, prof, 'setup');
  for (const step of lesson.steps.slice(0, upTo)) {
    if (forThisEngine(step.engines, version)) await runAll(step.solution, true, prof, 'replay');
  }
}

const forThisEngine = (range: string | undefined, version: string): boolean =>
  range === undefined || !version || engineInRange(range, version);

/** Why a step's wrong attempt or alternative is not run on this engine, or undefined. */
function engineSkip(
  step: Step,
  version: string,
  range?: string,
  fails?: string,
): string | undefined {
  if (!forThisEngine(range, version)) return t('lessons.selftest.notForEngine', { range, version });
  const target = fails === undefined ? undefined : step.checks.find((c) => c.id === fails);
  if (target && !forThisEngine(target.engines, version)) {
    return t('lessons.selftest.checkNotForEngine', { id: fails, range: target.engines, version });
  }
  return undefined;
}

/**
 * An observation in which an engine took a request but did not answer in time says nothing about
 * the lab's state, only about the machine's load: it is made again, at most this many times more.
 * An engine that is really stuck stays stuck, and the check then fails naming it, as before.
 */
const ENGINE_TIMEOUT_RETRIES = 2;

export const engineTimedOut = (facts: LabFacts): boolean =>
  Object.values(facts.hosts).some((h) => h.errors?.some((e) => e.timedOut));

async function check(lesson: Lesson, step: Step, prof: CaseProfile): Promise<CheckResult[]> {
  await timePhase(prof, 'settle', () => containersSettled(lesson.hosts));
  for (let attempt = 0; ; attempt++) {
    const t0 = performance.now();
    const run = await inLang('en', () =>
      checkStep(stepRequest(lesson, step), HEADLESS_STEP_DEADLINE_MS),
    );
    if (run.timing)
      for (const [k, v] of Object.entries(run.timing)) addMs(prof, k as ProfilePhase, v);
    else addMs(prof, 'observe', performance.now() - t0);
    if (attempt >= ENGINE_TIMEOUT_RETRIES || !engineTimedOut(run.facts)) return run.results;
  }
}

const summary = (results: CheckResult[]) =>
  results.map((r) => `${r.pass ? '✔' : '✘'} ${r.id}: ${r.message}`).join('\n');

type Base = Omit<SelftestCase, 'ok' | 'detail' | 'ms'>;
interface Outcome {
  ok: boolean;
  detail: string;
}
type CaseRun = (prof: CaseProfile) => Promise<Outcome>;

async function timed(base: Base, fn: CaseRun): Promise<SelftestCase> {
  const t0 = performance.now();
  const profile = emptyProfile();
  try {
    return { ...base, ...(await fn(profile)), ms: performance.now() - t0, profile };
  } catch (err) {
    const detail = (err as Error).message;
    return { ...base, ok: false, detail, ms: performance.now() - t0, profile };
  }
}

/** Every check fails before the solution, or the case says which pass already. */
function judgeBefore(r: CheckResult[]): Outcome {
  const failing = r.filter((x) => !x.pass);
  return failing.length > 0
    ? {
        ok: true,
        detail: t('lessons.selftest.failsBefore', { ids: failing.map((x) => x.id).join(', ') }),
      }
    : { ok: false, detail: `${t('lessons.selftest.passesBefore')}\n${summary(r)}` };
}

function judgeAllPass(r: CheckResult[], failsKey: MessageKey): Outcome {
  const failing = r.filter((x) => !x.pass);
  return failing.length === 0
    ? { ok: true, detail: t('lessons.selftest.allPass') }
    : { ok: false, detail: `${t(failsKey)}\n${summary(failing)}` };
}

function judgeWrong(r: CheckResult[], attempt: Step['wrong'][number]): Outcome {
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
}

/**
 * A lesson's cases in the order they are reported. The solution path (`before`, `solution` of
 * each step, in order) walks one lab from the setup to the end; each side case (a wrong attempt,
 * an alternative) starts from the step's start state, replayed from fresh hosts, so it can run
 * in any lab instance, in any order.
 */
interface Plan {
  slots: Base[];
  /** Cases known without running anything (skipped ones). */
  fixed: Map<number, SelftestCase>;
  path: { slot: number; run: CaseRun }[];
  side: { slot: number; run: CaseRun }[];
}

async function plan(lesson: Lesson, version: string): Promise<Plan> {
  const p: Plan = { slots: [], fixed: new Map(), path: [], side: [] };
  // Where a case runs: on the solution path, as a side case, or not at all (skipped, saying why).
  type Where = 'path' | 'side' | { skipped: string };
  const add = (base: Base, where: Where, run: CaseRun) => {
    const slot = p.slots.push(base) - 1;
    if (typeof where === 'string') p[where].push({ slot, run });
    else
      p.fixed.set(slot, {
        ...base,
        ok: true,
        skipped: where.skipped,
        detail: where.skipped,
        ms: 0,
      });
  };
  const sideUnless = (skipped: string | undefined): Where => (skipped ? { skipped } : 'side');
  const noop: CaseRun = () => Promise.resolve({ ok: true, detail: '' });
  for (const step of lesson.steps) {
    const base = { lesson: lesson.id, step: step.id };
    // The same feature skip as check, grade and the TUI give (src/orchestrate/step-features.ts).
    const skip =
      (await featureSkipReason(step.features)) ?? engineSkip(step, version, step.engines);
    if (skip) {
      add({ ...base, phase: 'solution' }, { skipped: skip }, noop);
      continue;
    }
    add({ ...base, phase: 'before' }, 'path', async (prof) =>
      judgeBefore(await check(lesson, step, prof)),
    );
    for (const [i, attempt] of step.wrong.entries()) {
      const skipped = engineSkip(step, version, attempt.engines, attempt.fails);
      add({ ...base, phase: `wrong ${i + 1}` }, sideUnless(skipped), async (prof) => {
        await replay(lesson, step.index, version, prof);
        await runAll(attempt.run, false, prof, 'commands');
        return judgeWrong(await check(lesson, step, prof), attempt);
      });
    }
    for (const [i, alternative] of step.alternatives.entries()) {
      const skipped = engineSkip(step, version, step.alternativesEngines?.[i]);
      add({ ...base, phase: `alternative ${i + 1}` }, sideUnless(skipped), async (prof) => {
        await replay(lesson, step.index, version, prof);
        await runAll(alternative, true, prof, 'commands');
        return judgeAllPass(
          await check(lesson, step, prof),
          'lessons.selftest.failsAfterAlternative',
        );
      });
    }
    add({ ...base, phase: 'solution' }, 'path', async (prof) => {
      await runAll(step.solution, true, prof, 'commands');
      return judgeAllPass(await check(lesson, step, prof), 'lessons.selftest.failsAfterSolution');
    });
  }
  return p;
}

/** Hands out cases as they finish, in plan order. */
export function inOrder(count: number, onCase: (c: SelftestCase) => void) {
  const done: (SelftestCase | undefined)[] = new Array<SelftestCase | undefined>(count);
  let next = 0;
  return (slot: number, c: SelftestCase) => {
    done[slot] = c;
    for (; next < count && done[next]; next++) onCase(done[next]!);
  };
}

export interface SelftestOptions {
  /**
   * Other lab instances, up on the same engine, that take side cases (wrong attempts,
   * alternatives) while this one walks the solution path. None: everything runs here.
   */
  helpers?: readonly string[];
}

export async function selftestLesson(
  given: Lesson,
  onCase: (c: SelftestCase) => void = () => {},
  opts: SelftestOptions = {},
): Promise<SelftestCase[]> {
  const drawn = {
    ...(given.seed !== undefined ? { seed: given.seed } : {}),
    ...(given.incident ? { variant: given.incident.variant } : {}),
  };
  const lesson = given.lang === 'en' ? given : loadLesson(given.dir, { lang: 'en', ...drawn });
  const cases: SelftestCase[] = [];
  const emit = (c: SelftestCase) => {
    cases.push(c);
    onCase(c);
  };
  // A lab that cannot be reset (a failed rebuild) fails this lesson, saying why; the run goes on.
  const ready = await timed(
    { lesson: lesson.id, step: '(setup)', phase: 'before' },
    async (prof) => {
      await replay(lesson, 0, '', prof);
      return { ok: true, detail: '' };
    },
  );
  if (!ready.ok) {
    emit(ready);
    return cases;
  }
  // The engine's version as its daemon says it (after the reset above brought the hosts back);
  // unknown (''): everything is run, nothing skipped for an engine.
  const version = await engineFor(lesson.hosts[0] ?? 'host1')
    .version()
    .then(
      (v) => v.Version ?? '',
      () => '',
    );
  const p = await plan(lesson, version);
  const settle = inOrder(p.slots.length, emit);
  for (const [slot, c] of p.fixed) settle(slot, c);
  const run = async (slot: number, fn: CaseRun) => settle(slot, await timed(p.slots[slot]!, fn));
  // Side cases from a queue: each helper instance takes the next one as soon as it is free, and
  // this instance joins them once its solution path is walked.
  let next = 0;
  const takeSide = async (inst?: string) => {
    for (let job = p.side[next++]; job; job = p.side[next++]) {
      const { slot, run: fn } = job;
      await (inst === undefined ? run(slot, fn) : inInstance(inst, () => run(slot, fn)));
    }
  };
  const walkPath = async () => {
    for (const { slot, run: fn } of p.path) await run(slot, fn);
    await takeSide();
  };
  await Promise.all([walkPath(), ...(opts.helpers ?? []).map((h) => takeSide(h))]);
  return cases;
}
