import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliPath, dnlab, isRoot, onHost, repoRoot, useTestInstance } from './lab-helpers.js';

// The CLI as shipped: dist/cli/main.js is esbuild's bundle (npm run build). Its own lab instance
// (dnlabbnd*), never the learner's, never another test's.
useTestInstance('bnd');

const { hostPaths } = await import('../../src/lab/config.js');
const built = fs.existsSync(cliPath);
const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  version: string;
  bin: Record<string, string>;
};

describe.skipIf(!built)('the bundled CLI', () => {
  it("is the bundle that bin and ./dnlab run, not tsc's per-file output", () => {
    expect(path.join(repoRoot, pkg.bin.dnlab!)).toBe(cliPath);
    expect(fs.readFileSync(path.join(repoRoot, 'dnlab'), 'utf8')).toContain('dist/cli/main.js');
    const main = fs.readFileSync(cliPath, 'utf8');
    // tsc's main.js imports its siblings; the bundle holds them, and imports only its chunks.
    expect(main).not.toMatch(/from ["']\.\/program\.js["']/);
    // esbuild writes its import statements alone on their lines, in double quotes.
    const relative = [
      ...main.matchAll(/(?:^(?:import|\}) .*from "(\.[^"]+)";$|import\("(\.[^"]+)"\))/gm),
    ].map((m) => m[1] ?? m[2]);
    expect(relative.length).toBeGreaterThan(0);
    for (const r of relative) expect(r).toMatch(/^\.\/chunk-[A-Z0-9]+\.js$/);
  });

  it('answers --version with the package version, and nothing else', () => {
    const r = spawnSync(process.execPath, [cliPath, '--version'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(`${pkg.version}\n`);
    expect(r.stderr).toBe('');
  });

  it('answers --help with every command', () => {
    const r = spawnSync(process.execPath, [cliPath, '--help', '--lang', 'en'], {
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    for (const c of ['up', 'down', 'status', 'check', 'grade', 'test-lessons', 'doctor'])
      expect(r.stdout).toMatch(new RegExp(`^\\s+${c}\\b`, 'm'));
  });
});

describe.skipIf(!built || !isRoot)('the bundled CLI starts the internet DNS server', () => {
  beforeAll(async () => {
    await dnlab(['down']);
    const r = await dnlab(['up'], 300_000);
    expect(r.code, r.stderr).toBe(0);
  }, 320_000);
  afterAll(async () => {
    await dnlab(['down']);
  }, 120_000);

  it('as its own program beside the bundle, and it answers', async () => {
    const pid = Number(fs.readFileSync(path.join(hostPaths('internet').dir, 'dns.pid'), 'utf8'));
    const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    expect(argv[1]).toBe(path.join(repoRoot, 'dist/lab/internet-dns-main.js'));
    // A learner's lookups from a lab host: the lab name resolves, another name fails at once.
    const found = await onHost('host1', ['busybox', 'nslookup', 'internet.lab'], 15_000);
    expect(found.code, found.stderr).toBe(0);
    expect(found.stdout).toContain('198.51.100.1');
    const missing = await onHost('host1', ['busybox', 'nslookup', 'nothing.example'], 15_000);
    expect(missing.code).not.toBe(0);
    expect(`${missing.stdout}${missing.stderr}`).toMatch(/NXDOMAIN|can't find/i);
    const st = await dnlab(['status', '--json']);
    expect(JSON.parse(st.stdout)).toMatchObject({ up: true, internetDns: 'answering' });
  });
});
