import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import type { Readable } from 'node:stream';

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

/**
 * Programs run in their own process group (so a deadline can kill the grandchildren too): kill
 * those still running when dnlab exits.
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

/** One output stream, kept up to `cap` bytes; `onFull` is called once when it goes past. */
function collect(stream: Readable, cap: number, onFull: () => void): () => string {
  const chunks: Buffer[] = [];
  let size = 0;
  let full = false;
  stream.on('data', (chunk: Buffer) => {
    if (full) return;
    if (size + chunk.length > cap) {
      chunks.push(chunk.subarray(0, cap - size));
      size = cap;
      full = true;
      onFull();
      return;
    }
    chunks.push(chunk);
    size += chunk.length;
  });
  stream.on('error', () => {}); // destroyed after a deadline: what was read stays
  return () => {
    const s = Buffer.concat(chunks).toString('utf8');
    return full ? `${s}\n[output cut at ${cap} bytes]` : s;
  };
}

function exitCode(code: number | null, signal: NodeJS.Signals | null, timedOut: boolean): number {
  if (typeof code === 'number') return code;
  const sig = signal ?? (timedOut ? 'SIGKILL' : undefined);
  if (sig) return 128 + (constants.signals[sig] ?? 9);
  return 1;
}

/**
 * Run a program with an argument array (never a shell string) and collect its output. At the
 * deadline the program's whole process group is killed and run() returns, even when a
 * grandchild still holds the pipes. Output past the cap is cut (and the group killed). A missing
 * program exits 127. Node's own child_process: execa took about 15 ms of every command's start.
 */
export async function run(argv: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  const [cmd, ...args] = argv;
  if (!cmd) throw new Error('run: empty argv');
  hookExit();
  const cap = opts.maxOutputBytes ?? DEFAULT_MAX_OUTPUT;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const child = spawn(cmd, [...args], {
    env: opts.env ?? process.env,
    cwd: opts.cwd,
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const pid = child.pid;
  if (pid !== undefined) liveGroups.add(pid);
  let cut = false;
  const onFull = () => {
    cut = true;
    if (pid !== undefined) killGroup(pid);
  };
  const stdout = collect(child.stdout, cap, onFull);
  const stderr = collect(child.stderr, cap, onFull);
  child.stdin.on('error', () => {}); // a program that exits without reading its input
  child.stdin.end(opts.input ?? '');
  let timedOut = false;
  let grace: NodeJS.Timeout | undefined;
  const timer =
    timeoutMs > 0 && pid !== undefined
      ? setTimeout(() => {
          timedOut = true;
          killGroup(pid);
          // A process that left the group (setsid) may still hold the pipes: stop reading them.
          grace = setTimeout(() => {
            child.stdout.destroy();
            child.stderr.destroy();
          }, PIPE_GRACE_MS);
        }, timeoutMs)
      : undefined;
  const ended = await new Promise<{ code: number | null; signal: NodeJS.Signals | null } | Error>((resolve) => {
    child.once('error', resolve);
    child.once('close', (code, signal) => resolve({ code, signal }));
  }).finally(() => {
    if (timer) clearTimeout(timer);
    if (grace) clearTimeout(grace);
    if (pid !== undefined) liveGroups.delete(pid);
  });
  if (ended instanceof Error) {
    // It never started: a missing program is the shell's 127; anything else is thrown.
    if ((ended as NodeJS.ErrnoException).code === 'ENOENT')
      return { code: 127, stdout: '', stderr: `${cmd}: command not found` };
    throw ended;
  }
  const result: RunResult = {
    code: exitCode(ended.code, ended.signal, timedOut),
    stdout: stdout(),
    stderr: stderr(),
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
