import { Document, visit } from 'yaml';
import { safeDeep, safeJson } from '../text/safe.js';
import { t } from '../i18n/index.js';
import type { GradedCheck, GradedStep, GradeResult } from './model.js';
import { oneLine, painter, table } from './table.js';

/**
 * The report formats of a grade result. Each is a pure function of the result: text (a table to
 * read), json (schemas/grade-result.v1.json), junit (one testcase per check, one testsuite per
 * lesson step) and tap (TAP version 14: a subtest per step, a test point per check).
 */

export const FORMATS = ['text', 'json', 'junit', 'tap'] as const;
export type Format = (typeof FORMATS)[number];

export function formatResult(
  result: GradeResult,
  format: Format,
  opts: { color?: boolean } = {},
): string {
  switch (format) {
    case 'json':
      return formatJson(result);
    case 'junit':
      return formatJunit(result);
    case 'tap':
      return formatTap(result);
    default:
      return formatText(result, opts);
  }
}

// ── JSON ────────────────────────────────────────────────────────────────────────────────────

export function formatJson(result: GradeResult): string {
  return `${safeJson(result, 2)}\n`;
}

// ── text ────────────────────────────────────────────────────────────────────────────────────

const MARK: Record<GradedCheck['status'] | GradedStep['status'], string> = {
  pass: '✔',
  fail: '✘',
  waiting: '…',
  skipped: '-',
};

export function formatText(raw: GradeResult, opts: { color?: boolean } = {}): string {
  // Ids, names and messages come from the lab and from lesson files: no escape reaches the terminal.
  const result = safeDeep(raw);
  const p = painter(opts.color ?? false);
  const mark = (s: keyof typeof MARK): string =>
    s === 'pass'
      ? p.green(MARK[s])
      : s === 'skipped' || s === 'waiting'
        ? p.yellow(MARK[s])
        : p.red(MARK[s]);
  const out: string[] = [];
  out.push(
    p.bold(t('grade.text.header', { student: result.student })) +
      p.dim(`  ${result.startedAt} → ${result.finishedAt}`),
  );
  out.push(
    p.dim(
      t('grade.text.about', {
        version: result.dnlab.version,
        hosts: result.lab.hosts.join(', '),
      }) +
        (result.workshop ? ` · ${t('grade.text.workshop', { title: result.workshop.title })}` : ''),
    ),
  );
  out.push('');
  // One table for every step (columns line up across lessons); a heading line per lesson.
  const rows: string[][] = [];
  const before = new Map<number, string>();
  const after = new Map<number, string[]>();
  for (const lesson of result.lessons) {
    before.set(
      rows.length,
      p.bold(`${lesson.id}  ${lesson.title}  ${lesson.points}/${lesson.possible}`),
    );
    for (const s of lesson.steps) {
      const pts = s.status === 'skipped' ? t('grade.text.skipped') : `${s.points}/${s.possible}`;
      rows.push([`  ${mark(s.status)} ${s.index + 1}`, s.id, s.title, pts]);
      if (s.status === 'pass') continue;
      const lines: string[] = [];
      for (const c of s.checks) {
        if (c.status === 'pass') continue;
        lines.push(`      ${mark(c.status)} ${c.id}: ${oneLine(c.message)}`);
        const es = [
          c.expected !== undefined ? t('grade.text.expected', { value: oneLine(c.expected) }) : '',
          c.seen !== undefined ? t('grade.text.seen', { value: oneLine(c.seen) }) : '',
        ].filter(Boolean);
        if (es.length) lines.push(p.dim(`        ${es.join(' · ')}`));
        for (const e of c.evidence) lines.push(p.dim(`        ${oneLine(e)}`));
      }
      after.set(rows.length - 1, lines);
    }
  }
  table(rows, { right: [3] }).forEach((line, i) => {
    const head = before.get(i);
    if (head !== undefined) out.push(...(i > 0 ? [''] : []), head);
    out.push(line);
    out.push(...(after.get(i) ?? []));
  });
  const tt = result.totals;
  out.push('');
  const summary = t('grade.text.total', {
    points: tt.points,
    possible: tt.possible,
    stepsPassed: tt.stepsPassed,
    steps: tt.steps,
    checksPassed: tt.checksPassed,
    checks: tt.checks,
  });
  const skipped =
    tt.stepsSkipped > 0 ? ` · ${t('grade.text.stepsSkipped', { n: tt.stepsSkipped })}` : '';
  out.push(`${tt.pass ? p.green(MARK.pass) : p.red(MARK.fail)} ${p.bold(summary)}${skipped}`);
  return `${out.join('\n')}\n`;
}

