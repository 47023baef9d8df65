import type { LessonState, StepState } from './model.js';

/**
 * State symbols. Always shown next to a word (never colour alone); in screen-reader mode the
 * word stands alone.
 */
export const LESSON_SYMBOL: Record<LessonState, string> = {
  new: '○',
  'in-progress': '◐',
  done: '✔',
};
export const STEP_SYMBOL: Record<StepState, string> = { todo: '○', done: '✔', skipped: '⊘' };
export const CHECK_SYMBOL = { pass: '✔', fail: '✘', waiting: '…', skipped: '⊘' } as const;
export const CURSOR = '❯';
export const CONTINUE = '◆';
