import xtermHeadless from '@xterm/headless';
import type { Terminal as TerminalType } from '@xterm/headless';
import * as pty from '@lydell/node-pty';

/**
 * One live shell for the TUI's pane: a program in a pty, parsed by a headless xterm.
 *
 * This is the I/O half of the pane. The TUI reads `term.buffer.active` through the pure
 * snapshot (src/tui/terminal/snapshot.ts) whenever `onChange` fires; it never touches the pty.
 */

const { Terminal } = xtermHeadless;

/** What to run: the same shape as `shellCommand(host)` in ./shell.ts. */
export interface SessionCommand {
  file: string;
  args: string[];
  env: NodeJS.ProcessEnv;
}

export interface TerminalSessionOptions {
  command: SessionCommand;
  cols: number;
  rows: number;
  cwd?: string;
  /** Lines of scrollback in the normal buffer (default 1000). */
  scrollback?: number;
  /** Change notifications per second at most (default 30). */
  fps?: number;
  /** A program that leaves synchronized output on is shown anyway after this long (default 1000 ms). */
  syncTimeoutMs?: number;
}

export { PROMPT_COMMAND_LINE, PROMPT_OSC, PROMPT_OSC_TAG } from './prompt-osc.js';
import { PROMPT_OSC, PROMPT_OSC_TAG } from './prompt-osc.js';

export interface PromptEvent {
  /** Exit status of the command that just finished (the first prompt reports the rc's status). */
  status: number;
  /** 1 for the first prompt after start, then 2, 3, … */
  count: number;
}

export interface ExitEvent {
  exitCode: number;
  signal?: number;
}

type Listener<T> = (e: T) => void;

class Emitter<T> {
  private listeners = new Set<Listener<T>>();
  on(fn: Listener<T>): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
  emit(e: T): void {
    for (const fn of [...this.listeners]) fn(e);
  }
  clear(): void {
    this.listeners.clear();
  }
}

const CSI_ARROW = /\x1b\[([ABCDHF])/g;
const SS3_ARROW = /\x1bO([ABCDHF])/g;
const PASTE_START = '\x1b[200~';
const PASTE_END = '\x1b[201~';

/**
 * Arrow keys (and Home/End) as the program wants them: SS3 (`ESC O A`) when it turned on
 * application cursor keys (DECCKM; vim, less), CSI (`ESC [ A`) otherwise. Only unmodified keys
 * are touched; `ESC [ 1 ; 5 A` (Ctrl-Up) passes as is.
 */
export function encodeCursorKeys(raw: string, applicationCursorKeys: boolean): string {
  return applicationCursorKeys
    ? raw.replace(CSI_ARROW, '\x1bO$1')
    : raw.replace(SS3_ARROW, '\x1b[$1');
}

/** Pasted text as the program wants it: wrapped when it turned on bracketed paste. */
export function encodePaste(text: string, bracketedPaste: boolean): string {
  // A paste must not be able to end the bracket early and run what follows.
  const clean = text.split(PASTE_END).join('');
  return bracketedPaste ? PASTE_START + clean + PASTE_END : clean;
}

function cleanEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  return out;
}

/**
 * Output up to this size since the last frame is an echo, drawn at once unless a frame went out
 * less than ECHO_GAP_MS ago (a trickle of small writes is drawn at most ~60 times a second).
 */
const ECHO_BYTES = 256;
const ECHO_GAP_MS = 16;

export class TerminalSession {
  readonly term: TerminalType;
  private readonly pty: pty.IPty;
  private readonly interval: number;
  private readonly syncTimeoutMs: number;
  private readonly changed = new Emitter<void>();
  private readonly prompted = new Emitter<PromptEvent>();
  private readonly exitedEmitter = new Emitter<ExitEvent>();
  private lastEmit = 0;
  /** Output parsed since the last frame: a typed key's echo is a few bytes, a flood kilobytes. */
  private bytesSinceEmit = 0;
  private timer: NodeJS.Timeout | undefined;
  private syncSince: number | undefined;
  private promptCount = 0;
  private readonly pendingPrompts: PromptEvent[] = [];
  private disposed = false;
  private _cursorVisible = true;
  private _exit: ExitEvent | undefined;

  constructor(opts: TerminalSessionOptions) {
    const cols = Math.max(2, Math.floor(opts.cols));
    const rows = Math.max(1, Math.floor(opts.rows));
    this.interval = Math.round(1000 / (opts.fps ?? 30));
    this.syncTimeoutMs = opts.syncTimeoutMs ?? 1000;
    this.term = new Terminal({
      cols,
      rows,
      scrollback: opts.scrollback ?? 1000,
      allowProposedApi: true,
    });
    this.trackCursorVisibility();
    this.term.parser.registerOscHandler(PROMPT_OSC, (data) => this.onPromptOsc(data));

    this.pty = pty.spawn(opts.command.file, opts.command.args, {
      name: 'xterm-256color',
      cols,
      rows,
      cwd: opts.cwd ?? process.cwd(),
      env: { ...cleanEnv(opts.command.env), TERM: 'xterm-256color' },
    });
    // Replies of the emulator (cursor position, device attributes) go back to the program.
    this.term.onData((d) => {
      if (!this._exit) this.pty.write(d);
    });
    this.pty.onData((d) => {
      if (this.disposed) return;
      this.bytesSinceEmit += d.length;
      this.term.write(d, () => this.afterParse());
    });
    this.pty.onExit((e) => {
      this._exit = { exitCode: e.exitCode, ...(e.signal ? { signal: e.signal } : {}) };
      // Let output still in flight be parsed before the last frame.
      this.term.write('', () => {
        this.flush();
        this.exitedEmitter.emit(this._exit!);
      });
    });
  }

