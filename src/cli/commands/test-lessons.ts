import type { Command } from 'commander';
import { dnlabEnv } from '../../env.js';
import { t } from '../../i18n/index.js';
import { labEngine } from '../../lab/engines.js';
import { down, up } from '../../lab/lab.js';
import { selftestLesson, type SelftestCase } from '../../orchestrate/selftest.js';
import { resolveLessons } from '../lesson-args.js';
import { FAIL, OK, ProgressPrinter, bold, dim, green, red, seconds, yellow } from '../output.js';
import { requireRoot } from '../root.js';
import { safeJson, safeText } from '../../text/safe.js';

/** The self-test runs in its own lab instance, so a learner's lab is never reset by it. */
const SELFTEST_INSTANCE = 'st';

function caseLine(c: SelftestCase): string {
  const mark = c.skipped ? yellow('-') : c.ok ? green(OK) : red(FAIL);
  const what = safeText(`${c.lesson}/${c.step}`).padEnd(40);
  // Details quote command output and check messages: no control character reaches the terminal.
  const detail =
    c.ok && !c.skipped
      ? dim(safeText(c.detail.split('\n')[0] ?? ''))
      : safeText(c.skipped ?? c.detail, { newlines: true });
  return `${mark} ${what} ${c.phase.padEnd(14)} ${String(Math.round(c.ms)).padStart(6)} ms  ${detail}`;
}

export function register(program: Command): void {
  program
    .command('test-lessons [ids...]')
    .description(t('cli.testLessons.description'))
    .option('--repeat <n>', t('cli.testLessons.repeatOpt'), '1')
    .option('--keep', t('cli.testLessons.keepOpt'))
    .option('--engine <engine>', t('cli.testLessons.engineOpt'))
    .option('--json', t('cli.opt.json'))
    .addHelpText('after', `\n${t('cli.testLessons.help', { prefix: `dnlab${SELFTEST_INSTANCE}` })}`)
    .action(async (ids: string[], opts: { repeat: string; keep?: boolean; json?: boolean; engine?: string }) => {
      requireRoot('dnlab test-lessons');
      if (opts.engine) process.env.DNLAB_ENGINE = opts.engine;
      // The self-test's own lab, up on another engine (a --keep run): rebuilt on the one asked.
      const running = labEngine();
      const asked = dnlabEnv('DNLAB_ENGINE');
      if (running && asked && running.name !== asked) await down();
      process.env.DNLAB_INSTANCE ??= SELFTEST_INSTANCE;
      const repeat = Math.max(1, Number.parseInt(opts.repeat, 10) || 1);
      const lessons = resolveLessons(ids);
      const printer = new ProgressPrinter();
      await up({ onProgress: printer.onProgress });
      printer.stop();
      // Every case is judged on this engine; what does not apply to it is skipped, with why.
      const engine = labEngine();
      if (engine && !opts.json) {
        process.stdout.write(`${t('lab.engine.line', { engine: engine.name, version: engine.version })}\n`);
      }
      const t0 = performance.now();
      const cases: (SelftestCase & { round: number })[] = [];
      try {
        for (let round = 1; round <= repeat; round++) {
          for (const lesson of lessons) {
            if (!opts.json)
              process.stdout.write(
                `${bold(lesson.id)}${repeat > 1 ? dim(` ${t('cli.testLessons.round', { round, repeat })}`) : ''}\n`,
              );
            await selftestLesson(lesson, (c) => {
              cases.push({ ...c, round });
              if (!opts.json) process.stdout.write(`${caseLine(c)}\n`);
            });
          }
        }
      } finally {
        if (!opts.keep) await down();
      }
      const failed = cases.filter((c) => !c.ok);
      const skipped = cases.filter((c) => c.skipped);
      if (opts.json) {
        process.stdout.write(`${safeJson({ version: 1, ok: failed.length === 0, engine, cases }, 2)}\n`);
      } else {
        process.stdout.write(
          `\n${t('cli.testLessons.summary', {
            passed: cases.length - failed.length - skipped.length,
            failed: failed.length,
            skipped: skipped.length,
            lessons: lessons.length,
            repeat,
            time: seconds(performance.now() - t0),
          })}\n`,
        );
      }
      if (failed.length > 0) process.exitCode = 1;
    });
}
