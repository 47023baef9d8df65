import { createContext, useContext } from 'react';
import type { CheckResult } from '../checks/types.js';
import { runOnHost } from '../lab/commands.js';
import { diagnose, type Finding } from '../lab/doctor.js';
import { labEngine, majorMinor } from '../lab/engines.js';
import { labBuilt, reset, up, type OnProgress } from '../lab/lab.js';
import {
  loadProgress,
  saveProgress,
  type LoadedProgress,
  type Progress,
} from '../lab/progress-store.js';
import type { RunResult } from '../lab/run.js';
import { shellCommand } from '../lab/shell.js';
import { TerminalSession, type ExitEvent, type PromptEvent } from '../lab/terminal-session.js';
import { learnerSeed } from '../lab/progress-store.js';
import { loadAllLessons, type Lesson } from '../lessons/index.js';
import type { Topology } from '../lab/topology.js';
import { checkStep, type StepCheckRequest } from '../orchestrate/check-step.js';
import type { LabFacts } from '../observe/facts.js';
import { observeForMap, traceLive } from '../topo/live.js';
import { renderTrace } from '../topo/trace-text.js';
import type { PaneSession } from './hooks/usePaneSession.js';

/**
 * Everything the TUI does outside itself, in one place: the lab, the lessons, the checks, the
 * progress file and the shells. The app gets these through a context, so screens and hooks can
 * be tested with fakes and components never reach for I/O.
 */

/** A live shell as the app drives it (src/lab/terminal-session.ts implements it). */
export interface ShellSession extends PaneSession {
  readonly exit: ExitEvent | undefined;
  onPrompt(fn: (e: PromptEvent) => void): () => void;
  onExit(fn: (e: ExitEvent) => void): () => void;
  dispose(): void;
}

export interface TuiServices {
  isUp(): Promise<boolean>;
  up(opts: { onProgress: OnProgress; signal: AbortSignal }): Promise<unknown>;
  diagnose(): Promise<Finding[]>;
  loadLessons(): Lesson[];
  resetHost(host: string): Promise<unknown>;
  runOnHost(host: string, line: string): Promise<RunResult>;
  check(req: StepCheckRequest): Promise<CheckResult[]>;
  openShell(host: string, cols: number, rows: number): ShellSession;
  loadProgress(): LoadedProgress;
  saveProgress(p: Progress): void;
  /** The lab's topology and facts for the map panel (absent: no map). */
  observeMap?(host: string): Promise<{ topology: Topology; facts: LabFacts }>;
  /** A step's trace (`dnlab trace <from> <to>`, probed), as text lines (absent: no trace key). */
  traceStep?(host: string, from: string, to: string): Promise<string[]>;
  /** The lab's engine (`28.5`, `system`) for the status bar; undefined before the lab is up. */
  engine?(): string | undefined;
}

export function realServices(): TuiServices {
  return {
    // A lab that was brought up opens even with an engine down or stuck: the step's checks then
    // name that engine (bringing the lab "up" again would wipe the learner's work).
    isUp: () =>
      Promise.resolve()
        .then(labBuilt)
        .catch(() => false),
    up: (opts) => up(opts),
    diagnose: () => diagnose(),
    // The learner's seed is drawn (once, kept in progress) before incidents are read and set
    // up; unchanged lessons are not analysed again (lessons/cache.ts, keyed on that seed too).
    loadLessons: () => {
      learnerSeed(process.env, { save: true });
      return loadAllLessons(undefined, { cache: true });
    },
    resetHost: (host) => reset(host),
    runOnHost: (host, line) => runOnHost(host, line),
    check: async (req) => (await checkStep(req)).results,
    openShell: (host, cols, rows) =>
      new TerminalSession({ command: shellCommand(host), cols, rows }),
    loadProgress: () => loadProgress(),
    saveProgress: (p) => saveProgress(p),
    observeMap: (host) => observeForMap(host),
    traceStep: async (host, from, to) => {
      const { plan, confirmation } = await traceLive(from, to, { host, probe: true });
      return renderTrace(plan, confirmation);
    },
    engine: () => {
      const e = labEngine();
      return e && (e.name === 'system' ? majorMinor(e.version) : e.name);
    },
  };
}

const ServicesContext = createContext<TuiServices | undefined>(undefined);
export const ServicesProvider = ServicesContext.Provider;

export function useServices(): TuiServices {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('useServices: no ServicesProvider above');
  return s;
}
