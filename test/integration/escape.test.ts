import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliPath, isRoot, repoRoot, useTestInstance } from './lab-helpers.js';

// Its own lab instance (dnlabesc*): never the learner's, never another test's.
useTestInstance('esc');

const { down, up } = await import('../../src/lab/lab.js');
const { engineFor } = await import('../../src/lab/daemon.js');

/** OSC 52 (clipboard write), clear screen, 8-bit CSI and OSC, DCS, a CR overwrite. */
const EVIL = '\x1b]52;c;cHduZWQ=\x07\x1b[2J\x1b[H\x9b31m\x9d0;pwned\x9c\x1bP1$r\x1b\\\r';
/** Bytes a terminal acts on (newline aside), as UTF-8: C0, DEL, and C1 (encoded as C2 80–9F). */
function controlBytes(out: Buffer): string[] {
  const found: string[] = [];
  for (let i = 0; i < out.length; i++) {
    const b = out[i]!;
    if ((b < 0x20 && b !== 0x0a) || b === 0x7f) found.push(`0x${b.toString(16)} at ${i}`);
    if (b === 0xc2 && out[i + 1]! >= 0x80 && out[i + 1]! <= 0x9f) found.push(`C1 at ${i}`);
  }
  return found;
}

/** The built CLI, its stdout as raw bytes. */
function cli(args: string[], env: NodeJS.ProcessEnv = {}): { code: number; stdout: Buffer; stderr: Buffer } {
  const r = spawnSync(process.execPath, [cliPath, ...args], {
    env: { ...process.env, NO_COLOR: '1', ...env },
    timeout: 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A schema-valid result file whose ids, names and messages carry escape sequences. */
function hostileResultFile(dir: string, name: string): string {
  const fixture = path.join(repoRoot, 'test/fixtures/grade-results/alice.json');
  const r = JSON.parse(fs.readFileSync(fixture, 'utf8')) as {
    student: string;
    lessons: { id: string; title: string; steps: { id: string; title: string; status: string; checks: { id: string; message: string; status: string; evidence: string[] }[] }[] }[];
  };
  r.student = `${name}${EVIL}`;
  for (const l of r.lessons) {
    l.id += EVIL;
    l.title += EVIL;
    for (const s of l.steps) {
      s.id += EVIL;
      s.title += EVIL;
      s.status = 'fail';
      for (const c of s.checks) {
        c.id += EVIL;
        c.status = 'fail';
        c.message = `${EVIL}network ${EVIL} missing`;
        c.evidence = [`seen ${EVIL}`];
      }
    }
  }
  const file = path.join(dir, `${name}${EVIL.replace(/[/\0]/g, '')}.json`);
  fs.writeFileSync(file, JSON.stringify(r));
  return file;
}

describe('class-report prints no escape sequence from student files', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dnlab-escape-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('table on stdout, skipped-file notes on stderr, and the HTML page', () => {
    const files = [hostileResultFile(dir, 'eve'), hostileResultFile(dir, 'mallory')];
    const broken = path.join(dir, `broken${EVIL}.json`);
    fs.writeFileSync(broken, `{"student": "${EVIL.replace(/[\x00-\x1f]/g, '')}`);
    const html = path.join(dir, 'report.html');
    const r = cli(['class-report', ...files, broken, '--html', html, '--lang', 'en']);
    expect(r.code, r.stderr.toString()).toBe(0);
    expect(r.stdout.toString()).toContain('eve'); // the report is there…
    expect(controlBytes(r.stdout)).toEqual([]); // …with none of the sequences
    expect(controlBytes(r.stderr)).toEqual([]);
    expect(r.stderr.toString()).toContain('broken');
    const page = fs.readFileSync(html);
    expect(page.toString()).toContain('mallory');
    expect(controlBytes(page)).toEqual([]);
  });
});

describe.skipIf(!isRoot)('topo of a lab with a network named with ESC', () => {
  const NAME = 'n\x1b[31mx\x1b]52;c;cHduZWQ=\x07';
  beforeAll(async () => {
    await down();
    await up();
    // The engine accepts it (network names are not checked): a learner can make it.
    await engineFor('host1').request({ method: 'POST', path: '/networks/create', body: { Name: NAME } });
  });
  afterAll(async () => {
    await down();
  });

  it('prints no ESC in ascii, mermaid or DOT; JSON keeps the exact name, escaped', () => {
    for (const format of ['ascii', 'mermaid', 'dot']) {
      const r = cli(['topo', '--format', format]);
      expect(r.code, r.stderr.toString()).toBe(0);
      expect(r.stdout.toString(), format).toContain('nx');
      expect(controlBytes(r.stdout), format).toEqual([]);
    }
    const json = cli(['topo', '--format', 'json']);
    expect(controlBytes(json.stdout)).toEqual([]);
    expect(json.stdout.toString()).toContain(JSON.stringify(NAME).slice(1, -1));
  });

  it('survives a closed pipe: status, topo and --help exit 0 with nothing on stderr', async () => {
    for (const args of [['status'], ['topo'], ['--help'], ['topo', '--format', 'json']]) {
      const child = spawn(process.execPath, [cliPath, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.destroy(); // the reader is gone before the first write: every write gets EPIPE
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const code = await new Promise<number | null>((res) => child.on('close', res));
      expect(stderr, args.join(' ')).toBe('');
      expect(code, args.join(' ')).toBe(0);
    }
  });

  it('survives `| head -1`: a real pipe closed after the first line', () => {
    const errFile = path.join(os.tmpdir(), `dnlab-esc-${process.pid}.err`);
    for (const cmd of ['status', 'topo', '--help']) {
      const r = spawnSync('bash', ['-c', `set -o pipefail; "$0" "$1" ${cmd} 2>"$2" | head -1 >/dev/null; echo $?`, process.execPath, cliPath, errFile]);
      expect(r.stdout.toString().trim(), cmd).toBe('0');
      expect(fs.readFileSync(errFile, 'utf8'), cmd).toBe('');
    }
    fs.rmSync(errFile, { force: true });
  });
});
