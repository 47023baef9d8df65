import path from 'node:path';
import * as pty from '@lydell/node-pty';
import xtermHeadless from '@xterm/headless';

/**
 * The real dnlab binary in a pty, its screen read through a headless xterm: what a learner's
 * terminal would show. Waits poll the screen (no fixed sleeps).
 */

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const MAIN = path.join(ROOT, 'dist', 'cli', 'main.js');

export interface DriverOptions {
  args?: string[];
  /** Another program than dnlab's CLI in the pty (`docker run -it … dnlab`, say); `args` are then ignored. */
  command?: { file: string; args: string[] };
  env: Record<string, string>;
  cols?: number;
  rows?: number;
}

export class TuiDriver {
  readonly term: InstanceType<typeof xtermHeadless.Terminal>;
  readonly proc: pty.IPty;
  readonly startedAt = performance.now();
  exit: { exitCode: number; signal?: number } | undefined;
  /** DECTCEM as the program last set it (the headless API does not expose it). */
  cursorVisible = true;
  private readonly parsed: Promise<void>[] = [];

  constructor(opts: DriverOptions) {
    const cols = opts.cols ?? 100;
    const rows = opts.rows ?? 30;
    this.term = new xtermHeadless.Terminal({ cols, rows, allowProposedApi: true });
    const dectcem = (visible: boolean) => (params: (number | number[])[]) => {
      if (params.some((p) => p === 25)) this.cursorVisible = visible;
      return false;
    };
    this.term.parser.registerCsiHandler({ prefix: '?', final: 'h' }, dectcem(true));
    this.term.parser.registerCsiHandler({ prefix: '?', final: 'l' }, dectcem(false));
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
    const file = opts.command?.file ?? process.execPath;
    const argv = opts.command?.args ?? [MAIN, ...(opts.args ?? [])];
    this.proc = pty.spawn(file, argv, {
      name: 'xterm-256color',
      cols,
      rows,
      cwd: ROOT,
      env: { ...env, TERM: 'xterm-256color', ...opts.env },
    });
    this.proc.onData((d) => {
      this.parsed.push(new Promise((resolve) => this.term.write(d, resolve)));
    });
    // Answer the emulator's replies (cursor position, device attributes), as a terminal would.
    this.term.onData((d) => {
      if (!this.exit) this.proc.write(d);
    });
    this.proc.onExit((e) => {
      this.exit = { exitCode: e.exitCode, ...(e.signal ? { signal: e.signal } : {}) };
    });
  }

  /** The visible screen, one string per row (trailing blanks trimmed). */
  lines(): string[] {
    const b = this.term.buffer.active;
    const out: string[] = [];
    for (let y = 0; y < this.term.rows; y++) {
      out.push(b.getLine(b.viewportY + y)?.translateToString(true) ?? '');
    }
    return out;
  }

  screen(): string {
    return this.lines().join('\n');
  }

  write(keys: string): void {
    this.proc.write(keys);
  }

  /** Poll the screen until `test` holds; the screen at that moment. */
  async waitFor(
    test: RegExp | ((screen: string) => boolean),
    what: string,
    timeoutMs = 60_000,
  ): Promise<string> {
    const ok = typeof test === 'function' ? test : (s: string) => test.test(s);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await Promise.all(this.parsed.splice(0));
      const s = this.screen();
      if (ok(s)) return s;
      if (this.exit)
        throw new Error(`dnlab exited (${this.exit.exitCode}) waiting for ${what}:\n${s}`);
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; screen:\n${s}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  async waitExit(timeoutMs = 30_000): Promise<{ exitCode: number; signal?: number }> {
    const deadline = Date.now() + timeoutMs;
    while (!this.exit) {
      if (Date.now() > deadline) throw new Error(`dnlab did not exit; screen:\n${this.screen()}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    // Let the last output be parsed.
    await new Promise((r) => setTimeout(r, 50));
    await Promise.all(this.parsed.splice(0));
    return this.exit;
  }

  kill(): void {
    if (!this.exit) this.proc.kill('SIGKILL');
  }
}
