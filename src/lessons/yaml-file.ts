import fs from 'node:fs';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { t } from '../i18n/index.js';
import { fieldPath, type Diagnostic } from './diagnostics.js';
import { fromZod, lessonErrorMap, type LessonIssue } from './issues.js';
import { locate } from './positions.js';

/**
 * A YAML data file checked against a zod schema, with every problem at its line and column.
 * lesson.yaml uses it; so can any other data file of a course (a workshop.yaml).
 */
export interface YamlFile {
  file: string;
  doc: Document;
  lines: LineCounter;
  /** The data as parsed, whatever its shape. */
  raw: unknown;
}

export type ReadResult =
  { ok: true; yaml: YamlFile; warnings: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

function at(file: string, line: number, col: number, message: string): Diagnostic {
  return { file, line, col, field: '', message, severity: 'error' };
}

/** Read and parse; a file that cannot be read, or YAML syntax errors (all of them), fail. */
export function readYamlFile(file: string, missing = t('lessons.file.unreadable')): ReadResult {
  let source: string;
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch {
    return { ok: false, diagnostics: [at(file, 1, 1, missing)] };
  }
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const syntax = (errs: typeof doc.errors) =>
    errs.map((e) => {
      const pos = lines.linePos(e.pos[0]);
      return at(file, pos.line, pos.col, t('lessons.yaml.syntax', { message: e.message }));
    });
  if (doc.errors.length > 0) return { ok: false, diagnostics: syntax(doc.errors) };
  const warnings = syntax(doc.warnings).map((d) => ({ ...d, severity: 'warning' as const }));
  return { ok: true, yaml: { file, doc, lines, raw: doc.toJS() }, warnings };
}

/** The data checked against a schema: its issues, and the parsed data when there are none. */
export function validateYaml<S extends z.ZodType>(
  yaml: YamlFile,
  schema: S,
): { issues: LessonIssue[]; data?: z.output<S> } {
  const parsed = schema.safeParse(yaml.raw, { error: lessonErrorMap });
  return parsed.success
    ? { issues: [], data: parsed.data }
    : { issues: fromZod(parsed.error.issues) };
}

/** Issues (paths into the data) as diagnostics at their place in the file. */
export function toDiagnostics(yaml: YamlFile, issues: readonly LessonIssue[]): Diagnostic[] {
  return issues.map((i) => {
    const pos = locate(yaml.doc, yaml.lines, i.path, i.at);
    return {
      file: yaml.file,
      line: pos.line,
      col: pos.col,
      field: fieldPath(i.path),
      message: i.message,
      severity: i.severity ?? 'error',
    };
  });
}
