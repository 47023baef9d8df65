import type { Command } from 'commander';
import { down, up } from '../../lab/lab.js';
import { selftestLesson, type SelftestCase } from '../../lessons/selftest.js';
import { resolveLessons } from '../lesson-args.js';
import { FAIL, OK, ProgressPrinter, bold, dim, green, red, seconds, yellow } from '../output.js';
import { requireRoot } from '../root.js';

/** The self-test runs in its own lab instance, so a learner's lab is never reset by it. */
const SELFTEST_INSTANCE = 'st';

function caseLine(c: SelftestCase): string {
  const mark = c.skipped ? yellow('-') : c.ok ? green(OK) : red(FAIL);
  const what = `${c.lesson}/${c.step}`.padEnd(40);
  const detail = c.ok && !c.skipped ? dim(c.detail.split('\n')[0] ?? '') : (c.skipped ?? c.detail);
  return `${mark} ${what} ${c.phase.padEnd(14)} ${String(Math.round(c.ms)).padStart(6)} ms  ${detail}`;
}

export function register(program: Command): void {
  program
    .command('test-lessons [ids...]')
    .description('prove lessons: each step fails before its solution and passes after; wrong attempts fail as they should')
    .option('--repeat <n>', 'run everything n times (catches flaky checks)', '1')
    .option('--keep', 'leave the self-test lab up afterwards')
    .option('--json', 'print machine-readable JSON')
    .addHelpText(
      'after',
      `\nRuns in its own lab (dnlab${SELFTEST_INSTANCE}-*), never in yours. Exits 1 on any failure.\n\nExamples:\n  sudo dnlab test-lessons\n  sudo dnlab test-lessons 02-docker0 03-veth-pairs --repeat 3`,
    )
    .action(async (ids: string[], opts: { repeat: string; keep?: boolean; json?: boolean }) => {
      requireRoot('dnlab test-lessons');
      process.env.DNLAB_INSTANCE ??= SELFTEST_INSTANCE;
      const repeat = Math.max(1, Number.parseInt(opts.repeat, 10) || 1);
      const lessons = resolveLessons(ids);
      const printer = new ProgressPrinter();
      await up({ onProgress: printer.onProgress });
      printer.stop();
      const t0 = performance.now();
      const cases: (SelftestCase & { round: number })[] = [];
      try {
        for (let round = 1; round <= repeat; round++) {
          for (const lesson of lessons) {
            if (!opts.json) process.stdout.write(`${bold(lesson.id)}${repeat > 1 ? dim(` (round ${round}/${repeat})`) : ''}\n`);
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
        process.stdout.write(`${JSON.stringify({ version: 1, ok: failed.length === 0, cases }, null, 2)}\n`);
      } else {
        process.stdout.write(
          `\n${cases.length - failed.length - skipped.length} passed, ${failed.length} failed, ${skipped.length} skipped — ${lessons.length} lesson(s) × ${repeat} in ${seconds(performance.now() - t0)}\n`,
        );
      }
      if (failed.length > 0) process.exitCode = 1;
    });
}
