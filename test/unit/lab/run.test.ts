import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CommandError, run, runOk } from '../../../src/lab/run.js';

/** A process's state letter from /proc (Z for a zombie), or undefined once it is gone. */
function procState(pid: number): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0];
  } catch {
    return undefined;
  }
}

async function gone(pid: number, deadlineMs: number): Promise<boolean> {
  const end = Date.now() + deadlineMs;
  while (Date.now() < end) {
    const s = procState(pid);
    if (s === undefined || s === 'Z') return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}

// Real programs. The bounds on time are the tests' own timeouts (a hang fails the test).
describe('run()', () => {
  it('collects output, exit code and input', async () => {
    const r = await run(['cat'], { input: 'hello\n' });
    expect(r).toMatchObject({ code: 0, stdout: 'hello\n', stderr: '' });
    expect((await run(['sh', '-c', 'echo oops >&2; exit 3'])).code).toBe(3);
    expect((await run(['sh', '-c', 'echo oops >&2; exit 3'])).stderr).toBe('oops\n');
  });

  it('passes exactly the environment given', async () => {
    const r = await run(['/usr/bin/env'], { env: { ONLY: 'this' } });
    expect(r.stdout).toBe('ONLY=this\n');
  });

  it('returns at the deadline although a grandchild holds the pipes', { timeout: 4000 }, async () => {
    const r = await run(['bash', '-c', 'sleep 8; echo done'], { timeoutMs: 1000 });
    expect(r.timedOut).toBe(true);
    expect(r.code).toBe(137);
    expect(r.stdout).not.toContain('done');
    expect(r.stderr).toContain('killed after 1000 ms');
  });

  it('kills the whole process group at the deadline', { timeout: 5000 }, async () => {
    const r = await run(['bash', '-c', 'sleep 30 & echo $!; wait'], { timeoutMs: 500 });
    expect(r.timedOut).toBe(true);
    const pid = Number(r.stdout.trim());
    expect(pid).toBeGreaterThan(1);
    expect(await gone(pid, 2000)).toBe(true);
  });

  it('cuts output at the cap and says so', { timeout: 10_000 }, async () => {
    const r = await run(['head', '-c', '3000000', '/dev/zero'], { maxOutputBytes: 1000 });
    expect(r.cut).toBe(true);
    expect(r.stdout).toMatch(/\[output cut at 1000 bytes\]$/);
    expect(r.stdout.length).toBeLessThan(1100);
  });

  it('caps an endless output at 1 MiB by default', { timeout: 20_000 }, async () => {
    const r = await run(['yes']);
    expect(r.cut).toBe(true);
    expect(r.stdout).toMatch(/\[output cut at 1048576 bytes\]$/);
    expect(r.stdout.length).toBeLessThan(1_048_576 + 100);
  });

  it('reports a missing program as exit 127', async () => {
    const r = await run(['dnlab-no-such-program-x']);
    expect(r.code).toBe(127);
    expect(r.stderr).toContain('dnlab-no-such-program-x: command not found');
    await expect(runOk(['dnlab-no-such-program-x'])).rejects.toBeInstanceOf(CommandError);
  });

  // The built module, in a Node process of its own that exits while its program still runs.
  const built = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/lab/run.js');
  it.skipIf(!fs.existsSync(built))('kills its programs when dnlab exits', { timeout: 10_000 }, async () => {
    const pidFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dnlab-run-')), 'pid');
    const script = [
      `const { run } = await import(${JSON.stringify(built)});`,
      `void run(['sh', '-c', 'echo $$ > ${pidFile}; exec sleep 30']);`,
      `const fs = await import('node:fs');`,
      `const wait = () => (fs.existsSync(${JSON.stringify(pidFile)}) ? process.exit(0) : setTimeout(wait, 20));`,
      'wait();',
    ].join('\n');
    const r = await run([process.execPath, '--input-type=module', '-e', script], { timeoutMs: 8000 });
    expect(r.code).toBe(0);
    const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
    expect(pid).toBeGreaterThan(1);
    expect(await gone(pid, 2000)).toBe(true);
  });

  it('a deadline of 0 means none', { timeout: 5000 }, async () => {
    const r = await run(['sh', '-c', 'sleep 0.3; echo late'], { timeoutMs: 0 });
    expect(r).toMatchObject({ code: 0, stdout: 'late\n' });
    expect(r.timedOut).toBeUndefined();
  });
});
