import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { setLang } from '../../../src/i18n/index.js';
import { formatDiagnostic } from '../../../src/lessons/diagnostics.js';
import { LintPathError, lintLesson, lintPath } from '../../../src/lessons/lint.js';
import { registerTestCheckers } from './checkers.js';
import { BAD, FIXTURES, GOOD, where } from './helpers.js';

beforeAll(() => {
  setLang('en');
  registerTestCheckers();
});

const lint = (name: string) => lintLesson(path.join(BAD, name));

describe('lintLesson: each kind of error at its file:line:col: field', () => {
  it('bad field types, a bad id, an unknown field, a wrong union member', () => {
    const ds = lint('10-bad-types');
    expect(ds.map(where)).toEqual([
      'bad/10-bad-types/lesson.yaml:2:8: title',
      'bad/10-bad-types/lesson.yaml:3:10: summary',
      'bad/10-bad-types/lesson.yaml:4:10: minutes',
      'bad/10-bad-types/lesson.yaml:5:8: hosts',
      'bad/10-bad-types/lesson.yaml:6:1: hint',
      'bad/10-bad-types/lesson.yaml:8:9: steps.0.id',
      'bad/10-bad-types/lesson.yaml:9:17: steps.0.title.en',
      'bad/10-bad-types/lesson.yaml:9:20: steps.0.title.zh',
      'bad/10-bad-types/lesson.yaml:10:11: steps.0.text',
      'bad/10-bad-types/lesson.yaml:11:13: steps.0.points',
      'bad/10-bad-types/lesson.yaml:15:15: steps.0.solution',
      'bad/10-bad-types/lesson.yaml:18:22: steps.0.features.1',
    ]);
    const msg = ds.map((d) => d.message);
    expect(msg[0]).toBe(
      'expected a text: a string, or {en: "...", zh-CN: "..."} (en is required), got 5',
    );
    expect(msg[2]).toBe('expected a whole number of minutes, at least 1, got "ten"');
    expect(msg[3]).toContain('got "host1"');
    expect(msg[4]).toContain('unknown field');
    expect(msg[7]).toContain('did you mean "zh-CN"?');
    expect(msg[10]).toContain('got an empty list');
    expect(msg[11]).toMatch(/^expected a kernel feature: one of .*vxlan.*, got "vxaln"$/);
    expect(ds.every((d) => d.severity === 'error')).toBe(true);
  });

  it('an unknown check kind, with a guess when one is close', () => {
    const ds = lint('11-unknown-kind');
    expect(ds.map(where)).toEqual([
      'bad/11-unknown-kind/lesson.yaml:11:15: steps.0.checks.0.kind',
      'bad/11-unknown-kind/lesson.yaml:13:15: steps.0.checks.1.kind',
    ]);
    expect(ds[0]?.message).toBe(
      'unknown check kind "network-exist"; did you mean "network-exists"?',
    );
    expect(ds[1]?.message).toContain('unknown check kind "frobnicate" (known kinds: ');
    expect(ds[1]?.message).toContain('container-running');
  });

  it('check params judged by the checker: missing, unknown, wrong type, bad format, bad host', () => {
    const ds = lint('12-bad-param');
    expect(ds.map(where)).toEqual([
      'bad/12-bad-param/lesson.yaml:11:9: steps.0.checks.0.name',
      'bad/12-bad-param/lesson.yaml:13:9: steps.0.checks.0.subnett',
      'bad/12-bad-param/lesson.yaml:14:19: steps.0.checks.0.internal',
      'bad/12-bad-param/lesson.yaml:17:17: steps.0.checks.1.subnet',
      'bad/12-bad-param/lesson.yaml:18:17: steps.0.checks.1.driver',
      'bad/12-bad-param/lesson.yaml:20:20: steps.0.checks.2.container',
      'bad/12-bad-param/lesson.yaml:21:15: steps.0.checks.2.host',
    ]);
    const msg = ds.map((d) => d.message);
    expect(msg[0]).toBe('missing: expected a non-empty text');
    expect(msg[1]).toContain('did you mean "subnet"?');
    expect(msg[1]).toContain('host?, name, driver?, subnet?');
    expect(msg[2]).toBe('expected true or false, got "yes"');
    expect(msg[3]).toBe('expected an IPv4 network like 10.10.0.0/24, got "10.10.0.0/33"');
    expect(msg[4]).toBe('expected one of: bridge, macvlan, overlay, got "vlan"');
    expect(msg[6]).toContain('host "host2" is not one of this lesson\'s hosts (host1)');
  });

  it('a missing step file, a missing explain file, a path out of the lesson folder', () => {
    const ds = lint('13-missing-file');
    expect(ds.map(where)).toEqual([
      'bad/13-missing-file/lesson.yaml:9:11: steps.0.text',
      'bad/13-missing-file/lesson.yaml:15:14: steps.0.explain',
      'bad/13-missing-file/lesson.yaml:18:11: steps.1.text',
    ]);
    expect(ds[0]?.message).toContain('file not found: steps/01-missing.md');
    expect(ds[1]?.message).toContain('file not found: steps/01-explain.md');
    expect(ds[2]?.message).toContain('got "../02-outside.md"');
  });

  it('duplicate hosts, check ids within a step, step ids', () => {
    const ds = lint('14-duplicate-ids');
    expect(ds.map(where)).toEqual([
      'bad/14-duplicate-ids/lesson.yaml:5:16: hosts.1',
      'bad/14-duplicate-ids/lesson.yaml:12:40: steps.0.checks.1.id',
      'bad/14-duplicate-ids/lesson.yaml:17:9: steps.1.id',
    ]);
    expect(ds[2]?.message).toBe(
      'step id "same" is already used by step 1; step ids must be unique',
    );
  });

  it('references: lab hosts, step and command hosts, needs, cycles, fails', () => {
    const ds = lint('15-bad-refs');
    expect(ds.map(where)).toEqual([
      'bad/15-bad-refs/lesson.yaml:5:16: hosts.1',
      'bad/15-bad-refs/lesson.yaml:10:11: steps.0.host',
      'bad/15-bad-refs/lesson.yaml:18:16: steps.0.checks.1.needs',
      'bad/15-bad-refs/lesson.yaml:18:20: steps.0.checks.1.needs.1',
      'bad/15-bad-refs/lesson.yaml:18:26: steps.0.checks.1.needs.2',
      'bad/15-bad-refs/lesson.yaml:25:17: steps.0.solution.0.host',
      'bad/15-bad-refs/lesson.yaml:28:16: steps.0.wrong.0.fails',
    ]);
    const msg = ds.map((d) => d.message);
    expect(msg[0]).toBe('unknown lab host "host9"; the lab has: host1, host2');
    expect(msg[2]).toBe('checks need each other in a circle: a → b → a');
    expect(msg[6]).toBe(
      'no check of this step has id "nett"; did you mean "net"? (its check ids: net, a, b)',
    );
  });

  it('the folder name must equal the id', () => {
    const ds = lint('16-wrong-folder');
    expect(ds.map((d) => formatDiagnostic(d, FIXTURES))).toEqual([
      'bad/16-wrong-folder/lesson.yaml:1:5: id: the id must equal the lesson folder\'s name: id is "16-other", the folder is "16-wrong-folder"',
    ]);
  });

  it('YAML syntax errors, every one, at their position', () => {
    const ds = lint('17-yaml-syntax');
    expect(ds.map(where)).toEqual([
      'bad/17-yaml-syntax/lesson.yaml:5:1: ',
      'bad/17-yaml-syntax/lesson.yaml:7:1: ',
    ]);
    expect(ds[0]?.message).toBe('YAML syntax: Map keys must be unique');
    expect(ds[1]?.message).toMatch(/^YAML syntax: Flow sequence/);
  });

  it('translations keep their placeholders, and every step has its translated file', () => {
    const ds = lint('18-translation');
    expect(ds.map(where)).toEqual([
      'bad/18-translation/lesson.yaml:2:36: title.zh-CN',
      'bad/18-translation/lesson.yaml:9:11: steps.0.text',
      'bad/18-translation/lesson.yaml:18:11: steps.1.text',
    ]);
    expect(ds[0]?.message).toBe(
      'the zh-CN text must keep the English placeholders: en has {name}, zh-CN has none',
    );
    expect(ds[1]?.message).toContain('en has {ip}, zh-CN has {addr}');
    expect(ds[2]?.message).toContain('missing: steps/02-two.zh-CN.md');
  });

  it('a lesson folder without lesson.yaml', () => {
    expect(lint('19-no-lesson-yaml').map(where)).toEqual([
      'bad/19-no-lesson-yaml/lesson.yaml:1:1: ',
    ]);
  });
});