  get pid(): number {
    return this.pty.pid;
  }
  get cols(): number {
    return this.term.cols;
  }
  get rows(): number {
    return this.term.rows;
  }
  /** DECTCEM: whether the program wants its cursor shown (the headless API does not expose it). */
  get cursorVisible(): boolean {
    return this._cursorVisible;
  }
  /** Set once the program has ended. */
  get exit(): ExitEvent | undefined {
    return this._exit;
  }

  /**
   * The screen changed; at most `fps` times a second under a flood of output, at once for an
   * echo (first and last change always delivered).
   */
  onChange(fn: () => void): () => void {
    return this.changed.on(fn);
  }
  /** The shell's prompt came back (a command finished), from PROMPT_COMMAND_LINE. */
  onPrompt(fn: (e: PromptEvent) => void): () => void {
    return this.prompted.on(fn);
  }
  onExit(fn: (e: ExitEvent) => void): () => void {
    return this.exitedEmitter.on(fn);
  }

  /** Keys typed by the learner, raw. Arrow keys are re-encoded for the program's cursor-key mode. */
  write(raw: string): void {
    if (this._exit || this.disposed) return;
    this.pty.write(encodeCursorKeys(raw, this.term.modes.applicationCursorKeysMode));
  }

  /** Text pasted by the learner: bracketed when the program asked for it. */
  paste(text: string): void {
    if (this._exit || this.disposed) return;
    this.pty.write(encodePaste(text, this.term.modes.bracketedPasteMode));
  }

  resize(cols: number, rows: number): void {
    const c = Math.max(2, Math.floor(cols));
    const r = Math.max(1, Math.floor(rows));
    if (this.disposed || (c === this.term.cols && r === this.term.rows)) return;
    this.term.resize(c, r);
    if (!this._exit) {
      try {
        this.pty.resize(c, r);
      } catch {
        // The program may have just exited; the next onExit tells the UI.
      }
    }
    this.scheduleChange();
  }

  /** Stop the program (SIGHUP, as a closing terminal does) and release everything. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this._exit) {
      try {
        this.pty.kill('SIGHUP');
      } catch {
        // already gone
      }
    }
    this.changed.clear();
    this.prompted.clear();
    this.exitedEmitter.clear();
    this.term.dispose();
  }

  private onPromptOsc(data: string): boolean {
    const [tag, status] = data.split(';');
    if (tag !== PROMPT_OSC_TAG) return false;
    this.promptCount += 1;
    // Delivered after the chunk is parsed, not from inside the parser: listeners may read the
    // buffer or write to the pty.
    this.pendingPrompts.push({ status: Number(status ?? 0) || 0, count: this.promptCount });
    return true;
  }

  private afterParse(): void {
    if (this.disposed) return;
    const prompts = this.pendingPrompts.splice(0);
    this.scheduleChange();
    for (const e of prompts) this.prompted.emit(e);
  }

  private trackCursorVisibility(): void {
    const set = (visible: boolean) => (params: (number | number[])[]) => {
      if (params.some((p) => p === 25 || (Array.isArray(p) && p.includes(25)))) {
        this._cursorVisible = visible;
      }
      return false; // let xterm apply the mode too
    };
    this.term.parser.registerCsiHandler({ prefix: '?', final: 'h' }, set(true));
    this.term.parser.registerCsiHandler({ prefix: '?', final: 'l' }, set(false));
    // RIS (ESC c) and DECSTR (CSI ! p) reset the cursor to visible.
    this.term.parser.registerEscHandler({ final: 'c' }, () => {
      this._cursorVisible = true;
      return false;
    });
    this.term.parser.registerCsiHandler({ intermediates: '!', final: 'p' }, () => {
      this._cursorVisible = true;
      return false;
    });
  }

  /** Leading + trailing throttle; frames are held while synchronized output is on. */
  private scheduleChange(): void {
    if (this.disposed) return;
    const now = Date.now();
    if (this.term.modes.synchronizedOutputMode) {
      this.syncSince ??= now;
      if (now - this.syncSince < this.syncTimeoutMs) {
        // Make sure a frame follows even if the program never ends the update.
        this.armTimer(this.syncSince + this.syncTimeoutMs - now);
        return;
      }
    } else if (this.syncSince !== undefined) {
      // The update ended: drop the fallback timer and draw it now (subject to the throttle).
      this.syncSince = undefined;
      if (this.timer) clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.timer) return;
    // An echo (a little output) is drawn at once, unless a frame went out just now; a flood of
    // output waits for the frame interval, so the screen is redrawn at most `fps` times a second.
    const gap = this.bytesSinceEmit <= ECHO_BYTES ? ECHO_GAP_MS : this.interval;
    const wait = this.lastEmit + gap - now;
    if (wait <= 0) this.flush();
    else this.armTimer(wait);
  }

  private armTimer(ms: number): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.disposed) return;
      const syncHeld =
        this.term.modes.synchronizedOutputMode &&
        this.syncSince !== undefined &&
        Date.now() - this.syncSince < this.syncTimeoutMs;
      if (syncHeld) this.scheduleChange();
      else this.flush();
    }, ms);
  }

  private flush(): void {
    if (this.disposed) return;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.lastEmit = Date.now();
    this.bytesSinceEmit = 0;
    this.changed.emit();
  }
}
