import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getChecker, registerChecker } from '../../../src/checks/registry.js';
import { setLang } from '../../../src/i18n/index.js';
import { lintLesson } from '../../../src/lessons/lint.js';
import { loadLesson } from '../../../src/lessons/load.js';
import { ScaffoldError, scaffoldLesson, titleFromId } from '../../../src/lessons/scaffold.js';
import { containerRunning } from './checkers.js';

// The real container-running checker when the registry has it; the stand-in otherwise.
beforeAll(() => {
  setLang('en');
  if (!getChecker('container-running')) registerChecker(containerRunning);
});

const tmps: string[] = [];
function tmpRoot(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'dnlab-scaffold-'));
  tmps.push(d);
  return d;
}
afterEach(() => {
  for (const d of tmps.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('scaffoldLesson', () => {
  it('writes a one-step lesson that lints clean (no errors, no warnings) and loads', () => {
    const root = tmpRoot();
    const r = scaffoldLesson(root, '10-port-publishing');
    expect(r.dir).toBe(path.join(root, '10-port-publishing'));
    expect(r.files).toEqual(['lesson.yaml', 'steps/01-start-web.md', 'steps/01-explain.md']);
    for (const f of r.files) expect(fs.existsSync(path.join(r.dir, f))).toBe(true);
    expect(lintLesson(r.dir)).toEqual([]);
    const l = loadLesson(r.dir, { lang: 'en' });
    expect(l.title).toBe('Port publishing');
    expect(l.steps).toHaveLength(1);
    const s = l.steps[0]!;
    expect(s.checks).toMatchObject([{ kind: 'container-running', id: 'web-running' }]);
    expect(s.hints.length).toBeGreaterThan(0);
    expect(s.solution).toEqual([
      { host: 'host1', run: 'docker run -d --name web dnlab/busybox httpd -f -p 80' },
    ]);
    expect(s.wrong).toEqual([
      {
        run: [{ host: 'host1', run: 'docker create --name web dnlab/busybox httpd -f -p 80' }],
        fails: 'web-running',
        says: 'web',
      },
    ]);
    expect(s.explain).toContain('docker run -d');
  });

  it('keeps any title intact (quotes, colons, CJK)', () => {
    const root = tmpRoot();
    const title = 'Ports: "-p" and 端口映射 # not a comment';
    const r = scaffoldLesson(root, '11-ports', { title });
    expect(lintLesson(r.dir)).toEqual([]);
    expect(loadLesson(r.dir).title).toBe(title);
  });

  it('refuses to overwrite, and leaves the existing folder untouched', () => {
    const root = tmpRoot();
    const r = scaffoldLesson(root, '10-port-publishing');
    fs.writeFileSync(path.join(r.dir, 'lesson.yaml'), 'mine');
    expect(() => scaffoldLesson(root, '10-port-publishing')).toThrow(ScaffoldError);
    expect(fs.readFileSync(path.join(r.dir, 'lesson.yaml'), 'utf8')).toBe('mine');
  });

  it('validates the id: NN-slug', () => {
    const root = tmpRoot();
    for (const bad of [
      'port-publishing',
      '1-x',
      '10_x',
      '10-X',
      '10-',
      '10-a--b',
      '../10-x',
      '10-x/y',
    ]) {
      expect(() => scaffoldLesson(root, bad), bad).toThrow(ScaffoldError);
    }
    expect(fs.readdirSync(root)).toEqual([]);
  });

  it('titleFromId', () => {
    expect(titleFromId('02-docker0')).toBe('Docker0');
    expect(titleFromId('03-veth-pairs')).toBe('Veth pairs');
  });
});

describe('scaffold output and Prettier', () => {
  it('is formatted as the repository formats YAML and markdown (npm run lint stays green)', async () => {
    const prettier = await import('prettier');
    const root = tmpRoot();
    const r = scaffoldLesson(root, '10-port-publishing', { title: "It's a title: yes" });
    const config = (await prettier.resolveConfig(path.join(process.cwd(), 'package.json'))) ?? {};
    for (const f of r.files) {
      const file = path.join(r.dir, f);
      const ok = await prettier.check(fs.readFileSync(file, 'utf8'), { ...config, filepath: file });
      expect(ok, f).toBe(true);
    }
  });
});
