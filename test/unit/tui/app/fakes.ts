import xtermHeadless from '@xterm/headless';
import type { CheckResult } from '../../../../src/checks/types.js';
import type { Finding } from '../../../../src/lab/doctor.js';
import { emptyProgress, type Progress } from '../../../../src/lab/progress-store.js';
import type { ExitEvent, PromptEvent } from '../../../../src/lab/terminal-session.js';
import type { Lesson } from '../../../../src/lessons/index.js';
import type { StepCheckRequest } from '../../../../src/orchestrate/check-step.js';
import type { ShellSession, TuiServices } from '../../../../src/tui/services.js';

/** A shell with a real headless screen but no program: the test writes its output and prompts. */
export class FakeShell implements ShellSession {
  readonly term: InstanceType<typeof xtermHeadless.Terminal>;
  readonly cursorVisible = true;
  exit: ExitEvent | undefined;
  readonly typed: string[] = [];
  disposed = false;
  private readonly listeners = {
    change: new Set<() => void>(),
    prompt: new Set<(e: PromptEvent) => void>(),
    exit: new Set<(e: ExitEvent) => void>(),
  };
  constructor(
    readonly host: string,
    cols: number,
    rows: number,
  ) {
    this.term = new xtermHeadless.Terminal({ cols, rows, allowProposedApi: true });
  }
  write(raw: string): void {
    this.typed.push(raw);
  }
  paste(text: string): void {
    this.typed.push(text);
  }
  resize(cols: number, rows: number): void {
    this.term.resize(cols, rows);
  }
  dispose(): void {
    this.disposed = true;
  }
  onChange(fn: () => void) {
    this.listeners.change.add(fn);
    return () => this.listeners.change.delete(fn);
  }
  onPrompt(fn: (e: PromptEvent) => void) {
    this.listeners.prompt.add(fn);
    return () => this.listeners.prompt.delete(fn);
  }
  onExit(fn: (e: ExitEvent) => void) {
    this.listeners.exit.add(fn);
    return () => this.listeners.exit.delete(fn);
  }
  /** The program printed this. */
  show(text: string): Promise<void> {
    return new Promise((resolve) =>
      this.term.write(text, () => {
        for (const fn of this.listeners.change) fn();
        resolve();
      }),
    );
  }
  /** A command finished. */
  prompt(status = 0): void {
    for (const fn of this.listeners.prompt) fn({ status, count: 2 });
  }
  end(exitCode: number): void {
    this.exit = { exitCode };
    for (const fn of this.listeners.exit) fn(this.exit);
  }
}

export interface FakeLab {
  services: TuiServices;
  shells: FakeShell[];
  saved: Progress[];
  checks: { count: number; pass: boolean; last?: StepCheckRequest };
  resets: string[];
  setupRuns: string[];
}

export function fakeLab(
  lessons: Lesson[],
  opts: {
    up?: boolean;
    upFails?: Error;
    findings?: Finding[];
    progress?: Progress;
  } = {},
): FakeLab {
  const lab: FakeLab = {
    shells: [],
    saved: [],
    checks: { count: 0, pass: false },
    resets: [],
    setupRuns: [],
    services: undefined as unknown as TuiServices,
  };
  lab.services = {
    isUp: async () => opts.up ?? true,
    up: async ({ onProgress }) => {
      onProgress({ node: 'host1', stage: 'namespaces', phase: 'start' });
      onProgress({ node: 'host1', stage: 'namespaces', phase: 'done', ms: 12 });
      onProgress({ node: 'host1', stage: 'docker engine', phase: 'start' });
      if (opts.upFails) throw opts.upFails;
      onProgress({ node: 'host1', stage: 'docker engine', phase: 'done', ms: 900 });
    },
    diagnose: async () => opts.findings ?? [],
    loadLessons: () => lessons,
    resetHost: async (host) => {
      lab.resets.push(host);
    },
    runOnHost: async (host, line) => {
      lab.setupRuns.push(`${host}: ${line}`);
      return { code: 0, stdout: '', stderr: '' };
    },
    check: async (req) => {
      lab.checks.count++;
      lab.checks.last = req;
      return req.checks.map((c, i): CheckResult => ({
        id: c.id ?? `${c.kind}-${i}`,
        kind: c.kind,
        pass: lab.checks.pass,
        message: lab.checks.pass ? `${c.kind} passes` : `${c.kind} is not there yet`,
        evidence: [],
      }));
    },
    openShell: (host, cols, rows) => {
      const s = new FakeShell(host, cols, rows);
      lab.shells.push(s);
      return s;
    },
    loadProgress: () => ({ progress: opts.progress ?? emptyProgress() }),
    saveProgress: (p) => {
      lab.saved.push(p);
    },
  };
  return lab;
}
