import type { PromptEvent } from '../../lab/terminal-session.js';
import type { ShellSession } from '../services.js';

type Open = (host: string, cols: number, rows: number) => ShellSession;

interface Entry {
  session: ShellSession;
  startedAt: number;
  offs: (() => void)[];
}

/** A shell that ends this soon after it started counts as a failed start. */
const QUICK_EXIT_MS = 1500;
/** Failed starts in a row before the pool stops restarting on its own. */
const MAX_QUICK_EXITS = 3;

/**
 * One live shell per lab host, for the whole run of the app (leaving a lesson keeps the shell and
 * its scrollback). A shell that ends (the learner typed `exit`) is started again; one that keeps
 * failing right away is left ended until `restart` (the pane shows its exit status).
 */
export class ShellPool {
  private readonly entries = new Map<string, Entry>();
  private readonly quickExits = new Map<string, number>();
  private readonly changed = new Set<(host: string) => void>();
  private readonly prompted = new Set<(host: string, e: PromptEvent) => void>();
  private readonly sizes = new Map<string, { cols: number; rows: number }>();
  private disposed = false;

  constructor(
    private readonly open: Open,
    private readonly restartDelayMs = 200,
  ) {}

  /** The host's shell; started at this size when there is none. */
  get(host: string, cols: number, rows: number): ShellSession {
    if (!this.sizes.has(host)) this.sizes.set(host, { cols, rows });
    return this.entries.get(host)?.session ?? this.start(host);
  }

  /** The shell if one was started (never starts one). */
  peek(host: string): ShellSession | undefined {
    return this.entries.get(host)?.session;
  }

  /** A fresh shell on the host (after a reset, or to revive one that kept failing). */
  restart(host: string): ShellSession {
    this.quickExits.delete(host);
    this.stop(host);
    return this.start(host);
  }

  /** The session of a host was replaced. */
  onChange(fn: (host: string) => void): () => void {
    this.changed.add(fn);
    return () => this.changed.delete(fn);
  }

  /** A command finished in any of the shells. */
  onPrompt(fn: (host: string, e: PromptEvent) => void): () => void {
    this.prompted.add(fn);
    return () => this.prompted.delete(fn);
  }

  resized(host: string, cols: number, rows: number): void {
    if (cols > 0 && rows > 0) this.sizes.set(host, { cols, rows });
  }

  dispose(): void {
    this.disposed = true;
    for (const host of [...this.entries.keys()]) this.stop(host);
    this.changed.clear();
    this.prompted.clear();
  }

  private stop(host: string): void {
    const e = this.entries.get(host);
    if (!e) return;
    this.entries.delete(host);
    for (const off of e.offs) off();
    e.session.dispose();
  }

  private start(host: string): ShellSession {
    const size = this.sizes.get(host) ?? { cols: 80, rows: 24 };
    const session = this.open(host, size.cols, size.rows);
    const entry: Entry = { session, startedAt: Date.now(), offs: [] };
    entry.offs.push(
      session.onPrompt((e) => {
        this.quickExits.delete(host);
        for (const fn of [...this.prompted]) fn(host, e);
      }),
      session.onExit(() => this.exited(host, entry)),
    );
    this.entries.set(host, entry);
    for (const fn of [...this.changed]) fn(host);
    return session;
  }

  private exited(host: string, entry: Entry): void {
    if (this.disposed || this.entries.get(host) !== entry) return;
    const quick = Date.now() - entry.startedAt < QUICK_EXIT_MS;
    const n = quick ? (this.quickExits.get(host) ?? 0) + 1 : 0;
    this.quickExits.set(host, n);
    // Let the pane show the shell ended; keep it that way if it keeps failing.
    for (const fn of [...this.changed]) fn(host);
    if (n >= MAX_QUICK_EXITS) return;
    setTimeout(() => {
      if (this.disposed || this.entries.get(host) !== entry) return;
      this.stop(host);
      this.start(host);
    }, this.restartDelayMs);
  }
}
