import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { register as registerLint } from '../../../src/cli/commands/lint.js';
import { register as registerNew } from '../../../src/cli/commands/new.js';
import { setLang } from '../../../src/i18n/index.js';
import { registerTestCheckers } from './checkers.js';
import { BAD, FIXTURES, GOOD } from './helpers.js';

beforeAll(() => {
  setLang('en');
  registerTestCheckers();
});

let out = '';
let err = '';
let cwd = '';
const tmps: string[] = [];

beforeEach(() => {
  out = '';
  err = '';
  process.exitCode = undefined;
  cwd = process.cwd();
  process.chdir(FIXTURES); // paths print relative to the working folder
});
afterEach(() => {
  process.chdir(cwd);
  process.exitCode = undefined;
  for (const d of tmps.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function dnlab(...args: string[]): Promise<number> {
  const program = new Command('dnlab')
    .exitOverride()
    .configureOutput({ writeOut: (s) => void (out += s), writeErr: (s) => void (err += s) });
  registerLint(program);
  registerNew(program);
  await program.parseAsync(args, { from: 'user' });
  return Number(process.exitCode ?? 0);
}

describe('dnlab lint', () => {
  it('prints file:line:col: field: message for every problem, a summary, and exits 1', async () => {
    expect(await dnlab('lint', path.join(BAD, '15-bad-refs'))).toBe(1);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(8);
    expect(lines[0]).toBe(
      'bad/15-bad-refs/lesson.yaml:5:16: hosts.1: unknown lab host "host9"; the lab has: host1, host2',
    );
    expect(lines[7]).toBe('1 lesson checked: 7 errors, 0 warnings.');
    expect(err).toBe('');
  });

  it('exits 0 on clean lessons', async () => {
    expect(await dnlab('lint', GOOD)).toBe(0);
    expect(out).toBe('3 lessons checked: no errors, 0 warnings.\n');
  });

  it('--json gives the report as data', async () => {
    expect(await dnlab('lint', '--json', path.join(BAD, '16-wrong-folder'))).toBe(1);
    expect(JSON.parse(out)).toEqual({
      version: 1,
      lessons: ['bad/16-wrong-folder'],
      errors: 1,
      warnings: 0,
      diagnostics: [
        {
          file: 'bad/16-wrong-folder/lesson.yaml',
          line: 1,
          col: 5,
          field: 'id',
          message:
            'the id must equal the lesson folder\'s name: id is "16-other", the folder is "16-wrong-folder"',
          severity: 'error',
        },
      ],
    });
  });

  it('a path that does not exist: a message on stderr, exit 2', async () => {
    expect(await dnlab('lint', 'nope')).toBe(2);
    expect(err).toBe('No such file or folder: nope\n');
    expect(out).toBe('');
  });

  it('--help has examples', async () => {
    await expect(dnlab('lint', '--help')).rejects.toThrow();
    expect(out).toContain('Usage: dnlab lint [options] [path]');
    expect(out).toContain('--json');
    expect(out).toContain('dnlab lint lessons/02-docker0');
  });
});

describe('dnlab new', () => {
  it('creates the lesson, prints its files and the next steps; the result lints clean', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dnlab-new-'));
    tmps.push(root);
    expect(await dnlab('new', '12-my-topic', '--root', root, '--title', 'My topic')).toBe(0);
    const dir = path.join(root, '12-my-topic');
    expect(out).toContain(`Created ${dir}:\n  ${dir}/lesson.yaml\n`);
    expect(out).toContain(`dnlab lint ${dir}`);
    expect(out).toContain('dnlab test-lessons 12-my-topic');
    out = '';
    expect(await dnlab('lint', dir)).toBe(0);
    expect(out).toBe('1 lesson checked: no errors, 0 warnings.\n');
  });

  it('refuses a bad id or an existing folder with exit 1', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dnlab-new-'));
    tmps.push(root);
    expect(await dnlab('new', 'my-topic', '--root', root)).toBe(1);
    expect(err).toContain('Bad lesson id "my-topic"');
    err = '';
    expect(await dnlab('new', '12-my-topic', '--root', root)).toBe(0);
    expect(await dnlab('new', '12-my-topic', '--root', root)).toBe(1);
    expect(err).toContain('already exists');
  });

  it('--help has examples', async () => {
    await expect(dnlab('new', '--help')).rejects.toThrow();
    expect(out).toContain('Usage: dnlab new [options] <id>');
    expect(out).toContain('dnlab new 10-port-publishing');
  });
});
