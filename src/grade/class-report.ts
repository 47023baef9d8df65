import fs from 'node:fs';
import path from 'node:path';
import { getLang, t } from '../i18n/index.js';
import { GradeResultSchema, type GradeResult, type StepStatus } from './model.js';
import { safeDeep, safeText } from '../text/safe.js';
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

  const mixedVersions = [...hashes.entries()]
    .filter(([, hs]) => hs.size > 1)
    .map(([id]) => id)
    .sort();
  return { columns, rows, struggles, failures, mixedVersions, bad: [...bad] };
}

// ── terminal ────────────────────────────────────────────────────────────────────────────────

const GLYPH: Record<StepStatus, string> = { pass: '✔', fail: '✘', skipped: '-' };

/** Per column: students who passed the step, of those graded on it (`3/4`). */
export function columnTotals(report: ClassReport): string[] {
  return report.columns.map((_, i) => {
    const graded = report.rows.filter((r) => r.cells[i] === 'pass' || r.cells[i] === 'fail');
    return `${graded.filter((r) => r.cells[i] === 'pass').length}/${graded.length}`;
  });
}

function percent(points: number, possible: number): string {
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
  if (report.mixedVersions.length > 0) {
    out.push('');
    out.push(p.yellow(t('grade.report.mixed', { lessons: report.mixedVersions.join(', ') })));
  }
  return `${out.join('\n')}\n`;
}

// ── HTML ────────────────────────────────────────────────────────────────────────────────────

/** Text safe in HTML: markup escaped, control characters and escape sequences removed. */
export function htmlEscape(s: string): string {
  return safeText(s, { newlines: true, tabs: true })
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem;color:#1d1d1f;background:#fff}
h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:2rem 0 .5rem}
.meta{color:#666;margin:0 0 1rem}
table{border-collapse:collapse;margin:.5rem 0}
th,td{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f4f6;font-weight:600}
td.s{text-align:center;width:2.2em}
td.pass{background:#e3f6e8;color:#137333}td.fail{background:#fde7e7;color:#b3261e}
td.skipped{background:#fff6dd;color:#8a6100}td.none{color:#aaa}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.bar{display:inline-block;height:.7em;background:#d93025;border-radius:2px;vertical-align:middle}
.warn{background:#fff6dd;border:1px solid #f0d48a;padding:.5rem .75rem}
code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.92em}
@media (prefers-color-scheme:dark){body{background:#18181b;color:#e4e4e7}th{background:#27272a}th,td{border-color:#3f3f46}
td.pass{background:#12351f;color:#81c995}td.fail{background:#3c1618;color:#f28b82}td.skipped{background:#3a2f0b;color:#fdd663}.meta{color:#a1a1aa}.warn{background:#3a2f0b;border-color:#6b5514}}
`;

export function formatClassHtml(
  report: ClassReport,
  opts: { title?: string; generatedAt?: string } = {},
): string {
  const e = htmlEscape;
  const title = opts.title ?? t('grade.report.title');
  const h: string[] = [];
  h.push('<!DOCTYPE html>');
  h.push(`<html lang="${getLang()}"><head><meta charset="utf-8">`);
  h.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  h.push(`<title>${e(title)}</title><style>${CSS}</style></head><body>`);
  h.push(`<h1>${e(title)}</h1>`);
  const passed = report.rows.filter((r) => r.pass).length;
  h.push(
    `<p class="meta">${e(
      t('grade.report.summary', {
        students: report.rows.length,
        passed,
        steps: report.columns.length,
      }),
    )}${opts.generatedAt ? ` · ${e(opts.generatedAt)}` : ''}</p>`,
  );
  if (report.bad.length > 0) {
    h.push(
      `<div class="warn"><strong>${e(t('grade.report.skippedFiles', { n: report.bad.length }))}</strong><ul>`,
    );
    for (const b of report.bad) h.push(`<li><code>${e(b.file)}</code>: ${e(b.reason)}</li>`);
    h.push('</ul></div>');
  }
  if (report.mixedVersions.length > 0) {
    h.push(
      `<p class="warn">${e(t('grade.report.mixed', { lessons: report.mixedVersions.join(', ') }))}</p>`,
    );
  }

  h.push(`<h2>${e(t('grade.report.results'))}</h2>`);
  h.push('<table><thead><tr>');
  h.push(`<th>${e(t('grade.report.student'))}</th>`);
  for (const c of report.columns)
    h.push(`<th title="${e(`${c.lesson}/${c.step}: ${c.stepTitle}`)}">${e(c.label)}</th>`);
  h.push(`<th>${e(t('grade.report.points'))}</th><th>%</th></tr></thead><tbody>`);
  for (const r of report.rows) {
    h.push(`<tr><td title="${e(r.file)}">${e(r.student)}</td>`);
    for (const s of r.cells) {
      h.push(s === undefined ? '<td class="s none">·</td>' : `<td class="s ${s}">${GLYPH[s]}</td>`);
    }
    h.push(
      `<td class="num">${r.points}/${r.possible}</td><td class="num">${percent(r.points, r.possible)}</td></tr>`,
    );
  }
  h.push(`</tbody><tfoot><tr><th>${e(t('grade.report.passedRow'))}</th>`);
  for (const c of columnTotals(report)) h.push(`<td class="s">${e(c)}</td>`);
  h.push('<td></td><td></td></tr></tfoot></table>');

  h.push(`<h2>${e(t('grade.report.struggles'))}</h2>`);
  if (report.struggles.length === 0) h.push(`<p>${e(t('grade.report.noStruggles'))}</p>`);
  else {
    h.push(
      `<table><thead><tr><th>${e(t('grade.report.step'))}</th><th>${e(t('grade.report.title.step'))}</th><th>${e(t('grade.report.failed'))}</th><th></th></tr></thead><tbody>`,
    );
    for (const s of report.struggles) {
      const pct = s.graded === 0 ? 0 : Math.round((s.failed / s.graded) * 100);
      h.push(
        `<tr><td><code>${e(`${s.column.lesson}/${s.column.step}`)}</code></td><td>${e(s.column.stepTitle)}</td><td class="num">${e(
          t('grade.report.failedOf', { failed: s.failed, graded: s.graded }),
        )}</td><td><span class="bar" style="width:${pct * 1.5}px"></span></td></tr>`,
      );
    }
    h.push('</tbody></table>');
  }

  h.push(`<h2>${e(t('grade.report.messages'))}</h2>`);
  if (report.failures.length === 0) h.push(`<p>${e(t('grade.report.noFailures'))}</p>`);
  else {
    h.push(
      `<table><thead><tr><th>${e(t('grade.report.studentsHeader'))}</th><th>${e(t('grade.report.check'))}</th><th>${e(t('grade.report.message'))}</th></tr></thead><tbody>`,
    );
    for (const f of report.failures)
      h.push(
        `<tr><td class="num">${f.students}</td><td><code>${e(`${f.lesson}/${f.step} ${f.check}`)}</code></td><td>${e(f.message)}</td></tr>`,
      );
    h.push('</tbody></table>');
  }

  h.push(`<h2>${e(t('grade.report.legendTitle'))}</h2><table><tbody>`);
  for (const c of report.columns)
    h.push(
      `<tr><td>${e(c.label)}</td><td><code>${e(`${c.lesson}/${c.step}`)}</code></td><td>${e(c.stepTitle)}</td></tr>`,
    );
  h.push('</tbody></table>');
  h.push('</body></html>');
  return `${h.join('\n')}\n`;
}
