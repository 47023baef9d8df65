import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dnlab, isRoot, useTestInstance } from './lab-helpers.js';

// Its own instance; DNLAB_ROOT is set for the CLI runs below only.
useTestInstance('root');

const { run } = await import('../../src/lab/run.js');

describe.skipIf(!isRoot)('DNLAB_ROOT must be the lab\'s own folder', () => {
  let base: string;
  let clone: string;
  beforeAll(async () => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'dnlab-root-'));
    clone = path.join(base, 'dnlab');
    fs.mkdirSync(clone);
    fs.writeFileSync(path.join(clone, 'README.md'), 'my work\n');
    fs.mkdirSync(path.join(clone, 'hosts')); // even a folder a lab would make
    for (const argv of [['init', '-q'], ['add', '.'], ['-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-qm', 'x']]) {
      expect((await run(['git', '-C', clone, ...argv])).code).toBe(0);
    }
  });
  afterAll(() => {
    delete process.env.DNLAB_ROOT;
    fs.rmSync(base, { recursive: true, force: true });
  });

  const listing = (dir: string) => fs.readdirSync(dir).sort();

  it('down, reset and up on a git clone named dnlab… leave it intact and say why', async () => {
    process.env.DNLAB_ROOT = clone;
    const before = listing(clone);
    for (const args of [['down'], ['reset', 'host1'], ['up']]) {
      const r = await dnlab([...args, '--lang', 'en']);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.stderr, args.join(' ')).toMatch(/\.git|not up/);
      expect(listing(clone)).toEqual(before);
    }
    const down = await dnlab(['down', '--lang', 'en']);
    expect(down.stderr).toContain('holds a git repository');
    expect(down.stderr).toContain('DNLAB_ROOT');
    expect(fs.readFileSync(path.join(clone, 'README.md'), 'utf8')).toBe('my work\n');
    expect((await run(['git', '-C', clone, 'status', '--porcelain'])).stdout).toBe('');
  });

  it('up refuses a non-empty folder without the marker; down leaves it too', async () => {
    const notes = path.join(base, 'dnlabnotes');
    fs.mkdirSync(notes);
    fs.writeFileSync(path.join(notes, 'notes.txt'), 'mine\n');
    process.env.DNLAB_ROOT = notes;
    const up = await dnlab(['up', '--lang', 'en']);
    expect(up.code).not.toBe(0);
    expect(up.stderr).toContain('is not a folder dnlab made');
    expect((await dnlab(['down'])).code).not.toBe(0);
    expect(listing(notes)).toEqual(['notes.txt']);
  });
});
