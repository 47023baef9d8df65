import fs from 'node:fs';
import path from 'node:path';
import { dnlabEnv } from '../../env.js';
import { UserError } from '../../errors.js';
import { t } from '../../i18n/index.js';
import { requireLabUp } from '../../lab/lab.js';
import { loadAllLessons, loadLesson, lessonDirs, setSeedSource } from '../../lessons/load.js';
import type { Lesson } from '../../lessons/model.js';
import { FORMATS, formatResult, type Format } from '../../grade/formats.js';
import { gradeLessons, type GradeProgress } from '../../grade/grade.js';
import { describeDifferences, inCI, packageRoot, verifyInstall } from '../../grade/verify.js';
import { loadWorkshop, type Workshop } from '../../lessons/workshop.js';
import { resolveLessons } from '../lesson-args.js';
import { FAIL, OK, colorsEnabled, green, red, yellow } from '../output.js';
import { requireRoot } from '../root.js';
import { safeText } from '../../text/safe.js';

export interface GradeOpts {
  lessons?: string;
  format: string;
  output?: string;
  workshop?: string;
  student?: string;
  quiet?: boolean;
  verify?: boolean;
}

/** Exit 2: the grade could not be made (the user's to fix), not a failed grade (exit 1). */
export const CANNOT_GRADE = 2;

/** An error that is the user's to fix (exit 2), not a failed grade (exit 1). */
const usageError = (message: string, tryMessage?: string) =>
  new UserError(message, { exitCode: CANNOT_GRADE, ...(tryMessage ? { tryMessage } : {}) });

/** The lessons to grade: the workshop's (in its order), narrowed by --lessons. */
function chooseLessons(ids: string[], workshop?: Workshop): Lesson[] {
  if (!workshop) {
    const lessons = ids.length ? resolveLessons(ids) : loadAllLessons();
    if (lessons.length === 0) throw usageError(t('grade.cli.noLessons'));
    return lessons;
  }
  for (const id of ids) {
    if (!workshop.lessons.includes(id)) {
      throw usageError(t('grade.cli.notInWorkshop', { id, lessons: workshop.lessons.join(', ') }));
    }
  }
  const root = workshop.lessonsRoot;
  const known = lessonDirs(root).map((d) => path.basename(d));
  return workshop.lessons
    .filter((id) => ids.length === 0 || ids.includes(id))
    .map((id) => {
      if (!known.includes(id)) throw usageError(t('grade.cli.missingLesson', { id, root }));
      return loadLesson(path.join(root, id));
    });
}

/** Progress on standard error: a live line on a terminal, one line per finished step. */
function progressPrinter(quiet: boolean): { onProgress(e: GradeProgress): void; stop(): void } {
  const err = process.stderr;
  const live = err.isTTY === true;
  const clear = () => live && err.write('\r\x1b[K');
  return {
    onProgress(e) {
      if (quiet) return;
      const vars = { lesson: safeText(e.lesson.id), step: safeText(e.step.id), n: e.n, of: e.of };
      if (e.phase === 'start') {
        if (live) {
          clear();
          err.write(t('grade.cli.checking', vars).slice(0, (err.columns ?? 80) - 1));
        }
        return;
      }
      const g = e.graded!;
      const mark =
        g.status === 'pass' ? green(OK) : g.status === 'skipped' ? yellow('-') : red(FAIL);
      clear();
      err.write(
        `${t('grade.cli.stepDone', { ...vars, mark, points: g.points, possible: g.possible })}\n`,
      );
    },
    stop: () => {
      if (!quiet) clear();
    },
  };
}

/** dnlab's own files as built (dist/manifest.json), else a refusal saying which differ. */
function verifyOrRefuse(): void {
  const diffs = verifyInstall(packageRoot(), dnlabEnv('DNLAB_MANIFEST_SHA256'));
  if (diffs.length > 0) throw usageError(describeDifferences(diffs), t('grade.verify.fix'));
}

export async function runGrade(opts: GradeOpts): Promise<number> {
  if (opts.verify || inCI()) verifyOrRefuse();
  const format = opts.format as Format;
  if (!FORMATS.includes(format)) {
    throw usageError(
      t('grade.cli.badFormat', { format: opts.format, formats: FORMATS.join(', ') }),
    );
  }
  requireRoot('dnlab grade');
  const workshop = opts.workshop ? loadWorkshop(opts.workshop) : undefined;
  const ids = (opts.lessons ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  // A student's incidents and params are drawn from their id (as they worked with DNLAB_STUDENT).
  const student = opts.student?.trim();
  if (student) setSeedSource(() => dnlabEnv('DNLAB_SEED')?.trim() || student);
  const lessons = chooseLessons(ids, workshop);
  // A lab that was brought up is graded even with an engine down: its checks say so, by name.
  requireLabUp('namespaces');

  const progress = progressPrinter(opts.quiet === true);
  let result;
  try {
    result = await gradeLessons({
      lessons,
      workshop,
      student: opts.student,
      onProgress: progress.onProgress,
    });
  } finally {
    progress.stop();
  }
  const toStdout = opts.output === undefined || opts.output === '-';
  const report = formatResult(result, format, { color: toStdout && colorsEnabled() });
  if (toStdout) process.stdout.write(report);
  else {
    const file = opts.output!;
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.writeFileSync(file, report);
    process.stderr.write(
      `${t('grade.cli.wrote', { format, file, points: result.totals.points, possible: result.totals.possible })}\n`,
    );
  }
  return result.totals.pass ? 0 : 1;
}
