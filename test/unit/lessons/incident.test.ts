import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintLesson } from '../../../src/lessons/lint.js';
import { lessonsRoot, loadLesson } from '../../../src/lessons/load.js';
import { drawFor, fillData, fillText, paramNames } from '../../../src/lessons/seed.js';

const INCIDENTS = [
  '14-incident-name-lookup',
  '15-incident-published-port',
  '16-incident-no-way-out',
];
const dirOf = (id: string) => path.join(lessonsRoot(), id);

describe('seed → variant and params', () => {
  const params = { port: [8000, 8080, 9000], net: ['a', 'b', 'c'] };
  it('is deterministic', () => {
    expect(drawFor('alice', 'x', ['v1', 'v2'], params)).toEqual(
      drawFor('alice', 'x', ['v1', 'v2'], params),
    );
  });
  it('draws every variant and choice over many seeds', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 60; i++) {
      const d = drawFor(`s${i}`, 'x', ['v1', 'v2', 'v3'], params);
      seen.add(d.variant);
      seen.add(String(d.params.port));
    }
    expect([...seen].sort()).toEqual(['8000', '8080', '9000', 'v1', 'v2', 'v3']);
  });
  it("forces a variant, keeping the seed's params", () => {
    const d = drawFor('bob', 'x', ['v1', 'v2'], params);
    expect(drawFor('bob', 'x', ['v1', 'v2'], params, 'v2')).toEqual({ ...d, variant: 'v2' });
  });
  it('fills placeholders; a whole placeholder keeps its type; Go templates are left alone', () => {
    expect(
      fillData({ port: '{{port}}', run: 'x -p {{port}}:80 {{net}}' }, { port: 8080, net: 'a' }),
    ).toEqual({
      port: 8080,
      run: 'x -p 8080:80 a',
    });
    expect(fillText("-f '{{range .C}}{{.Name}}{{end}}' {{net}}", { net: 'n' })).toBe(
      "-f '{{range .C}}{{.Name}}{{end}}' n",
    );
    expect(paramNames('{{net}} {{end}} {{json .X}} {{ port }}')).toEqual(['net', 'port']);
  });
});

describe('incident lessons', () => {
  it.each(INCIDENTS)('%s: the same seed gives the same incident', (id) => {
    const a = loadLesson(dirOf(id), { lang: 'en', seed: 'student-7' });
    const b = loadLesson(dirOf(id), { lang: 'en', seed: 'student-7' });
    expect(a.incident?.variant).toBe(b.incident?.variant);
    expect(a.params).toEqual(b.params);
    expect(a.steps[0]?.checks).toEqual(b.steps[0]?.checks);
    expect(a.setup).toEqual(b.setup);
  });

  it.each(INCIDENTS)('%s: two seeds give different variants, params, texts and checks', (id) => {
    const first = loadLesson(dirOf(id), { lang: 'en', seed: 'seed-0' });
    let other = first;
    for (
      let i = 1;
      i < 50 &&
      (other.incident?.variant === first.incident?.variant ||
        JSON.stringify(other.params) === JSON.stringify(first.params));
      i++
    ) {
      other = loadLesson(dirOf(id), { lang: 'en', seed: `seed-${i}` });
    }
    expect(other.incident?.variant).not.toBe(first.incident?.variant);
    expect(other.params).not.toEqual(first.params);
    expect(other.steps[0]?.text).not.toBe(first.steps[0]?.text);
    expect(JSON.stringify(other.steps[0]?.checks)).not.toBe(JSON.stringify(first.steps[0]?.checks));
    expect(JSON.stringify(other.setup)).not.toBe(JSON.stringify(first.setup));
    // The texts and the checks say this learner's values, and no placeholder is left.
    for (const l of [first, other]) {
      const all = JSON.stringify([l.steps, l.setup, l.incident]);
      expect(all).not.toMatch(/\{\{\s*[a-z][a-zA-Z0-9_]*\s*\}\}/);
      for (const v of Object.values(l.params ?? {})) expect(all).toContain(String(v));
    }
  });

  it.each(INCIDENTS)(
    '%s: opens with the symptom, explains its own variant, in 简体中文 too',
    (id) => {
      for (const lang of ['en', 'zh-CN'] as const) {
        for (const variant of loadLesson(dirOf(id), { lang }).incident?.variants ?? []) {
          const l = loadLesson(dirOf(id), { lang, seed: 'x', variant });
          const step = l.steps[0];
          expect(l.incident?.variant).toBe(variant);
          expect(step?.text.startsWith(l.incident?.symptom ?? '?')).toBe(true);
          expect(step?.explain).toMatch(lang === 'en' ? /\*\*The fault:\*\*/ : /故障原因/);
          expect(step?.solution.length).toBeGreaterThan(0);
        }
      }
    },
  );

  it('has at least 10 variants in all', () => {
    const n = INCIDENTS.map(
      (id) => loadLesson(dirOf(id), { lang: 'en' }).incident?.variants.length ?? 0,
    );
    expect(n.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(10);
  });
});

describe('lint of incidents and params', () => {
  const copy = (edit: (yaml: string) => string, symptom?: string): string => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dnlab-incident-'));
    const dir = path.join(tmp, '14-incident-name-lookup');
    fs.cpSync(dirOf('14-incident-name-lookup'), dir, { recursive: true });
    const file = path.join(dir, 'lesson.yaml');
    fs.writeFileSync(file, edit(fs.readFileSync(file, 'utf8')));
    if (symptom) fs.writeFileSync(path.join(dir, 'steps/symptom.md'), symptom);
    return dir;
  };
  const messages = (dir: string) => lintLesson(dir).map((d) => `${d.field}: ${d.message}`);

  it('reports a placeholder without choices', () => {
    const dir = copy((y) =>
      y.replace("message: 'client cannot resolve", "message: '{{nope}} client cannot resolve"),
    );
    expect(messages(dir).join('\n')).toMatch(/placeholder \{\{nope\}\} has no choices/);
  });
  it('reports a param used nowhere', () => {
    const dir = copy((y) => y.replace('params:\n', 'params:\n  spare: [a, b]\n'));
    expect(messages(dir).join('\n')).toMatch(/param "spare" is used nowhere/);
  });
  it('reports a symptom that names a variant', () => {
    const dir = copy((y) => y, 'client is on the default bridge\n');
    expect(messages(dir).join('\n')).toMatch(/symptom names the variant "default-bridge"/);
  });
  it("reports a solution on an incident's step", () => {
    const dir = copy((y) =>
      y.replace(
        '    text: steps/01-diagnose.md\n',
        "    text: steps/01-diagnose.md\n    solution: [{ run: 'true' }]\n",
      ),
    );
    expect(messages(dir).join('\n')).toMatch(/has no solution of its own/);
  });
});
