import type { Command } from 'commander';
import { t } from '../../i18n/index.js';
import type { CheckResult } from '../../checks/types.js';
import { isUp, LabError } from '../../lab/lab.js';
import type { Lesson, Step } from '../../lessons/model.js';
import { checkStep } from '../../observe/check-step.js';
import { stepRequest } from '../../observe/step-features.js';
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
  ms: number;
}

async function checkOne(lesson: Lesson, step: Step): Promise<StepOutcome> {
  const run = await checkStep(stepRequest(lesson, step));
  return {
    lesson: lesson.id,
    step: step.id,
    title: step.title,
    pass: run.results.every((r) => r.pass),
    results: run.results,
    ms: Math.round(run.ms),
  };
}

export function register(program: Command): void {
  program
    .command('check <lesson[/step]>')
    .description(t('cli.check.description'))
    .option('--json', t('cli.opt.json'))
    .addHelpText('after', `\n${t('cli.check.help')}`)
    .action(async (arg: string, opts: { json?: boolean }) => {
      requireRoot('dnlab check');
      const { lesson, step } = resolveLessonArg(arg);
      if (!(await isUp())) throw new LabError(t('lab.notUp'), t('lab.startIt'));
      const steps = step ? [step] : lesson.steps;
      const outcomes: StepOutcome[] = [];
      for (const s of steps) outcomes.push(await checkOne(lesson, s));
      if (opts.json) {
        process.stdout.write(`${safeJson({ version: 1, steps: outcomes }, 2)}\n`);
      } else {
        for (const o of outcomes) {
          process.stdout.write(
            `${bold(safeText(`${o.lesson}/${o.step}`))} ${safeText(o.title)} ${dim(`(${o.ms} ms)`)}\n`,
          );
          for (const r of o.results) process.stdout.write(`  ${checkLine(r)}\n`);
        }
      }
      if (outcomes.some((o) => !o.pass)) process.exitCode = 1;
    });
}
