import { exitCodeOf } from '../../errors.js';
import fs from 'node:fs';
import { t } from '../../i18n/index.js';
import { displayPath, formatDiagnostic } from '../../lessons/diagnostics.js';
import { LintPathError, lintPath, type LintReport } from '../../lessons/lint.js';
import { lessonsRoot } from '../../lessons/load.js';
import { safeJson, safeText } from '../../text/safe.js';
import type { Out } from '../commands/lint.js';

/** Run the lint and print its result; returns the exit code (0 clean, 1 errors, 2 bad path). */
export function runLint(target: string | undefined, opts: { json?: boolean }, io: Out): number {
  const where = target ?? lessonsRoot();
  if (target === undefined && !fs.existsSync(where)) {
    // No lessons folder at all (yet): nothing to check, which is not an error.
    io.out(`${t('lessons.lint.noLessons', { path: displayPath(where) })}\n`);
    return 0;
  }
  let report: LintReport;
  try {
    report = lintPath(where);
  } catch (e) {
    if (!(e instanceof LintPathError)) throw e;
    io.err(`${safeText(e.message)}\n`);
    return exitCodeOf(e);
  }
  if (opts.json) {
    io.out(`${safeJson(toJson(report), 2)}\n`);
  } else {
    // Messages quote the lesson files: no control character reaches the terminal.
    for (const d of report.diagnostics)
      io.out(`${safeText(formatDiagnostic(d), { newlines: true })}\n`);
    io.out(`${summary(report, where)}\n`);
  }
  return report.errors > 0 ? 1 : 0;
}

/** The `--json` shape (version 1): paths as printed (relative to the working folder). */
export function toJson(report: LintReport): object {
  return {
    version: 1,
    lessons: report.lessons.map((l) => displayPath(l)),
    errors: report.errors,
    warnings: report.warnings,
    diagnostics: report.diagnostics.map((d) => ({ ...d, file: displayPath(d.file) })),
  };
}

function summary(r: LintReport, where: string): string {
  if (r.lessons.length === 0) return t('lessons.lint.noLessons', { path: displayPath(where) });
  const vars = {
    lessons: count(r.lessons.length, 'lesson'),
    errors: count(r.errors, 'error'),
    warnings: count(r.warnings, 'warning'),
  };
  return r.errors > 0
    ? t('lessons.lint.summaryErrors', vars)
    : t('lessons.lint.summaryClean', vars);
}

function count(n: number, word: 'lesson' | 'error' | 'warning'): string {
  return t(`lessons.count.${word}.${n === 1 ? 'one' : 'other'}`, { n });
}
