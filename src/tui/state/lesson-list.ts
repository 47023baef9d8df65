import type { Action } from '../keymap.js';

/** Selection in the lesson list: a pure reducer over keymap actions. */
export interface LessonListState {
  selected: number;
}

export interface LessonListContext {
  count: number;
  /** Index of the lesson to continue, if any. */
  continueIndex?: number;
}

export function initialLessonListState(ctx: LessonListContext): LessonListState {
  return { selected: clamp(ctx.continueIndex ?? 0, ctx.count) };
}

function clamp(i: number, count: number): number {
  return count <= 0 ? 0 : Math.min(Math.max(0, i), count - 1);
}

export function lessonListReducer(
  state: LessonListState,
  action: Action,
  ctx: LessonListContext,
): LessonListState {
  const { count } = ctx;
  switch (action) {
    case 'up':
      return { selected: clamp(state.selected - 1, count) };
    case 'down':
      return { selected: clamp(state.selected + 1, count) };
    case 'top':
      return { selected: 0 };
    case 'bottom':
      return { selected: clamp(count - 1, count) };
    case 'continue':
      return ctx.continueIndex === undefined
        ? state
        : { selected: clamp(ctx.continueIndex, count) };
    default:
      return state;
  }
}
