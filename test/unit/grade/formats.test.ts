import fs from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { Parser } from 'tap-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { setLang } from '../../../src/i18n/index.js';
import {
  formatJson,
  formatJunit,
  formatTap,
  formatText,
  tapEscape,
  xmlEscape,
} from '../../../src/grade/formats.js';
import { gradeResultJsonSchema, type GradeResult } from '../../../src/grade/model.js';
import { allDone, RESULTS, sampleResult, SCHEMA_FILE } from './helpers.js';

beforeAll(() => setLang('en'));

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  ajv.addFormat('date-time', {
    validate: (s: string) => !Number.isNaN(Date.parse(s)) && /^\d{4}-\d\d-\d\dT/.test(s),
  });
  return ajv.compile(JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as object);
}

describe('JSON and its schema (schemas/grade-result.v1.json)', () => {
  it('the schema file in the repo is the one generated from the zod model', () => {
    const generated = `${JSON.stringify(gradeResultJsonSchema(), null, 2)}\n`;
    // DNLAB_UPDATE_SCHEMA=1 npx vitest run test/unit/grade rewrites it after a model change.
    if (process.env.DNLAB_UPDATE_SCHEMA) fs.writeFileSync(SCHEMA_FILE, generated);
    expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(generated);
  });

  it('real output validates against the schema (ajv, draft 2020-12)', async () => {
    const validate = validator();
    for (const r of [
      await sampleResult(),
      await sampleResult({ check: allDone, student: '王小明' }),
    ]) {
      const data = JSON.parse(formatJson(r)) as unknown;
      expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('the schema rejects what is not a result', async () => {
    const validate = validator();
    const r = JSON.parse(formatJson(await sampleResult())) as Record<string, unknown>;
    expect(validate({ ...r, version: 2 })).toBe(false);
    expect(validate({ ...r, totals: { points: 1 } })).toBe(false);
    const noStudent = { ...r };
    delete noStudent.student;
    expect(validate(noStudent)).toBe(false);
  });

  it('the good fixture results validate too', () => {
    const validate = validator();
    for (const f of ['alice.json', 'wang.json']) {
      expect(validate(JSON.parse(fs.readFileSync(`${RESULTS}/${f}`, 'utf8'))), f).toBe(true);
    }
  });
});

type Xml = Record<string, unknown>;
const list = <T>(x: T | T[] | undefined): T[] =>
  x === undefined ? [] : Array.isArray(x) ? x : [x];

describe('JUnit XML', () => {
  let result: GradeResult;
  let doc: Xml;
  beforeAll(async () => {
    result = await sampleResult();
    const xml = formatJunit(result);
    expect(XMLValidator.validate(xml)).toBe(true);
    doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as Xml;
  });

  it('testsuites > testsuite per lesson step > one testcase per check', () => {
    const root = doc.testsuites as Xml;
    const suites = list(root.testsuite as Xml[]);
    expect(suites.map((s) => s.name)).toEqual([
      '01-grade-basics/make-net',
      '01-grade-basics/run-web',
      '01-grade-basics/web-on-net',
    ]);
    const cases = suites.flatMap((s) => list(s.testcase as Xml[]));
    const checks = result.lessons.flatMap((l) => l.steps.flatMap((s) => s.checks));
    expect(cases).toHaveLength(checks.length);
    expect(root.tests).toBe(String(checks.length));
    expect(root.failures).toBe('1');
    expect(cases.map((c) => `${c.classname} ${c.name}`)).toEqual([
      '01-grade-basics.make-net appnet',
      '01-grade-basics.run-web web-running',
      '01-grade-basics.web-on-net web-running',
      '01-grade-basics.web-on-net web-on-appnet',
    ]);
  });

  it('a failing check has a failure with its message, and expected/seen/evidence in the body', () => {
    const suites = list((doc.testsuites as Xml).testsuite as Xml[]);
    const last = list(suites[2]!.testcase as Xml[])[1]!;
    const failure = last.failure as Xml;
    expect(failure.message).toBe('web-on-appnet: expected appnet, seen bridge (172.17.0.2)');
    expect(String(failure['#text'])).toContain('seen: bridge (172.17.0.2)');
    expect(String(failure['#text'])).toContain('evidence: container web');
    const props = list((suites[2]!.properties as Xml).property as Xml[]);
    const prop = (n: string) => props.find((p) => p.name === n)?.value;
    expect(prop('points')).toBe('0');
    expect(prop('possible')).toBe('3');
    expect(prop('lesson.contentHash')).toBe(result.lessons[0]!.contentHash);
    expect(prop('student')).toBe('alice');
  });

  it('escapes what XML forbids', () => {
    expect(xmlEscape('a<b & "c"\x01\nd')).toBe('a&lt;b &amp; &quot;c&quot;&#10;d');
  });
});

describe('TAP 14', () => {
  async function parse(tap: string) {
    const p = new Parser();
    const done = new Promise<Record<string, unknown>>((res) => p.on('complete', res));
    p.end(tap);
    return (await done) as {
      ok: boolean;
      count: number;
      pass: number;
      fail: number;
      skip: number;
      plan: { start: number; end: number };
      failures: { name: string; diag?: Record<string, unknown> }[];
    };
  }

  it('parses: the plan is the steps, counts match, failures carry their diagnostics', async () => {
    const tap = formatTap(await sampleResult());
    expect(tap.startsWith('TAP version 14\n')).toBe(true);
    const r = await parse(tap);
    expect(r.plan).toMatchObject({ start: 1, end: 3 });
    expect(r.count).toBe(3);
    expect(r.pass).toBe(2);
    expect(r.fail).toBe(1);
    expect(r.ok).toBe(false);
    expect(r.failures[0]!.name).toContain('01-grade-basics/web-on-net');
  });

  it('each step is a subtest with one test point per check', async () => {
    const tap = formatTap(await sampleResult());
    const p = new Parser();
    const subs: { name: string; count: number; fail: number; diag: unknown[] }[] = [];
    p.on('child', (child: Parser) => {
      const diag: unknown[] = [];
      child.on('assert', (a: { diag?: unknown }) => a.diag && diag.push(a.diag));
      child.on('complete', (res: { count: number; fail: number }) =>
        subs.push({ name: child.name, count: res.count, fail: res.fail, diag }),
      );
    });
    const done = new Promise((res) => p.on('complete', res));
    p.end(tap);
    await done;
    expect(subs.map((s) => [s.name, s.count, s.fail])).toEqual([
      ['01-grade-basics/make-net', 1, 0],
      ['01-grade-basics/run-web', 1, 0],
      ['01-grade-basics/web-on-net', 2, 1],
    ]);
    expect(subs[2]!.diag[0]).toMatchObject({
      expected: 'appnet',
      seen: 'bridge (172.17.0.2)',
      kind: 'container-on-network',
    });
  });

  it('all passing is ok', async () => {
    const r = await parse(formatTap(await sampleResult({ check: allDone })));
    expect(r).toMatchObject({ ok: true, count: 3, pass: 3, fail: 0 });
  });

  it('escapes # and backslashes in descriptions', () => {
    expect(tapEscape('a # b \\ c\nd')).toBe('a \\# b \\\\ c d');
  });
});

describe('text', () => {
  it('a table per lesson and step, failing checks with expected / seen, totals', async () => {
    const text = formatText(await sampleResult());
    expect(text).toContain('Grade for alice');
    expect(text).toMatch(/✔ 1 +make-net +Make a network +2\/2/);
    expect(text).toMatch(/✘ 3 +web-on-net +Put the web server on the network +0\/3/);
    expect(text).toContain('✘ web-on-appnet: web-on-appnet: expected appnet');
    expect(text).toContain('seen: bridge (172.17.0.2)');
    expect(text).toContain('Total: 3/6 points · 2 of 3 steps · 3 of 4 checks passed');
    expect(text).not.toContain('\x1b[');
    expect(formatText(await sampleResult(), { color: true })).toContain('\x1b[');
  });
});