describe('lintPath', () => {
  it('lints every lesson under a folder, and reports every error of every lesson', () => {
    const r = lintPath(BAD);
    expect(r.lessons.map((l) => path.basename(l))).toEqual([
      '10-bad-types',
      '11-unknown-kind',
      '12-bad-param',
      '13-missing-file',
      '14-duplicate-ids',
      '15-bad-refs',
      '16-wrong-folder',
      '17-yaml-syntax',
      '18-translation',
      '19-no-lesson-yaml',
      '20-overlay',
      '21-engines',
    ]);
    expect(r.errors).toBe(54);
    expect(r.warnings).toBe(0);
  });

  it('good lessons lint clean, not even a warning', () => {
    expect(lintPath(GOOD)).toMatchObject({ errors: 0, warnings: 0, diagnostics: [] });
  });

  it('takes a lesson folder, its lesson.yaml, or one of its step files', () => {
    const dir = path.join(BAD, '16-wrong-folder');
    for (const p of [dir, path.join(dir, 'lesson.yaml'), path.join(dir, 'steps/01-one.md')]) {
      const r = lintPath(p);
      expect(r.lessons).toEqual([dir]);
      expect(r.errors).toBe(1);
    }
  });

  it('a path that does not exist is a usage error, not a lint result', () => {
    expect(() => lintPath(path.join(FIXTURES, 'nope'))).toThrow(LintPathError);
  });

  it('warns about a step without hints or explain', () => {
    const r = lintPath(path.join(FIXTURES, 'warn/01-warn'));
    expect(r.diagnostics.map(where)).toEqual([
      'warn/01-warn/lesson.yaml:7:9: steps.0.id',
      'warn/01-warn/lesson.yaml:7:9: steps.0.id',
    ]);
    expect(r).toMatchObject({ errors: 0, warnings: 2 });
    expect(formatDiagnostic(r.diagnostics[0]!)).toContain(
      'steps.0.id: warning: this step has no hints',
    );
  });
});
