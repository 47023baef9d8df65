import fs from 'node:fs';
import path from 'node:path';
import { isWorkshopFile, lintWorkshop } from './workshop.js';
import { t } from '../i18n/index.js';
import { analyzeLesson, LESSON_FILE } from './analyze.js';
import { countErrors, sortDiagnostics, type Diagnostic } from './diagnostics.js';
import { lessonDirs } from './load.js';
import { LESSON_ID } from './schema.js';
import { UserError } from '../errors.js';

/** What `dnlab lint` found under a path. */
export interface LintReport {
  /** The lesson folders that were checked. */
  lessons: string[];
  diagnostics: Diagnostic[];
  errors: number;
  warnings: number;
}

/** A path lint cannot work on (it does not exist, or is not in a lesson): exit 2, not 1 (errors found). */
export class LintPathError extends UserError {
  override name = 'LintPathError';
  constructor(message: string) {
    super(message, { exitCode: 2 });
  }
}

/** Every problem of one lesson folder, each with its file, line, column and field. */
export function lintLesson(dir: string): Diagnostic[] {
  return analyzeLesson(dir).diagnostics;
}

/**
 * Lint a workshop file (workshop.yaml, <name>.workshop.yaml), a lesson folder, its lesson.yaml or
 * one of its files, or a folder of lessons (every
 * subfolder with a lesson.yaml; a subfolder named like a lesson but without one is an error).
 */
export function lintPath(target: string): LintReport {
  const abs = path.resolve(target);
  if (!fs.existsSync(abs)) throw new LintPathError(t('lessons.lint.noPath', { path: target }));
  if (isWorkshopFile(abs) && fs.statSync(abs).isFile()) return report([abs], lintWorkshop(abs));
  const lesson = enclosingLesson(abs);
  if (lesson) return report([lesson], lintLesson(lesson));
  if (!fs.statSync(abs).isDirectory()) {
    throw new LintPathError(t('lessons.lint.notLesson', { path: target }));
  }
  const dirs = lessonDirs(abs);
  const missing = fs
    .readdirSync(abs, { withFileTypes: true })
    .filter((e) => e.isDirectory() && LESSON_ID.test(e.name))
    .map((e) => path.join(abs, e.name))
    .filter((d) => !dirs.includes(d));
  const diagnostics = [...dirs.flatMap(lintLesson), ...missing.flatMap(lintLesson)];
  return report([...dirs, ...missing].sort(), diagnostics);
}

/** The lesson folder a path is or is in (a file up to two folders below lesson.yaml). */
function enclosingLesson(abs: string): string | undefined {
  let dir = fs.statSync(abs).isDirectory() ? abs : path.dirname(abs);
  for (let up = 0; up < 3; up++) {
    if (fs.existsSync(path.join(dir, LESSON_FILE))) return dir;
    if (up === 0 && dir === abs) return undefined;
    dir = path.dirname(dir);
  }
  return undefined;
}

function report(lessons: string[], diagnostics: Diagnostic[]): LintReport {
  const sorted = sortDiagnostics(diagnostics);
  const errors = countErrors(sorted);
  return { lessons, diagnostics: sorted, errors, warnings: sorted.length - errors };
}
