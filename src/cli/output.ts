import { displayWidth } from '../text/width.js';
import { dnlabEnv } from '../env.js';
import type { ProgressEvent } from '../lab/lab.js';
import { UserError, exitCodeOf } from '../errors.js';
import { t } from '../i18n/index.js';
import { safeError, safeText } from '../text/safe.js';

/** Colour only on a terminal and only when NO_COLOR is unset (https://no-color.org). */
export function colorsEnabled(stream: NodeJS.WriteStream = process.stdout): boolean {
  return !('NO_COLOR' in process.env && process.env.NO_COLOR !== '') && stream.isTTY === true;
}

const paint = (code: string) => (s: string) => (colorsEnabled() ? `\x1b[${code}m${s}\x1b[0m` : s);
export const green = paint('32');
export const red = paint('31');
export const yellow = paint('33');
export const dim = paint('2');
export const bold = paint('1');

export const OK = '✔';
export const FAIL = '✘';

/** Pad to `width` terminal columns (a Chinese character takes two). */
export function padColumns(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/**
 * Shows lab progress: on a terminal, a live line with a spinner for the stages under way and a
 * line per finished stage; elsewhere (CI, pipes), one line per finished stage.
 */
export class ProgressPrinter {
  private running = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;
  private frame = 0;
  private readonly live: boolean;

  constructor(private readonly out: NodeJS.WriteStream = process.stderr) {
    this.live = out.isTTY === true;
  }

  readonly onProgress = (e: ProgressEvent): void => {
    const key = `${e.node} ${e.stage}`;
    if (e.phase === 'start') {
      this.running.set(key, `${e.node}: ${e.stage}`);
      if (this.live && !this.timer) this.timer = setInterval(() => this.draw(), 80);
    } else {
      this.running.delete(key);
      this.clearLine();
      this.out.write(
        `${green(OK)} ${e.node.padEnd(9)} ${padColumns(e.stage, 20)} ${dim(seconds(e.ms ?? 0))}\n`,
      );
    }
    this.draw();
  };

  private clearLine(): void {
    if (this.live) this.out.write('\r\x1b[K');
  }

  private draw(): void {
    if (!this.live) return;
    this.clearLine();
    if (this.running.size === 0) return;
    const spin = '⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏'[this.frame++ % 10];
    const line = `${spin} ${[...this.running.values()].join(', ')}`;
    this.out.write(fitColumns(line, (this.out.columns ?? 80) - 1));
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.clearLine();
  }
}

/** Cut to at most `width` terminal columns. */
export function fitColumns(s: string, width: number): string {
  let out = '';
  let used = 0;
  for (const ch of s) {
    used += displayWidth(ch);
    if (used > width) break;
    out += ch;
  }
  return out;
}

/**
 * `dnlab status | head -1`: the reader went away. Node ignores SIGPIPE, so each write to the
 * closed pipe emits EPIPE, which would end in a stack trace. Instead the stream's further writes
 * are dropped, the command finishes what it was doing (an `up` or `reset` never stops halfway),
 * and the process exits 0, quietly.
 * Any other stream error is still thrown.
 */
export function quietOnClosedPipe(
  streams: NodeJS.WriteStream[] = [process.stdout, process.stderr],
): void {
  let closed = false;
  for (const stream of streams) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
      closed = true;
      stream.write = (() => true) as typeof stream.write;
    });
  }
  process.on('exit', () => {
    if (closed) process.exitCode = 0;
  });
}

/**
 * Print an error as message + what to try (+ next steps), and return the exit code to use: the
 * error's own (`UserError.exitCode`), else `fallback`, the command's code for a failure.
 */
export function reportError(err: unknown, fallback = 1): number {
  // Errors quote names from the lab and lesson files: printed as safe text.
  const message = safeError(err);
  process.stderr.write(`${t('cli.errorLine', { error: red(t('cli.error')), message })}\n`);
  if (err instanceof UserError) {
    if (err.tryMessage)
      process.stderr.write(
        `${t('cli.tryLine', { try: t('cli.try'), fix: safeText(err.tryMessage) })}\n`,
      );
    for (const step of err.nextSteps) process.stderr.write(`  ${safeText(step)}\n`);
  } else if (dnlabEnv('DNLAB_DEBUG') && err instanceof Error && err.stack) {
    process.stderr.write(`${err.stack}\n`);
  }
  return exitCodeOf(err, fallback);
}

/**
 * Ctrl-C (SIGINT) and SIGTERM abort the returned signal instead of killing the process, so a
 * long command (up, reset) stops at its next stage and cleans up; `dispose` restores them.
 */
export function interruptSignal(): { signal: AbortSignal; dispose: () => void } {
  const abort = new AbortController();
  const onSignal = () => abort.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return {
    signal: abort.signal,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
