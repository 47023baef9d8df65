import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT_MARKER } from '../../../src/lab/config.js';
import { RootError, assertOwnRoot, claimRoot } from '../../../src/lab/state.js';

let base: string;
const saved = { ...process.env };

beforeEach(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'dnlab-root-test-'));
  process.env.DNLAB_INSTANCE = 'rt';
});
afterEach(() => {
  fs.rmSync(base, { recursive: true, force: true });
  process.env = { ...saved };
});

const dir = (name: string, files: Record<string, string> = {}): string => {
  const d = path.join(base, name);
  fs.mkdirSync(d, { recursive: true });
  for (const [f, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(d, f)), { recursive: true });
    fs.writeFileSync(path.join(d, f), text);
  }
  return d;
};

describe('claimRoot (up)', () => {
  it('creates a missing folder and marks it with the instance name', () => {
    const root = path.join(base, 'dnlabnew');
    claimRoot(root);
    expect(fs.readFileSync(path.join(root, ROOT_MARKER), 'utf8').trim()).toBe('rt');
    claimRoot(root); // a marked root is used again
    assertOwnRoot(root);
  });

  it('marks an empty folder', () => {
    const root = dir('dnlabempty');
    claimRoot(root);
    expect(fs.existsSync(path.join(root, ROOT_MARKER))).toBe(true);
  });

  it('refuses a folder with .git, and one with files of its own, leaving them untouched', () => {
    const git = dir('dnlab', { '.git/HEAD': 'ref: refs/heads/main\n', 'README.md': 'x' });
    expect(() => claimRoot(git)).toThrow(RootError);
    expect(() => claimRoot(git)).toThrow(/\.git/);
    const other = dir('dnlabnotes', { 'notes.txt': 'mine' });
    expect(() => claimRoot(other)).toThrow(/dnlab will not use or delete it/);
    expect(fs.existsSync(path.join(other, ROOT_MARKER))).toBe(false);
    expect(fs.readdirSync(git).sort()).toEqual(['.git', 'README.md']);
  });

  it('refuses a .git folder even when it carries a marker', () => {
    const root = dir('dnlabx', { [ROOT_MARKER]: 'rt\n', '.git/HEAD': 'x' });
    expect(() => claimRoot(root)).toThrow(/\.git/);
    expect(() => assertOwnRoot(root)).toThrow(/\.git/);
  });

  it('refuses the root of another instance', () => {
    const root = dir('dnlaby', { [ROOT_MARKER]: 'zz\n', 'state.json': '{}' });
    expect(() => claimRoot(root)).toThrow(/instance zz/);
  });
});

describe('assertOwnRoot (down, reset, cleanup)', () => {
  it('allows a missing, an empty and a marked root', () => {
    assertOwnRoot(path.join(base, 'dnlabnone'));
    assertOwnRoot(dir('dnlabempty2'));
    assertOwnRoot(dir('dnlabm', { [ROOT_MARKER]: 'rt\n', 'state.json': '{}', 'hosts/host1/x': '' }));
  });

  it('allows a root made before the marker, holding only what a lab makes', () => {
    assertOwnRoot(dir('dnlabold', { 'state.json': '{}', 'hosts/host1/uts': '', 'ns/x': '' }));
  });

  it('refuses an unmarked folder with anything else in it, and any folder with .git', () => {
    expect(() => assertOwnRoot(dir('dnlabhome', { 'state.json': '{}', 'thesis.tex': '' }))).toThrow(RootError);
    expect(() => assertOwnRoot(dir('dnlabclone', { '.git/config': '' }))).toThrow(/\.git/);
  });

  it('a marker that is not a regular file does not count', () => {
    const root = dir('dnlabsym', { 'data.bin': '' });
    fs.symlinkSync('/etc/hostname', path.join(root, ROOT_MARKER));
    expect(() => assertOwnRoot(root)).toThrow(RootError);
  });
});
