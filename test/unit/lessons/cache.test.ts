import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyzeLesson, type Analysis } from '../../../src/lessons/analyze.js';
import { buildLesson } from '../../../src/lessons/build.js';
import { cachedAnalysis, codeIdentity } from '../../../src/lessons/cache.js';
import { lessonDirs } from '../../../src/lessons/load.js';
import { lessonLanguages } from '../../../src/lessons/translations.js';

const KEY = { code: '/opt/dnlab/dist/cli/chunk-ABC123.js', lang: 'en' };
let tmp: string;
let root: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dnlab-cache-'));
  root = path.join(tmp, 'cache');
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** cachedAnalysis, counting the real analyses it asked for. */
function counted(dir: string, key = KEY): { a: Analysis; analysed: number } {
  let analysed = 0;
  const a = cachedAnalysis(dir, key, () => (analysed++, analyzeLesson(dir)), root);
  return { a, analysed };
}

const built = (a: Analysis) => buildLesson(a.data!, a.dir, 'en', lessonLanguages(a.raw, a.dir));

describe('the analysed-lesson cache', () => {
  it('gives back, for every lesson of the curriculum, what a fresh analysis gives', () => {
    for (const dir of lessonDirs()) {
      expect(counted(dir).analysed).toBe(1);
      const again = counted(dir);
      expect(again.analysed, dir).toBe(0);
      const fresh = analyzeLesson(dir);
      expect(again.a).toEqual(fresh);
      expect(JSON.stringify(built(again.a))).toBe(JSON.stringify(built(fresh)));
    }
  });

  it('analyses again when a file of the lesson changed, was added, or the key differs', () => {
    const dir = path.join(tmp, path.basename(lessonDirs()[0]!));
    fs.cpSync(lessonDirs()[0]!, dir, { recursive: true });
    expect(counted(dir).analysed).toBe(1);
    expect(counted(dir).analysed).toBe(0);
    // Same size, same contents: a rewrite still changes mtime/ctime.
    const yaml = path.join(dir, 'lesson.yaml');
    fs.writeFileSync(
      yaml,
      fs.readFileSync(yaml, 'utf8').replace(/title: .*/, (m) => m.toUpperCase()),
    );
    const edited = counted(dir);
    expect(edited.analysed).toBe(1);
    expect(edited.a).toEqual(analyzeLesson(dir));
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'x');
    expect(counted(dir).analysed).toBe(1);
    expect(counted(dir, { ...KEY, lang: 'zh-CN' }).analysed).toBe(1);
    expect(counted(dir, { ...KEY, code: '/x/chunk-DEF456.js' }).analysed).toBe(1);
    expect(counted(dir).analysed).toBe(1); // the entry was replaced by the other code's
  });

  it("keeps one learner's draw: another seed or variant analyses again", () => {
    const dir = lessonDirs().find((d) => path.basename(d).startsWith('14-incident'))!;
    const bySeed = (seed: string) => {
      let analysed = 0;
      const a = cachedAnalysis(
        dir,
        { ...KEY, seed },
        () => (analysed++, analyzeLesson(dir, { seed })),
        root,
      );
      return { a, analysed };
    };
    expect(bySeed('alice').analysed).toBe(1);
    expect(bySeed('alice').analysed).toBe(0);
    const bob = bySeed('bob');
    expect(bob.analysed).toBe(1);
    expect(bob.a).toEqual(analyzeLesson(dir, { seed: 'bob' }));
    expect(bob.a, 'the two seeds draw differently').not.toEqual(
      analyzeLesson(dir, { seed: 'alice' }),
    );
    expect(bySeed('alice').a).toEqual(analyzeLesson(dir, { seed: 'alice' }));
  });

  it('passes by an entry it cannot read, and a cache it cannot write', () => {
    const dir = lessonDirs()[0]!;
    expect(counted(dir).analysed).toBe(1);
    for (const f of fs.readdirSync(root)) fs.writeFileSync(path.join(root, f), '{not json');
    expect(counted(dir).analysed).toBe(1);
    expect(counted(dir).analysed).toBe(0);
    fs.rmSync(root, { recursive: true });
    fs.writeFileSync(root, 'a file where the folder should be');
    const r = counted(dir);
    expect(r.analysed).toBe(1);
    expect(r.a).toEqual(analyzeLesson(dir));
  });

  it("is keyed on the bundle's hashed chunk name, and off outside the bundle", () => {
    const chunk = '/opt/dnlab/dist/cli/chunk-7QX2ZK4M.js';
    expect(codeIdentity(pathToFileURL(chunk).href)).toBe(chunk);
    expect(codeIdentity(pathToFileURL('/opt/dnlab/dist/lessons/load.js').href)).toBeUndefined();
    expect(codeIdentity(pathToFileURL('/opt/dnlab/src/lessons/load.ts').href)).toBeUndefined();
  });
});
