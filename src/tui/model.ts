import type { CheckResult } from '../checks/types.js';

/**
 * What the screens need, independent of how lessons are loaded: the app maps the lesson model
 * and the progress store onto these shapes; components only ever see these.
 */

export type LessonState = 'new' | 'in-progress' | 'done';

export interface LessonSummary {
  id: string;
  title: string;
  minutes: number;
  state: LessonState;
  stepsDone: number;
  stepsTotal: number;
}

/** `skipped`: the step needs a kernel feature this machine lacks (see `CheckResult.skipped`). */
export type StepState = 'todo' | 'done' | 'skipped';

export interface SolutionCommand {
  /** The lab host the command runs on. */
  host: string;
  run: string;
}

export interface StepView {
  id: string;
  title: string;
  /** The step's text, markdown. */
  markdown: string;
  state: StepState;
  /** Markdown, revealed one at a time. */
  hints: string[];
  solution: SolutionCommand[];
  /** Markdown shown once the step is done: why it worked. */
  explain?: string;
  /** An incident's drawn variant: shown, with `explain`, when the learner gives up. */
  variant?: string;
}

/** One line of the check panel; `CheckResult` as the checkers produce it. */
export type CheckLine = Pick<
  CheckResult,
  'id' | 'kind' | 'pass' | 'message' | 'waitingOn' | 'skipped'
>;

export type LabState = 'starting' | 'up' | 'resetting' | 'down' | 'error';

/** Bring-up progress, as `up()`'s onProgress reports it (`fail` when a stage threw). */
export interface ProgressEventView {
  node: string;
  stage: string;
  phase: 'start' | 'done' | 'fail';
  ms?: number;
}

export type Focus = 'lesson' | 'pane';

/** An error as the learner sees it: what happened, what to try, and what to do next. */
export interface ErrorView {
  message: string;
  tryMessage?: string;
  nextSteps?: string[];
}
