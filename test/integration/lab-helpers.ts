import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run, type RunResult } from '../../src/lab/run.js';
import { hostCommand } from '../../src/lab/shell.js';

export const isRoot = process.getuid?.() === 0;
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const cliPath = path.join(repoRoot, 'dist/cli/main.js');

/**
 * A short tag (DNLAB_TEST_TAG, up to 2 letters or digits) appended to every test instance name,
 * so two checkouts can run their suites side by side on one machine.
 */
export const testTag = process.env.DNLAB_TEST_TAG ?? '';

/** Tests run their own lab instance, so a learner's lab on the same machine is never touched. */
export function useTestInstance(name: string): void {
  process.env.DNLAB_INSTANCE = `${name}${testTag}`;
  delete process.env.DNLAB_ROOT;
}

/** Run a command inside a lab host, as the learner's shell would. */
export function onHost(host: string, argv: string[], timeoutMs = 30_000): Promise<RunResult> {
  const cmd = hostCommand(host, argv);
  return run([cmd.file, ...cmd.args], { env: cmd.env, timeoutMs });
}

export function dnlab(args: string[], timeoutMs = 60_000): Promise<RunResult> {
  if (!fs.existsSync(cliPath))
    throw new Error(`build first (npm run build): ${cliPath} is missing`);
  return run([process.execPath, cliPath, ...args], { timeoutMs });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One case of `dnlab test-lessons --json`. */
export interface SelftestCase {
  lesson: string;
  step: string;
  phase: string;
  ok: boolean;
  skipped?: string;
  detail: string;
  round: number;
}

export interface SelftestRun {
  code: number;
  cases: SelftestCase[];
  stderr: string;
}

/**
 * `dnlab test-lessons <args> --json` through the real CLI, with `env` added to this process's
 * environment (its lab instance, say). `onSpawn` gets the child, so a test can kill it.
 */
export function runSelftest(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  onSpawn?: (child: ChildProcess) => void,
): Promise<SelftestRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cliPath, 'test-lessons', ...args, '--json'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    onSpawn?.(child);
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => {
      let cases: SelftestCase[] = [];
      try {
        cases = (JSON.parse(out) as { cases: SelftestCase[] }).cases;
      } catch {
        /* reported through code and stderr */
      }
      resolve({ code: code ?? 1, cases, stderr: err.slice(-2000) });
    });
  });
}
