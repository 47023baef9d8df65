import type { CheckResult } from '../../checks/types.js';
import type { Progress } from '../../lab/progress-store.js';
import type { Lesson } from '../../lessons/index.js';
import type { LessonState, LessonSummary, StepState, StepView } from '../model.js';
import { safeDeep, safeText } from '../../text/safe.js';

/** Pure mapping from lessons and progress to what the screens show. */

export function stepState(progress: Progress, lesson: string, step: string): StepState {
  const rec = progress.lessons[lesson]?.steps[step];
  return rec?.state === 'done' ? 'done' : rec?.state === 'skipped' ? 'skipped' : 'todo';
}

export function lessonSummary(lesson: Lesson, progress: Progress): LessonSummary {
  const rec = progress.lessons[lesson.id];
  const stepsDone = lesson.steps.filter(
    (s) => stepState(progress, lesson.id, s.id) !== 'todo',
  ).length;
  const stepsTotal = lesson.steps.length;
  const state: LessonState =
    stepsTotal > 0 && stepsDone === stepsTotal
      ? 'done'
      : stepsDone > 0 || rec?.lastStep !== undefined
        ? 'in-progress'
        : 'new';
  return {
    id: lesson.id,
    title: safeText(lesson.title),
    minutes: lesson.minutes,
    state,
    stepsDone,
    stepsTotal,
  };
}

export function stepViews(lesson: Lesson, progress: Progress): StepView[] {
  // Lesson files are text from outside: shown with no control character (lines and tabs kept).
  const keep = { newlines: true, tabs: true };
  return lesson.steps.map((s) => ({
    id: s.id,
    title: safeText(s.title),
    markdown: safeText(s.text, keep),
    state: stepState(progress, lesson.id, s.id),
    hints: safeDeep(s.hints, keep),
    solution: safeDeep(s.solution, keep),
    ...(s.explain ? { explain: safeText(s.explain, keep) } : {}),
    ...(lesson.incident && s.index === 0 ? { variant: safeText(lesson.incident.variant) } : {}),
  }));
}

/** Where a lesson opens: the step the learner left it on, else the first step not done. */
export function startStep(lesson: Lesson, progress: Progress): number {
  const last = progress.lessons[lesson.id]?.lastStep;
  const at = lesson.steps.findIndex((s) => s.id === last);
  if (at >= 0) return at;
  const todo = lesson.steps.findIndex((s) => stepState(progress, lesson.id, s.id) === 'todo');
  return Math.max(0, todo);
}

/**
 * What a check round means for the step: `done` when every check passes, `skipped` when the
 * only ones not passing were skipped (a missing kernel feature), else undefined (not yet).
 */
export function outcomeOf(results: readonly CheckResult[]): 'done' | 'skipped' | undefined {
  if (!results.length) return undefined;
  if (results.every((r) => r.pass)) return 'done';
  if (results.every((r) => r.pass || r.skipped)) return 'skipped';
  return undefined;
}
