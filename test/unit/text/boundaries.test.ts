import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { Parser } from 'tap-parser';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { setLang } from '../../../src/i18n/index.js';
import { formatJson, formatJunit, formatTap, formatText } from '../../../src/grade/formats.js';
import { buildClassReport, formatClassHtml, formatClassTable } from '../../../src/grade/class-report.js';
import type { GradeResult } from '../../../src/grade/model.js';
import { buildTopology, renderGraph, FORMATS } from '../../../src/topo/index.js';
import { sampleResult } from '../grade/helpers.js';
import { knownSetup } from '../topo/helpers.js';

beforeAll(() => setLang('en'));

/** OSC 52 (clipboard), clear screen, 8-bit CSI and OSC, a CR overwrite, DEL, a lone surrogate. */
const EVIL = '\x1b]52;c;cHduZWQ=\x07\x1b[2J\x9b31m\x9d0;title\x9c\rX\x7f\ud800\x1bP1$r\x1b\\';
/** Any byte a terminal acts on, newline aside. */
const CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f]/;

async function hostileResult(): Promise<GradeResult> {
  const r = await sampleResult({ student: `eve${EVIL}` });
  for (const l of r.lessons) {
    l.title += EVIL;
    for (const s of l.steps) {
      s.id += EVIL;
      s.title += EVIL;
      for (const c of s.checks) {
        c.id += EVIL;
        c.message = `bad ${EVIL} net\nline two`;
        c.seen = `seen${EVIL}`;
        c.evidence = [...c.evidence, `ev${EVIL}`];
      }
    }
  }
  return r;
}

describe('grade formats print no control character from a hostile result', () => {
  it('text, with and without colour (only its own SGR colours)', async () => {
    const r = await hostileResult();
    expect(CONTROL.test(formatText(r))).toBe(false);
    const coloured = formatText(r, { color: true }).replace(/\x1b\[\d+m/g, '');
    expect(CONTROL.test(coloured)).toBe(false);
    expect(formatText(r)).toContain('eve');
  });

  it('json keeps the exact values', async () => {
    const r = await hostileResult();
    const text = formatJson(r);
    expect(CONTROL.test(text)).toBe(false);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(r)));
  });

  it('junit is valid XML; DEL and C1 are character references with their exact value', async () => {
    const r = await hostileResult();
    const xml = formatJunit(r);
    expect(CONTROL.test(xml)).toBe(false);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('&#x9B;31m');
    const doc = new XMLParser({ ignoreAttributes: false }).parse(xml) as object;
    expect(JSON.stringify(doc)).toContain('eve');
  });

  it('tap parses, and its YAML diagnostics keep the exact message', async () => {
    const r = await hostileResult();
    const tap = formatTap(r);
    expect(CONTROL.test(tap)).toBe(false);
    const p = new Parser();
    const done = new Promise<{ ok: boolean; count: number }>((res) => p.on('complete', res));
    p.end(tap);
    expect((await done).count).toBeGreaterThan(0);
    const block = tap.split('\n');
    const start = block.findIndex((l) => l.trim() === '---');
    const end = block.findIndex((l, i) => i > start && l.trim() === '...');
    const diag = parseYaml(block.slice(start + 1, end).map((l) => l.slice(6)).join('\n')) as { message: string };
    const failing = r.lessons[0]!.steps.flatMap((s) => s.checks).find((c) => c.status !== 'pass')!;
    expect(diag.message).toBe(failing.message);
  });
});

describe('class report', () => {
  it('table and HTML keep no control character from students\' files', async () => {
    const r = await hostileResult();
    const report = buildClassReport([{ file: `eve${EVIL}.json`, result: r }], [
      { file: `bad${EVIL}.json`, reason: `not JSON ${EVIL}` },
    ]);
    expect(CONTROL.test(formatClassTable(report))).toBe(false);
    const html = formatClassHtml(report, { title: `T${EVIL}` });
    expect(CONTROL.test(html.replace(/<style>[\s\S]*<\/style>/, ''))).toBe(false);
    expect(html).not.toContain('\x1b');
  });
});

describe('topo', () => {
  it('no format prints an ESC from a network or container name; json keeps it escaped', () => {
    const { facts, topology } = knownSetup();
    const text = JSON.stringify(facts).replace(/"(front|api)"/g, (_, n: string) => JSON.stringify(`${n}${EVIL}`));
    const hostile = JSON.parse(text) as typeof facts;
    const g = buildTopology(hostile, topology);
    expect(JSON.stringify(g)).toContain('\\u001b]52');
    for (const format of FORMATS) {
      const out = renderGraph(g, format, { width: 80 });
      expect(CONTROL.test(out), format).toBe(false);
      expect(out, format).toContain('front');
    }
    expect(JSON.parse(renderGraph(g, 'json'))).toEqual(JSON.parse(JSON.stringify(g)));
  });
});
