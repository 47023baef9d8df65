import type { Action, KeyScope } from '../keymap.js';

/**
 * The lesson screen's own state (what is revealed, what is being asked, where the text is
 * scrolled) as a pure reducer over keymap actions. What the screen must do outside itself comes
 * back as an effect for the caller to run (change step, check, reset, …).
 */

export interface LessonUiState {
  hintsShown: number;
  solution: 'hidden' | 'confirm' | 'shown';
  confirmReset: boolean;
  help: boolean;
  helpScroll: number;
  scroll: number;
  /** Columns the code blocks are scrolled right (code never wraps; cut lines are read so). */
  codeShift: number;
}

export type LessonEffect =
  | { type: 'step'; delta: 1 | -1 }
  | { type: 'check' }
  | { type: 'reset' }
  | { type: 'back' }
  | { type: 'quit' }
  | { type: 'togglePane' }
  | { type: 'zoom' }
  | { type: 'split'; delta: 1 | -1 }
  | { type: 'map' }
  | { type: 'trace' }
  | { type: 'solutionShown' }
  | { type: 'paneScroll'; delta: 1 | -1 };

export interface LessonUiContext {
  hintCount: number;
  /** Largest useful scroll offset of the step text. */
  maxScroll: number;
  /** Rows of text on screen (a page). */
  page: number;
  /** The map opens beside the text (wide screens), so the text keeps its place. */
  mapBeside?: boolean;
}

export const initialLessonUi: LessonUiState = {
  hintsShown: 0,
  solution: 'hidden',
  confirmReset: false,
  help: false,
  helpScroll: 0,
  scroll: 0,
  codeShift: 0,
};

/** Columns one code-scroll key moves. */
export const CODE_STEP = 8;

/** Which keymap scope the keys belong to right now. */
export function lessonScope(s: LessonUiState): KeyScope {
  if (s.help) return 'help';
  if (s.solution === 'confirm' || s.confirmReset) return 'confirm';
  return 'lesson';
}

export function lessonUiReducer(
  s: LessonUiState,
  action: Action,
  ctx: LessonUiContext,
): { state: LessonUiState; effect?: LessonEffect } {
  const max = Math.max(0, ctx.maxScroll);
  const scrollTo = (n: number) => ({ ...s, scroll: Math.min(Math.max(0, n), max) });
  const at = Math.min(s.scroll, max);
  const scope = lessonScope(s);
  if (action === 'quit') return { state: s, effect: { type: 'quit' } };
  if (scope === 'help') {
    if (action === 'closeHelp') return { state: { ...s, help: false, helpScroll: 0 } };
    if (action === 'scrollDown') return { state: { ...s, helpScroll: s.helpScroll + 1 } };
    if (action === 'scrollUp')
      return { state: { ...s, helpScroll: Math.max(0, s.helpScroll - 1) } };
    return { state: s };
  }
  if (scope === 'confirm') {
    if (s.confirmReset) {
      const state = { ...s, confirmReset: false };
      return action === 'yes' ? { state, effect: { type: 'reset' } } : { state };
    }
    // Revealed at the end of the text: scroll there so it is seen.
    if (action === 'yes')
      return {
        state: { ...s, solution: 'shown', scroll: Number.MAX_SAFE_INTEGER },
        effect: { type: 'solutionShown' },
      };
    return { state: { ...s, solution: 'hidden' } };
  }
  switch (action) {
    case 'help':
      return { state: { ...s, help: true } };
    case 'hint':
      if (s.hintsShown >= ctx.hintCount) return { state: s };
      return { state: { ...s, hintsShown: s.hintsShown + 1, scroll: Number.MAX_SAFE_INTEGER } };
    case 'solution':
      return { state: s.solution === 'shown' ? s : { ...s, solution: 'confirm' } };
    case 'reset':
      return { state: { ...s, confirmReset: true } };
    case 'scrollDown':
      return { state: scrollTo(at + 1) };
    case 'scrollUp':
      return { state: scrollTo(at - 1) };
    case 'pageDown':
      return { state: scrollTo(at + Math.max(1, ctx.page - 1)) };
    case 'pageUp':
      return { state: scrollTo(at - Math.max(1, ctx.page - 1)) };
    case 'nextStep':
      return { state: s, effect: { type: 'step', delta: 1 } };
    case 'prevStep':
      return { state: s, effect: { type: 'step', delta: -1 } };
    case 'check':
      return { state: s, effect: { type: 'check' } };
    case 'back':
      return { state: s, effect: { type: 'back' } };
    case 'togglePane':
      return { state: s, effect: { type: 'togglePane' } };
    case 'zoom':
      return { state: s, effect: { type: 'zoom' } };
    case 'codeRight':
      return { state: { ...s, codeShift: s.codeShift + CODE_STEP } };
    case 'codeLeft':
      return { state: { ...s, codeShift: Math.max(0, s.codeShift - CODE_STEP) } };
    case 'narrower':
      return { state: s, effect: { type: 'split', delta: -1 } };
    case 'wider':
      return { state: s, effect: { type: 'split', delta: 1 } };
    case 'map':
      // In the text's place, the map (and the text after it) is read from its top; beside the
      // text, the text stays where the learner was reading.
      return { state: ctx.mapBeside ? s : { ...s, scroll: 0 }, effect: { type: 'map' } };
    case 'trace':
      // The trace opens where the map does, and reads the same way.
      return { state: ctx.mapBeside ? s : { ...s, scroll: 0 }, effect: { type: 'trace' } };
    case 'paneScrollUp':
      return { state: s, effect: { type: 'paneScroll', delta: 1 } };
    case 'paneScrollDown':
      return { state: s, effect: { type: 'paneScroll', delta: -1 } };
    default:
      return { state: s };
  }
}
