import path from 'node:path';
import { t } from '../i18n/index.js';

/** One problem in a lesson, where an editor can jump to it. */
export interface Diagnostic {
  /** Absolute path of the file. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  col: number;
  /** Dotted path of the field in lesson.yaml (`steps.1.checks.0.subnet`); '' for the whole file. */
  field: string;
  /** What was expected, and what was found. */
  message: string;
  severity: 'error' | 'warning';
}

export function fieldPath(p: readonly PropertyKey[]): string {
  return p.map(String).join('.');
}

/** `file` relative to `cwd` when it is inside it, so editors and terminals can open it. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/** `file:line:col: field: message` (warnings say so after the field). */
export function formatDiagnostic(d: Diagnostic, cwd?: string): string {
  const where = `${displayPath(d.file, cwd)}:${d.line}:${d.col}`;
  const what =
    d.severity === 'warning' ? t('lessons.lint.warning', { message: d.message }) : d.message;
  return d.field ? `${where}: ${d.field}: ${what}` : `${where}: ${what}`;
}

/** By file, then position, errors and warnings mixed; identical ones once. */
export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return [...ds]
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col)
    .filter((d) => {
      const key = `${d.file}:${d.line}:${d.col}:${d.field}:${d.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

export function countErrors(ds: readonly Diagnostic[]): number {
  return ds.filter((d) => d.severity === 'error').length;
}
