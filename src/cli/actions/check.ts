import type { CheckResult } from '../../checks/types.js';
import { stepError } from '../../grade/grade.js';
import { requireLabUp } from '../../lab/lab.js';
import type { Lesson, Step } from '../../lessons/model.js';
import { checkStep } from '../../orchestrate/check-step.js';
import { stepRequest } from '../../orchestrate/step-features.js';
import { resolveLessonArg } from '../lesson-args.js';
import { FAIL, OK, bold, dim, green, red, yellow } from '../output.js';
import { requireRoot } from '../root.js';
import { safeJson, safeText } from '../../text/safe.js';

export function checkLine(r: CheckResult): string {
  const mark = r.pass ? green(OK) : r.skipped ? yellow('-') : r.waitingOn ? yellow('…') : red(FAIL);
  return `${mark} ${safeText(r.message)}`;
}

interface StepOutcome {
  lesson: string;
  step: string;
  title: string;
  pass: boolean;
  results: CheckResult[];
  /** Engines that could not be read in this run (down or not answering), by host. */
  engines?: { host: string; problem: string }[];
  ms: number;
}

/** Check one step. Never throws: a run that fails or times out fails every check, saying why. */
async function checkOne(lesson: Lesson, step: Step): Promise<StepOutcome> {
  const t0 = performance.now();
  let results: CheckResult[];
  let engines: StepOutcome['engines'];
  try {
    const run = await checkStep(stepRequest(lesson, step));
    results = run.results;
    engines = Object.values(run.facts.hosts).flatMap((h) =>
      (h.errors ?? [])
        .filter((e) => e.source === 'engine')
        .map((e) => ({ host: h.host, problem: e.message })),
    );
  } catch (e) {
    results = stepError(step, e);
  }
  return {
    lesson: lesson.id,
    step: step.id,
    title: step.title,
    pass: results.every((r) => r.pass),
    results,
    ...(engines?.length ? { engines } : {}),
    ms: Math.round(performance.now() - t0),
  };
}

function printText(outcomes: StepOutcome[]): void {
  for (const o of outcomes) {
    process.stdout.write(
      `${bold(safeText(`${o.lesson}/${o.step}`))} ${safeText(o.title)} ${dim(`(${o.ms} ms)`)}\n`,
    );
    for (const e of o.engines ?? [])
      process.stdout.write(`  ${yellow('!')} ${safeText(e.problem)}\n`);
    for (const r of o.results) process.stdout.write(`  ${checkLine(r)}\n`);
  }
}

export async function runCheck(arg: string, opts: { json?: boolean }): Promise<void> {
  requireRoot('dnlab check');
  const { lesson, step } = resolveLessonArg(arg);
  // A lab that was brought up is checked even when one engine is down or stuck: the checks
  // that need it say so, by name, and the others are judged as usual.
  requireLabUp('namespaces');
  const steps = step ? [step] : lesson.steps;
  const outcomes: StepOutcome[] = [];
  for (const s of steps) outcomes.push(await checkOne(lesson, s));
  if (opts.json) {
    process.stdout.write(`${safeJson({ version: 1, steps: outcomes }, 2)}\n`);
  } else printText(outcomes);
  if (outcomes.some((o) => !o.pass)) process.exitCode = 1;
}
