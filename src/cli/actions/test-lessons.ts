import { dnlabEnv } from '../../env.js';
import { t } from '../../i18n/index.js';
import { labEngine } from '../../lab/engines.js';
import { down, up } from '../../lab/lab.js';
import type { SelftestCase } from '../../orchestrate/selftest.js';
import { selftestEach } from '../../orchestrate/selftest-variants.js';
import { resolveLessons } from '../lesson-args.js';
import { FAIL, OK, ProgressPrinter, bold, dim, green, red, seconds, yellow } from '../output.js';
import { safeJson, safeText } from '../../text/safe.js';
import { SELFTEST_INSTANCE, type TestLessonsOptions } from '../commands/test-lessons.js';
import { downHelpers, helperNames, upHelpers } from '../selftest-labs.js';
import { profileReport } from '../selftest-profile-report.js';

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

/** `dnlab test-lessons [ids...]`: each lesson's solution and wrong attempts, judged in its own lab. */
export async function runTestLessons(ids: string[], opts: TestLessonsOptions): Promise<void> {
  if (opts.engine) process.env.DNLAB_ENGINE = opts.engine;
  // The self-test's own lab, up on another engine (a --keep run): rebuilt on the one asked.
  const running = labEngine();
  const asked = dnlabEnv('DNLAB_ENGINE');
  if (running && asked && running.name !== asked) await down();
  process.env.DNLAB_INSTANCE ??= SELFTEST_INSTANCE;
  const repeat = Math.max(1, Number.parseInt(opts.repeat, 10) || 1);
  const lessons = resolveLessons(ids);
  const note = (line: string) => process.stderr.write(`${line}\n`);
  // Helper instances (`<instance>w1`…) take the wrong attempts and alternatives; on the
  // engine asked, else the one a kept self-test lab already runs, else the default.
  const named = helperNames(Number.parseInt(opts.instances, 10) || 1, note);
  const printer = new ProgressPrinter();
  const [, helpers] = await Promise.all([
    up({ onProgress: printer.onProgress }),
    upHelpers(named, asked ?? running?.name, note),
  ]);
  printer.stop();
  // Every case is judged on this engine; what does not apply to it is skipped, with why.
  const engine = labEngine();
  if (engine && !opts.json) {
    process.stdout.write(
      `${t('lab.engine.line', { engine: engine.name, version: engine.version })}\n`,
    );
    if (helpers.length > 0) {
      process.stdout.write(
        `${dim(t('cli.testLessons.helpers', { instances: helpers.join(', ') }))}\n`,
      );
    }
  }
  const t0 = performance.now();
  const cases: (SelftestCase & { round: number })[] = [];
  const lessonWall = new Map<string, number>();
  try {
    for (let round = 1; round <= repeat; round++) {
      for (const lesson of lessons) {
        if (!opts.json)
          process.stdout.write(
            `${bold(lesson.id)}${repeat > 1 ? dim(` ${t('cli.testLessons.round', { round, repeat })}`) : ''}\n`,
          );
        const l0 = performance.now();
        const onCase = (c: SelftestCase) => {
          cases.push({ ...c, round });
          if (!opts.json) process.stdout.write(`${caseLine(c)}\n`);
        };
        await selftestEach(lesson, onCase, { helpers });
        lessonWall.set(lesson.id, (lessonWall.get(lesson.id) ?? 0) + performance.now() - l0);
      }
    }
  } finally {
    if (!opts.keep) await Promise.all([down(), downHelpers(named)]);
  }
  const failed = cases.filter((c) => !c.ok);
  const skipped = cases.filter((c) => c.skipped);
  if (opts.json) {
    process.stdout.write(
      `${safeJson({ version: 1, ok: failed.length === 0, engine, cases }, 2)}\n`,
    );
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
    if (opts.profile || dnlabEnv('DNLAB_SELFTEST_PROFILE') === '1') {
      const report = profileReport(cases, performance.now() - t0, lessonWall);
      process.stdout.write(`${report.join('\n')}\n`);
    }
  }
  if (failed.length > 0) process.exitCode = 1;
}
