import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { setLang } from '../../../src/i18n/index.js';
import {
  buildClassReport,
  formatClassHtml,
  formatClassTable,
  parseResult,
  readResults,
} from '../../../src/grade/class-report.js';
import { width } from '../../../src/grade/table.js';
import { formatJson } from '../../../src/grade/formats.js';
import { allDone, RESULTS, sampleResult } from './helpers.js';

beforeAll(() => setLang('en'));

const files = ['alice.json', 'broken.json', 'wang.json'].map((f) => path.join(RESULTS, f));

describe('class report over three results, one malformed', () => {
  it('reads the two good ones and names the bad file with its reason', () => {
    const { results, bad } = readResults(files);
    expect(results.map((r) => r.result.student)).toEqual(['alice', '王小明']);
    expect(bad).toHaveLength(1);
    expect(bad[0]!.file).toBe(files[1]);
    expect(bad[0]!.reason).toMatch(/^not JSON/);
  });

  it('a missing file and a JSON file that is not a result are reported, not fatal', () => {
    const { results, bad } = readResults([...files, path.join(RESULTS, 'nope.json')]);
    expect(results).toHaveLength(2);
    expect(bad.map((b) => path.basename(b.file))).toEqual(['broken.json', 'nope.json']);
    const p = parseResult('{"format":"dnlab-grade-result","version":1}');
    expect(p.ok).toBe(false);
    expect(!p.ok && p.reason).toMatch(/not a dnlab grade result.*student/);
  });

  it('the table: student × step, totals, where the class struggled', () => {
    const { results, bad } = readResults(files);
    const report = buildClassReport(results, bad);
    expect(report.columns.map((c) => c.label)).toEqual(['01.1', '01.2', '01.3']);
    expect(report.rows.map((r) => [r.student, r.cells, r.points, r.possible])).toEqual([
      ['alice', ['pass', 'pass', 'pass'], 6, 6],
      ['王小明', ['pass', 'pass', 'fail'], 3, 6],
    ]);
    expect(report.struggles).toEqual([{ column: report.columns[2], failed: 1, graded: 2 }]);
    expect(report.failures[0]).toMatchObject({
      step: 'web-on-net',
      check: 'web-on-appnet',
      students: 1,
    });

    const text = formatClassTable(report);
    const lines = text.split('\n');
    const alice = lines.find((l) => l.startsWith('alice'))!;
    const wang = lines.find((l) => l.startsWith('王小明'))!;
    expect(alice).toMatch(/✔ +✔ +✔ +6\/6 +100%$/);
    expect(wang).toMatch(/✔ +✔ +✘ +3\/6 +50%$/);
    // Columns line up by display width: 王小明 is 6 columns wide, not 3 characters.
    expect(width(alice)).toBe(width(wang));
    expect(alice.indexOf('✔')).toBe(wang.indexOf('✔') + 3);
    expect(text).toMatch(/\npassed +2\/2 +2\/2 +1\/2\n/);
    expect(text).toContain('01.3  01-grade-basics/web-on-net');
    expect(text).toContain('Where the class struggled');
    expect(text).toMatch(/01\.3 +01-grade-basics\/web-on-net +1 of 2 failed/);
    expect(text).toContain('web is not on appnet');
  });

  it('one self-contained HTML page: the table, the struggles, the common failures, the skipped file', () => {
    const { results, bad } = readResults(files);
    const html = formatClassHtml(buildClassReport(results, bad), {
      generatedAt: '2025-03-01T10:00:00Z',
    });
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<style>');
    // Nothing loaded from elsewhere: no external scripts, styles, images, fonts or links.
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|src=|href=/i);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain('王小明');
    expect(html).toContain('<td class="s fail">✘</td>');
    expect(html).toContain('Where the class struggled');
    expect(html).toContain('Most common failing checks');
    expect(html).toContain('web is not on appnet');
    expect(html).toContain('broken.json');
  });

  it('escapes what students and lessons write', async () => {
    const r = await sampleResult({ student: '<b>eve</b> & "co"' });
    const p = parseResult(formatJson(r));
    expect(p.ok).toBe(true);
    const html = formatClassHtml(
      buildClassReport([{ file: 'eve.json', result: p.ok ? p.result : r }]),
    );
    expect(html).toContain('&lt;b&gt;eve&lt;/b&gt; &amp; &quot;co&quot;');
    expect(html).not.toContain('<b>eve');
  });

  it('two results of one student are both kept, told apart by file; differing content hashes are flagged', async () => {
    const a = await sampleResult({ student: 'sam', check: allDone });
    const b = await sampleResult({ student: 'sam' });
    b.lessons[0]!.contentHash = 'f'.repeat(64);
    const report = buildClassReport([
      { file: 'x/sam-1.json', result: a },
      { file: 'x/sam-2.json', result: b },
    ]);
    expect(report.rows.map((r) => r.student)).toEqual(['sam (sam-1.json)', 'sam (sam-2.json)']);
    expect(report.mixedVersions).toEqual(['01-grade-basics']);
    expect(formatClassTable(report)).toContain('different versions');
  });

  it('no results at all says so', () => {
    expect(formatClassTable(buildClassReport([], []))).toContain('No grade results');
  });
});
