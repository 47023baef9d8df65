import stringWidth from 'string-width';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  buildClassReport,
  formatClassHtml,
  formatClassTable,
  type LoadedResult,
} from '../../../src/grade/class-report.js';
import { formatText } from '../../../src/grade/formats.js';
import type { GradeResult } from '../../../src/grade/model.js';
import { pad, table, truncate } from '../../../src/grade/table.js';
import { setLang } from '../../../src/i18n/index.js';
import { allDone, sampleResult } from './helpers.js';

/** Issue #9: in zh-CN the class report and the grade table line up by display width (CJK = 2). */

const TITLES = ['创建网络', '运行 web 服务器', '把 web 服务器接入网络 appnet'];

/** A result whose lesson and step titles are Chinese, as a zh-CN lesson gives them. */
async function chinese(student: string, done = false): Promise<GradeResult> {
  const r = await sampleResult(done ? { student, check: allDone } : { student });
  const lesson = r.lessons[0]!;
  lesson.title = '第一课：评分基础';
  lesson.steps.forEach((s, i) => (s.title = TITLES[i] ?? s.title));
  return r;
}

/** The display column where `needle` starts in `line`. */
function columnOf(line: string, needle: string): number {
  const i = line.indexOf(needle);
  expect(i).toBeGreaterThanOrEqual(0);
  return stringWidth(line.slice(0, i));
}

beforeEach(() => setLang('zh-CN'));
afterEach(() => setLang('en'));

describe('class report in zh-CN', () => {
  async function report(nameWidth?: number) {
    const loaded: LoadedResult[] = [
      { file: 'a.json', result: await chinese('王小明') },
      { file: 'b.json', result: await chinese('alice', true) },
      { file: 'c.json', result: await chinese('欧阳娜娜（二班）', true) },
      { file: 'd.json', result: await chinese('Zoë 李') },
    ];
    const r = buildClassReport(loaded);
    return { r, text: formatClassTable(r, nameWidth === undefined ? {} : { nameWidth }) };
  }

  it('Chinese headers and names: every row of the table has the same display width', async () => {
    const { r, text } = await report();
    const lines = text.split('\n');
    const header = lines[0]!;
    expect(header).toMatch(/^学员 +01\.1 +01\.2 +01\.3 +得分 +%$/);
    const rows = r.rows.map((row) => lines.find((l) => l.startsWith(row.student))!);
    expect(rows).toHaveLength(4);
    const widths = [header, ...rows].map((l) => stringWidth(l));
    expect(new Set(widths).size).toBe(1);
    // The step columns start at the same display column on every row (not the same index).
    const col = columnOf(header, '01.1');
    for (const row of rows) expect(columnOf(row, '✔')).toBe(col);
    expect(text).toMatch(/\n通过 +4\/4 +4\/4 +2\/4\n/);
    expect(text).toContain('班级的难点');
    expect(text).toContain('4 人中 2 人未通过');
    expect(text).toContain('把 web 服务器接入网络 appnet');
  });

  it('a name cut to the name column never halves a wide character, and the rows still line up', async () => {
    const { r, text } = await report(7);
    const lines = text.split('\n');
    const header = lines[0]!;
    const rows = lines.slice(1, 1 + r.rows.length);
    for (const l of rows) expect(l).not.toContain('\uFFFD');
    expect(rows.some((l) => l.startsWith('欧阳娜…'))).toBe(true);
    expect(new Set([header, ...rows].map((l) => stringWidth(l))).size).toBe(1);
  });

  it('the most common failing checks: the count column is padded by display width', async () => {
    const { text } = await report();
    const line = text
      .split('\n')
      .find((l) => l.includes('01-grade-basics/web-on-net web-on-appnet'));
    expect(line).toBeDefined();
    expect(line).toMatch(/^ {2} {0,2}2 人 {2}01-grade-basics/);
    expect(columnOf(line!, '01-grade-basics')).toBe(2 + 4 + 2);
  });

  it('the HTML page says it is Chinese', async () => {
    const { r } = await report();
    const html = formatClassHtml(r);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<title>dnlab 班级报告</title>');
  });
});

describe('grade text output in zh-CN', () => {
  it('Chinese step titles: the points column lines up; expected/seen are labelled 期望/实际', async () => {
    const text = formatText(await chinese('王小明'));
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^王小明 的评分/);
    const steps = lines.filter((l) => /^ {2}[✔✘…-] \d/.test(l));
    expect(steps).toHaveLength(3);
    expect(new Set(steps.map((l) => stringWidth(l))).size).toBe(1);
    expect(steps.map((l) => l.trimStart().slice(0, 1))).toEqual(['✔', '✔', '✘']);
    expect(steps[2]).toMatch(/把 web 服务器接入网络 appnet +0\/3$/);
    expect(text).toContain('期望：appnet');
    expect(text).toContain('实际：bridge (172.17.0.2)');
    expect(text).toMatch(/总计：\d+\/\d+ 分/);
  });
});

describe('display-width helpers', () => {
  it('truncate cuts between graphemes, never inside a wide character or an emoji sequence', () => {
    expect(truncate('王小明王小明', 6)).toBe('王小…');
    expect(stringWidth(truncate('王小明王小明', 6))).toBeLessThanOrEqual(6);
    expect(truncate('王小明王小明', 7)).toBe('王小明…');
    expect(truncate('ab王', 3)).toBe('ab…');
    const family = '👩‍👩‍👧';
    expect(truncate(`${family}${family}${family}`, 5)).toBe(`${family}${family}…`);
    expect(truncate('王小明', 6)).toBe('王小明');
    for (let w = 1; w <= 12; w++)
      expect(stringWidth(truncate('欧阳娜娜 and 王小明', w))).toBeLessThanOrEqual(w);
  });

  it('pad and table align by display columns', () => {
    expect(pad('王', 4)).toBe('王  ');
    expect(pad('王', 4, true)).toBe('  王');
    const lines = table([
      ['王小明', '3/6'],
      ['alice', '6/6'],
    ]);
    expect(stringWidth(lines[0]!)).toBe(stringWidth(lines[1]!));
  });
});
