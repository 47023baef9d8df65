import fs from 'node:fs';
import path from 'node:path';
import { copiedEvidence, type CopiedEvidence } from './copied.js';
import { t } from '../i18n/index.js';
import { GradeResultSchema, type GradeResult, type StepStatus } from './model.js';
import { safeDeep } from '../text/safe.js';
import { oneLine, pad, painter, table, truncate, width } from './table.js';

/**
 * A class report: many students' grade results side by side (student × lesson step, totals), and
 * where the class struggled. Reading files is the only I/O here; everything else is pure.
 */

export interface LoadedResult {
  /** The file as given. */
  file: string;
  result: GradeResult;
}

export interface BadFile {
  file: string;
  reason: string;
}

/** A result file's text as a grade result, or why it is not one. */
export function parseResult(
  text: string,
): { ok: true; result: GradeResult } | { ok: false; reason: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: t('grade.report.notJson', { error: (e as Error).message }) };
  }
  const r = GradeResultSchema.safeParse(data);
  if (r.success) return { ok: true, result: r.data };
  const issues = r.error.issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || '(top)'}: ${i.message}`);
  const more = r.error.issues.length > 3 ? ` (+${r.error.issues.length - 3})` : '';
  return { ok: false, reason: t('grade.report.notResult', { issues: issues.join('; ') + more }) };
}

/** Read result files: the good ones, and each bad one with its reason (none is fatal). */
export function readResults(files: readonly string[]): { results: LoadedResult[]; bad: BadFile[] } {
  const results: LoadedResult[] = [];
  const bad: BadFile[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      bad.push({
        file,
        reason: t('grade.report.unreadable', {
          error: (e as NodeJS.ErrnoException).code ?? String(e),
        }),
      });
      continue;
    }
    const p = parseResult(text);
    if (p.ok) results.push({ file, result: p.result });
    else bad.push({ file, reason: p.reason });
  }
  return { results, bad };
}

export interface Column {
  lesson: string;
  lessonTitle: string;
  step: string;
  stepTitle: string;
  /** Short header: lesson number and step number, like `02.3`. */
  label: string;
}

export interface Row {
  student: string;
  file: string;
  /** One per column; undefined when this result did not grade that step. */
  cells: (StepStatus | undefined)[];
  points: number;
  possible: number;
  pass: boolean;
}

export interface Struggle {
  column: Column;
  failed: number;
  /** Students graded on this step (passed or failed). */
  graded: number;
}

export interface CommonFailure {
  lesson: string;
  step: string;
  check: string;
  message: string;
  /** Students whose result has this failing check with this message. */
  students: number;
}

export interface ClassReport {
  columns: Column[];
  rows: Row[];
  struggles: Struggle[];
  failures: CommonFailure[];
  /** Lessons graded on more than one version of their content (different content hashes). */
  mixedVersions: string[];
  /** Passed steps whose evidence is identical across students with different seeds. */
  copies: CopiedEvidence[];
  bad: BadFile[];
}

const key = (lesson: string, step: string) => `${lesson}/${step}`;

export function buildClassReport(
  untrusted: readonly LoadedResult[],
  untrustedBad: readonly BadFile[] = [],
  opts: { top?: number } = {},
): ClassReport {
  // Students' files (and their names) may hold escape sequences: the report keeps none of them,
  // so neither the table on the teacher's terminal nor the HTML page can carry one.
  const loaded = safeDeep(untrusted.map((l) => ({ ...l })));
  const bad = safeDeep(untrustedBad.map((b) => ({ ...b })));
  const top = opts.top ?? 10;
  const columns: Column[] = [];
  const colIndex = new Map<string, number>();
  const hashes = new Map<string, Set<string>>();
  for (const { result } of loaded) {
    for (const l of result.lessons) {
      const hs = hashes.get(l.id) ?? new Set<string>();
      hs.add(l.contentHash);
      hashes.set(l.id, hs);
      for (const s of l.steps) {
        const k = key(l.id, s.id);
        if (colIndex.has(k)) continue;
        colIndex.set(k, columns.length);
        columns.push({
          lesson: l.id,
          lessonTitle: l.title,
          step: s.id,
          stepTitle: s.title,
          label: `${l.id.slice(0, 2)}.${s.index + 1}`,
        });
      }
    }
  }
  // Keep lesson order by id, steps in their lesson's order of first appearance.
  const order = columns
    .map((c, i) => ({ c, i }))
    .sort((a, b) => a.c.lesson.localeCompare(b.c.lesson) || a.i - b.i)
    .map((x) => x.c);
  columns.splice(0, columns.length, ...order);
  columns.forEach((c, i) => colIndex.set(key(c.lesson, c.step), i));

  const names = new Map<string, number>();
  for (const { result } of loaded) names.set(result.student, (names.get(result.student) ?? 0) + 1);
  const rowName = (i: number): string => {
    const { file, result } = loaded[i]!;
    return (names.get(result.student) ?? 0) > 1
      ? `${result.student} (${path.basename(file)})`
      : result.student;
  };
  const rows: Row[] = loaded
    .map(({ file, result }) => {
      const cells: (StepStatus | undefined)[] = columns.map(() => undefined);
      for (const l of result.lessons)
        for (const s of l.steps) cells[colIndex.get(key(l.id, s.id))!] = s.status;
      const twice = (names.get(result.student) ?? 0) > 1;
      return {
        student: twice ? `${result.student} (${path.basename(file)})` : result.student,
        file,
        cells,
        points: result.totals.points,
        possible: result.totals.possible,
        pass: result.totals.pass,
      };
    })
    .sort((a, b) => a.student.localeCompare(b.student));

  const struggles = columns
    .map((column, i) => ({
      column,
      failed: rows.filter((r) => r.cells[i] === 'fail').length,
      graded: rows.filter((r) => r.cells[i] === 'fail' || r.cells[i] === 'pass').length,
      i,
    }))
    .filter((s) => s.failed > 0)
    .sort((a, b) => b.failed - a.failed || b.failed / b.graded - a.failed / a.graded || a.i - b.i)
    .slice(0, top)
    .map(({ column, failed, graded }) => ({ column, failed, graded }));

  const counts = new Map<string, CommonFailure>();
  for (const { result } of loaded) {
    const mine = new Set<string>();
    for (const l of result.lessons)
      for (const s of l.steps)
        for (const c of s.checks) {
          if (c.status !== 'fail' && c.status !== 'waiting') continue;
          const k = `${l.id}\0${s.id}\0${c.id}\0${c.message}`;
          if (mine.has(k)) continue;
          mine.add(k);
          const f = counts.get(k) ?? {
            lesson: l.id,
            step: s.id,
            check: c.id,
            message: c.message,
            students: 0,
          };
          f.students++;
          counts.set(k, f);
        }
  }
  const failures = [...counts.values()]
    .sort(
      (a, b) =>
        b.students - a.students || key(a.lesson, a.step).localeCompare(key(b.lesson, b.step)),
    )
    .slice(0, top);

  const copies = copiedEvidence(loaded.map(({ result }, i) => ({ student: rowName(i), result })));
  const mixedVersions = [...hashes.entries()]
    .filter(([, hs]) => hs.size > 1)
    .map(([id]) => id)
    .sort();
  return { columns, rows, struggles, failures, mixedVersions, copies, bad: [...bad] };
}

// ── terminal ────────────────────────────────────────────────────────────────────────────────

export const GLYPH: Record<StepStatus, string> = { pass: '✔', fail: '✘', skipped: '-' };

/** Per column: students who passed the step, of those graded on it (`3/4`). */
export function columnTotals(report: ClassReport): string[] {
  return report.columns.map((_, i) => {
    const graded = report.rows.filter((r) => r.cells[i] === 'pass' || r.cells[i] === 'fail');
    return `${graded.filter((r) => r.cells[i] === 'pass').length}/${graded.length}`;
  });
}

export function percent(points: number, possible: number): string {
  return possible === 0 ? '-' : `${Math.round((points / possible) * 100)}%`;
}

export function formatClassTable(
  report: ClassReport,
  opts: { color?: boolean; nameWidth?: number } = {},
): string {
  const p = painter(opts.color ?? false);
  const out: string[] = [];
  if (report.rows.length === 0) {
    out.push(t('grade.report.noResults'));
    return `${out.join('\n')}\n`;
  }
  const cell = (s: StepStatus | undefined): string =>
    s === undefined
      ? p.dim('·')
      : s === 'pass'
        ? p.green(GLYPH.pass)
        : s === 'fail'
          ? p.red(GLYPH.fail)
          : p.yellow(GLYPH.skipped);
  const header = [
    t('grade.report.student'),
    ...report.columns.map((c) => c.label),
    t('grade.report.points'),
    '%',
  ];
  const rows = report.rows.map((r) => [
    truncate(oneLine(r.student), opts.nameWidth ?? 32),
    ...r.cells.map(cell),
    `${r.points}/${r.possible}`,
    percent(r.points, r.possible),
  ]);
  const n = report.columns.length;
  const foot = [p.dim(t('grade.report.passedRow')), ...columnTotals(report).map(p.dim), '', ''];
  table([header.map((h) => p.bold(h)), ...rows, foot], { right: [n + 1, n + 2] }).forEach((l) =>
    out.push(l),
  );

  out.push('');
  out.push(p.dim(t('grade.report.legend')));
  const legend = report.columns.map((c) => [
    `  ${c.label}`,
    `${c.lesson}/${c.step}`,
    oneLine(c.stepTitle),
  ]);
  for (const l of table(legend)) out.push(p.dim(l));

  if (report.struggles.length > 0) {
    out.push('');
    out.push(p.bold(t('grade.report.struggles')));
    const rs = report.struggles.map((s) => [
      `  ${s.column.label}`,
      `${s.column.lesson}/${s.column.step}`,
      t('grade.report.failedOf', { failed: s.failed, graded: s.graded }),
    ]);
    out.push(...table(rs));
  }
  if (report.failures.length > 0) {
    out.push('');
    out.push(p.bold(t('grade.report.messages')));
    // The count column is aligned by display width ("3×", "3 人").
    const counts = report.failures.map((f) => t('grade.report.students', { n: f.students }));
    const cw = Math.max(4, ...counts.map(width));
    report.failures.forEach((f, i) =>
      out.push(
        `  ${pad(counts[i] ?? '', cw, true)}  ${f.lesson}/${f.step} ${f.check}: ${oneLine(f.message)}`,
      ),
    );
  }
  for (const c of report.copies) {
    out.push('');
    out.push(
      p.yellow(
        t('grade.report.copied', {
          step: `${c.lesson}/${c.step}`,
          students: c.students.join(', '),
        }),
      ),
    );
  }
  if (report.mixedVersions.length > 0) {
    out.push('');
    out.push(p.yellow(t('grade.report.mixed', { lessons: report.mixedVersions.join(', ') })));
  }
  return `${out.join('\n')}\n`;
}

export { formatClassHtml, htmlEscape } from './class-report-html.js';
