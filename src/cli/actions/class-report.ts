import fs from 'node:fs';
import path from 'node:path';
import { t } from '../../i18n/index.js';
import {
  buildClassReport,
  formatClassHtml,
  formatClassTable,
  readResults,
} from '../../grade/class-report.js';
import { safeText } from '../../text/safe.js';
import { colorsEnabled, yellow } from '../output.js';

/** `dnlab class-report FILES… [--html FILE]`: the table on stdout, bad files named on stderr. */
export function runClassReport(files: string[], opts: { html?: string; title?: string }): number {
  const { results, bad } = readResults(files);
  for (const b of bad)
    process.stderr.write(
      `${yellow(t('grade.report.skippedFile', { file: safeText(b.file), reason: safeText(b.reason) }))}\n`,
    );
  const report = buildClassReport(results, bad);
  process.stdout.write(formatClassTable(report, { color: colorsEnabled() }));
  if (opts.html) {
    const html = formatClassHtml(report, {
      title: opts.title,
      generatedAt: new Date().toISOString(),
    });
    fs.mkdirSync(path.dirname(path.resolve(opts.html)), { recursive: true });
    fs.writeFileSync(opts.html, html);
    process.stderr.write(`${t('grade.report.written', { file: safeText(opts.html) })}\n`);
  }
  return results.length > 0 ? 0 : 1;
}
