import { getLang, t } from '../i18n/index.js';
import { safeText } from '../text/safe.js';
import { GLYPH, columnTotals, percent, type ClassReport } from './class-report.js';

/** The class report as one HTML page (pure): no script, every text escaped. */

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