// ── JUnit XML ───────────────────────────────────────────────────────────────────────────────

/**
 * Text safe inside an XML attribute or element: characters XML 1.0 forbids (most C0, lone
 * surrogates, U+FFFE/U+FFFF) are dropped; CR, tab, DEL and C1 are written as character
 * references, so the value is exact and no control byte reaches a terminal that shows the file.
 */
export function xmlEscape(s: string): string {
  return s
    .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/[\t\r\x7f-\x9f\u2028\u2029]/g, (c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`)
    .replace(/\n/g, '&#10;');
}

/** Element text: like attributes, but newlines stay newlines. */
function xmlText(s: string): string {
  return xmlEscape(s).replace(/&#10;/g, '\n');
}

const secs = (ms: number) => (ms / 1000).toFixed(3);

function attrs(a: Record<string, string | number>): string {
  return Object.entries(a)
    .map(([k, v]) => ` ${k}="${xmlEscape(String(v))}"`)
    .join('');
}

/** expected / seen / evidence, one per line: the body of a failure and of system-out. */
export function checkDetails(c: GradedCheck): string {
  return [
    ...(c.expected !== undefined ? [`expected: ${c.expected}`] : []),
    ...(c.seen !== undefined ? [`seen: ${c.seen}`] : []),
    ...(c.waitingOn !== undefined ? [`waiting on: ${c.waitingOn}`] : []),
    ...(c.detail !== undefined ? [`detail: ${c.detail}`] : []),
    ...c.evidence.map((e) => `evidence: ${e}`),
  ].join('\n');
}

export function formatJunit(result: GradeResult): string {
  const steps = result.lessons.flatMap((l) => l.steps.map((s) => ({ lesson: l, step: s })));
  const all = steps.flatMap((x) => x.step.checks);
  const failures = all.filter((c) => c.status === 'fail' || c.status === 'waiting').length;
  const skipped = all.filter((c) => c.status === 'skipped').length;
  const ms = Date.parse(result.finishedAt) - Date.parse(result.startedAt);
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(
    `<testsuites${attrs({
      name: `dnlab grade: ${result.student}`,
      tests: all.length,
      failures,
      errors: 0,
      skipped,
      time: secs(Math.max(0, ms)),
      timestamp: result.startedAt,
    })}>`,
  );
  for (const { lesson, step } of steps) {
    const f = step.checks.filter((c) => c.status === 'fail' || c.status === 'waiting').length;
    const sk = step.checks.filter((c) => c.status === 'skipped').length;
    out.push(
      `  <testsuite${attrs({
        name: `${lesson.id}/${step.id}`,
        tests: step.checks.length,
        failures: f,
        errors: 0,
        skipped: sk,
        time: secs(step.ms),
        timestamp: result.startedAt,
      })}>`,
    );
    out.push('    <properties>');
    const props: [string, string | number][] = [
      ['student', result.student],
      ['dnlab.version', result.dnlab.version],
      ['lesson', lesson.id],
      ['lesson.title', lesson.title],
      ['lesson.contentHash', lesson.contentHash],
      ['step', step.id],
      ['step.title', step.title],
      ['step.status', step.status],
      ['points', step.points],
      ['possible', step.possible],
      ['lab.hosts', result.lab.hosts.join(',')],
    ];
    for (const [name, value] of props) out.push(`      <property${attrs({ name, value })}/>`);
    out.push('    </properties>');
    for (const c of step.checks) {
      const head = `    <testcase${attrs({ classname: `${lesson.id}.${step.id}`, name: c.id })}`;
      const details = checkDetails(c);
      if (c.status === 'pass') {
        out.push(
          details
            ? `${head}>\n      <system-out>${xmlText(details)}</system-out>\n    </testcase>`
            : `${head}/>`,
        );
      } else if (c.status === 'skipped') {
        out.push(
          `${head}>\n      <skipped${attrs({ message: c.skipped ?? c.message })}/>\n    </testcase>`,
        );
      } else {
        out.push(
          `${head}>\n      <failure${attrs({ message: c.message, type: c.status === 'waiting' ? 'waiting' : c.kind })}>${xmlText(details)}</failure>\n    </testcase>`,
        );
      }
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

// ── TAP 14 ──────────────────────────────────────────────────────────────────────────────────

/** A test point description: one line, `#` and `\` escaped as TAP 14 asks. */
export function tapEscape(s: string): string {
  return oneLine(s).replace(/\\/g, '\\\\').replace(/#/g, '\\#');
}

/** Characters YAML would print raw: forced into double quotes, where they are written as escapes. */
const YAML_RAW = /[\x7f-\x9f\u2028\u2029]/;

function yamlBlock(data: Record<string, unknown>, indent: string): string[] {
  const doc = new Document(data);
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && YAML_RAW.test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  const text = doc
    .toString({ lineWidth: 0 })
    .replace(new RegExp(YAML_RAW.source, 'g'), (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const body = text.trimEnd().split('\n');
  return [`${indent}  ---`, ...body.map((l) => `${indent}  ${l}`), `${indent}  ...`];
}

function checkDiag(c: GradedCheck): Record<string, unknown> {
  return {
    message: c.message,
    kind: c.kind,
    status: c.status,
    ...(c.expected !== undefined ? { expected: c.expected } : {}),
    ...(c.seen !== undefined ? { seen: c.seen } : {}),
    ...(c.waitingOn !== undefined ? { waitingOn: c.waitingOn } : {}),
    ...(c.detail !== undefined ? { detail: c.detail } : {}),
    evidence: c.evidence,
  };
}

export function formatTap(result: GradeResult): string {
  const steps = result.lessons.flatMap((l) => l.steps.map((s) => ({ lesson: l, step: s })));
  const tt = result.totals;
  const out: string[] = ['TAP version 14'];
  out.push(
    `# dnlab ${result.dnlab.version} grade · ${tapEscape(result.student)} · ${result.startedAt}`,
  );
  out.push(`1..${steps.length}`);
  steps.forEach(({ lesson, step }, i) => {
    const name = `${lesson.id}/${step.id}`;
    out.push(`# Subtest: ${tapEscape(name)}`);
    out.push(`    1..${step.checks.length}`);
    step.checks.forEach((c, j) => {
      const desc = `${tapEscape(c.id)}: ${tapEscape(c.message)}`;
      if (c.status === 'pass') out.push(`    ok ${j + 1} - ${desc}`);
      else if (c.status === 'skipped')
        out.push(`    ok ${j + 1} - ${desc} # SKIP ${tapEscape(c.skipped ?? c.message)}`);
      else {
        out.push(`    not ok ${j + 1} - ${desc}`);
        out.push(...yamlBlock(checkDiag(c), '    '));
      }
    });
    const desc = `${tapEscape(name)}: ${tapEscape(step.title)} (${step.points}/${step.possible})`;
    if (step.status === 'pass') out.push(`ok ${i + 1} - ${desc}`);
    else if (step.status === 'skipped') {
      const why = step.checks.find((c) => c.status === 'skipped')?.skipped ?? '';
      out.push(`ok ${i + 1} - ${desc} # SKIP ${tapEscape(why)}`);
    } else {
      out.push(`not ok ${i + 1} - ${desc}`);
      out.push(
        ...yamlBlock(
          {
            points: step.points,
            possible: step.possible,
            lesson: lesson.id,
            contentHash: lesson.contentHash,
          },
          '',
        ),
      );
    }
  });
  out.push(
    `# ${t('grade.text.total', {
      points: tt.points,
      possible: tt.possible,
      stepsPassed: tt.stepsPassed,
      steps: tt.steps,
      checksPassed: tt.checksPassed,
      checks: tt.checks,
    })}`,
  );
  return `${out.join('\n')}\n`;
}
