import { constants } from 'node:os';
import type { Options, Result } from 'execa';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  /** Set when the deadline passed and the program's whole process group was killed. */
  timedOut?: boolean;
  /** Set when stdout or stderr went past the cap and was cut (the program was then killed). */
  cut?: boolean;
}

export interface RunOptions {
  input?: string | Buffer;
  env?: NodeJS.ProcessEnv;
  /** Deadline in ms (default 30 s); 0 means none, for a job that may rightly take long. */
  timeoutMs?: number;
  cwd?: string;
  /** Cap on each of stdout and stderr, in bytes (default 1 MiB). */
  maxOutputBytes?: number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_OUTPUT = 1024 * 1024;
/** After the group is killed, how long to wait for the pipes before giving up on them. */
const PIPE_GRACE_MS = 200;

export class CommandError extends Error {
  constructor(
    readonly argv: readonly string[],
    readonly result: RunResult,
  ) {
    const detail = (result.stderr || result.stdout).trim().split('\n').slice(-3).join(' | ');
    super(`${argv.join(' ')} exited ${result.code}${detail ? `: ${detail}` : ''}`);
    this.name = 'CommandError';
  }
}

// execa costs ~150 ms to import: only commands that run a program pay for it.
let execaModule: Promise<typeof import('execa')> | undefined;
const loadExeca = () => (execaModule ??= import('execa'));

/**
 * Programs run in their own process group (so a deadline can kill the grandchildren too), which
 * execa's own clean-up skips: kill those still running when dnlab exits.
 */
const liveGroups = new Set<number>();
let exitHooked = false;

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
}

function hookExit(): void {
  if (exitHooked) return;
  exitHooked = true;
  process.on('exit', () => {
    for (const pid of liveGroups) killGroup(pid);
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    // First in line, so it sees every other listener (a `once` one removes itself when called).
    const onSignal = () => {
      // Someone else handles the signal (up's Ctrl-C clean-up): the 'exit' hook is enough.
      if (process.listenerCount(sig) > 1) return;
      for (const pid of liveGroups) killGroup(pid);
      process.removeListener(sig, onSignal);
      process.kill(process.pid, sig);
    };
    process.prependListener(sig, onSignal);
  }
}

function text(out: unknown, cap: number, cut: boolean): string {
  const s = out instanceof Uint8Array ? Buffer.from(out).toString('utf8') : String(out ?? '');
  return cut && Buffer.byteLength(s) >= cap ? `${s}\n[output cut at ${cap} bytes]` : s;
}

function exitCode(r: Result, timedOut: boolean): number {
  if (typeof r.exitCode === 'number') return r.exitCode;
  const sig = r.signal ?? (timedOut ? 'SIGKILL' : undefined);
  if (sig) return 128 + (constants.signals[sig as keyof typeof constants.signals] ?? 9);
  return 1;
}

/**
 * Run a program with an argument array (never a shell string) and collect its output. At the
 * deadline the program's whole process group is killed and run() returns, even when a
 * grandchild still holds the pipes. Output past the cap is cut. A missing program exits 127.
 */
export async function run(argv: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  const [cmd, ...args] = argv;
  if (!cmd) throw new Error('run: empty argv');
  const { execa } = await loadExeca();
  hookExit();
  const cap = opts.maxOutputBytes ?? DEFAULT_MAX_OUTPUT;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const options: Options = {
    input: opts.input ?? '',
    env: opts.env ?? process.env,
    extendEnv: false,
    cwd: opts.cwd,
    detached: true,
    reject: false,
    encoding: 'buffer',
    stripFinalNewline: false,
    maxBuffer: cap,
    killSignal: 'SIGKILL',
  };
  const child = execa(cmd, args, options);
  const pid = child.pid;
  if (pid !== undefined) liveGroups.add(pid);
  let timedOut = false;
  let grace: NodeJS.Timeout | undefined;
  const timer =
    timeoutMs > 0 && pid !== undefined
      ? setTimeout(() => {
          timedOut = true;
          killGroup(pid);
          // A process that left the group (setsid) may still hold the pipes: stop reading them.
          grace = setTimeout(() => {
            child.stdout?.destroy();
            child.stderr?.destroy();
          }, PIPE_GRACE_MS);
        }, timeoutMs)
      : undefined;
  let r: Result;
  try {
    r = (await child) as unknown as Result;
  } finally {
    if (timer) clearTimeout(timer);
    if (grace) clearTimeout(grace);
    if (pid !== undefined) liveGroups.delete(pid);
  }
  if (pid === undefined) {
    // It never started: a missing program is the shell's 127; anything else is thrown, as before.
    if ((r as { code?: string }).code === 'ENOENT')
      return { code: 127, stdout: '', stderr: `${cmd}: command not found` };
    throw r instanceof Error ? r : new Error(`${cmd}: could not start`);
  }
  const cut = r.isMaxBuffer === true;
  const result: RunResult = {
    code: exitCode(r, timedOut),
    stdout: text(r.stdout, cap, cut),
    stderr: text(r.stderr, cap, cut),
  };
  if (timedOut) {
    result.timedOut = true;
    result.stderr += `${result.stderr && !result.stderr.endsWith('\n') ? '\n' : ''}[killed after ${timeoutMs} ms]`;
  }
  if (cut) result.cut = true;
  return result;
}

/** Run and throw a CommandError unless the program exits 0. */
export async function runOk(argv: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  const result = await run(argv, opts);
  if (result.code !== 0) throw new CommandError(argv, result);
  return result;
}
