import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { setLang } from '../../../src/i18n/index.js';
import {
  LessonError,
  lessonDirs,
  lessonsRoot,
  loadAllLessons,
  loadLesson,
} from '../../../src/lessons/load.js';
import { registerTestCheckers } from './checkers.js';
import { BAD, FIXTURES, GOOD } from './helpers.js';

beforeAll(() => {
  setLang('en');
  registerTestCheckers();
});

const good = path.join(GOOD, '01-good');

describe('loadLesson', () => {
  it('gives the typed model: defaults applied, hosts resolved, checks as the evaluator takes them', () => {
    const l = loadLesson(good, { lang: 'en' });
    expect(l).toMatchObject({
      id: '01-good',
      dir: good,
      lang: 'en',
      languages: ['en', 'zh-CN'],
      title: 'The default bridge',
      summary: 'See docker0 and make a network of your own.',
      minutes: 15,
      hosts: ['host1', 'host2'],
      features: [],
      setup: [
        { host: 'host1', run: 'docker run -d --name web dnlab/busybox httpd -f -p 80' },
        { host: 'host1', run: 'docker network prune -f' },
      ],
    });
    expect(l.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(l.steps).toHaveLength(2);
    const [s1, s2] = l.steps;
    expect(s1).toEqual({
      id: 'find-docker0',
      index: 0,
      title: 'Find docker0',
      text: '# Find docker0\n\nRun `ip -br addr`.\n',
      textFile: path.join(good, 'steps/01-find-docker0.md'),
      host: 'host1',
      features: [],
      points: 1,
      checks: [{ kind: 'container-running', id: 'web', params: { container: 'web' } }],
      hints: ['Run docker ps', 'Look for {name}'],
      solution: [{ host: 'host1', run: 'docker start web' }],
      alternatives: [],
      wrong: [],
      explain: 'docker0 is the default bridge.\n',
    });
    expect(s2).toMatchObject({
      id: 'make-net',
      index: 1,
      host: 'host2',
      points: 3,
      // the step's own feature, then what its checkers need for their params
      features: ['macvlan', 'bridge'],
      checks: [
        {
          kind: 'network-exists',
          id: 'net',
          message: 'Create mynet with subnet 10.10.0.0/24',
          params: { name: 'mynet', subnet: '10.10.0.0/24', driver: 'bridge' },
        },
        { kind: 'container-running', needs: ['net'], params: { host: 'host1', container: 'web' } },
      ],
      solution: [{ host: 'host2', run: 'docker network create --subnet 10.10.0.0/24 mynet' }],
      alternatives: [[{ host: 'host2', run: 'docker network create --subnet=10.10.0.0/24 mynet' }]],
      wrong: [
        {
          run: [{ host: 'host2', run: 'docker network create mynet' }],
          fails: 'net',
          says: '10.10.0.0/24',
        },
      ],
      explain: 'A **user-defined** bridge.',
    });
    expect(s2?.checks[1]).not.toHaveProperty('id');
  });

  it('resolves texts in zh-CN, and falls back to English per field', () => {
    const l = loadLesson(good, { lang: 'zh-CN' });
    expect(l.lang).toBe('zh-CN');
    expect(l.title).toBe('默认网桥'); // translated inline
    expect(l.summary).toBe('See docker0 and make a network of your own.'); // no zh-CN: English
    const [s1, s2] = l.steps;
    expect(s1?.title).toBe('Find docker0'); // {en} only
    expect(s1?.text).toBe('# 找到 docker0\n\n运行 `ip -br addr`。\n'); // 01-x.zh-CN.md beside 01-x.md
    expect(s1?.textFile).toBe(path.join(good, 'steps/01-find-docker0.zh-CN.md'));
    expect(s1?.hints).toEqual(['Run docker ps', '找 {name}']); // one of two hints translated
    expect(s1?.explain).toBe('docker0 是默认网桥。\n'); // 01-explain.zh-CN.md beside it
    expect(s2?.explain).toBe('A **user-defined** bridge.'); // inline, not translated
    expect(s2?.text).toBe('# 创建网络\n'); // explicit {en, zh-CN} files
    expect(s2?.checks[0]?.message).toBe('Create mynet with subnet 10.10.0.0/24');
    expect(l.contentHash).toBe(loadLesson(good, { lang: 'en' }).contentHash);
  });

  it('uses the UI language when none is given', () => {
    setLang('zh-CN');
    try {
      expect(loadLesson(good).title).toBe('默认网桥');
    } finally {
      setLang('en');
    }
  });

  it('an English-only lesson has one language and loads the same in zh-CN', () => {
    const dir = path.join(GOOD, '02-plain');
    const en = loadLesson(dir, { lang: 'en' });
    const zh = loadLesson(dir, { lang: 'zh-CN' });
    expect(en.languages).toEqual(['en']);
    expect({ ...zh, lang: 'en' }).toEqual(en);
  });

  it('throws LessonError carrying every diagnostic of a lesson that does not lint clean', () => {
    let err: unknown;
    try {
      loadLesson(path.join(BAD, '15-bad-refs'));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(LessonError);
    const e = err as LessonError;
    expect(e.diagnostics).toHaveLength(7);
    expect(e.message.split('\n')[0]).toBe(
      'The lesson has 7 error(s); `dnlab lint` shows them all:',
    );
    expect(e.message).toContain('lesson.yaml:28:16: steps.0.wrong.0.fails:');
  });

  it('loads a lesson with warnings (they do not stop it)', () => {
    expect(loadLesson(path.join(FIXTURES, 'warn/01-warn')).steps[0]?.hints).toEqual([]);
  });
});

describe('loadAllLessons', () => {
  it('loads every lesson folder under a root, in order', () => {
    expect(loadAllLessons(GOOD, { lang: 'en' }).map((l) => l.id)).toEqual([
      '01-good',
      '02-plain',
      '03-overlay',
    ]);
  });

  it('throws one LessonError with the problems of every broken lesson', () => {
    expect(() => loadAllLessons(BAD)).toThrow(LessonError);
    try {
      loadAllLessons(BAD);
    } catch (e) {
      const files = new Set(
        (e as LessonError).diagnostics.map((d) => path.basename(path.dirname(d.file))),
      );
      // 19-no-lesson-yaml has no lesson.yaml: not a lesson folder for the loader
      expect(files.size).toBe(11);
    }
  });

  it('a root that does not exist has no lessons', () => {
    expect(lessonDirs(path.join(FIXTURES, 'nope'))).toEqual([]);
    expect(loadAllLessons(path.join(FIXTURES, 'nope'))).toEqual([]);
  });
});

describe('lessonsRoot', () => {
  it("is the repository's lessons/ folder, found from the module's own location", () => {
    const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
    expect(lessonsRoot()).toBe(path.join(repo, 'lessons'));
    expect(fs.existsSync(path.join(path.dirname(lessonsRoot()), 'package.json'))).toBe(true);
  });
});
