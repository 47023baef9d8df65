import { describe, expect, it } from 'vitest';
import {
  initialLessonUi,
  lessonScope,
  lessonUiReducer,
  type LessonUiState,
} from '../../../src/tui/state/lesson-ui.js';
import type { Action } from '../../../src/tui/keymap.js';

const ctx = { hintCount: 2, maxScroll: 10, page: 5 };

function run(actions: Action[], from: LessonUiState = initialLessonUi) {
  let state = from;
  const effects: unknown[] = [];
  for (const a of actions) {
    const out = lessonUiReducer(state, a, ctx);
    state = out.state;
    if (out.effect) effects.push(out.effect);
  }
  return { state, effects };
}

describe('lessonUiReducer', () => {
  it('reveals hints one at a time, up to the number there are', () => {
    expect(run(['hint']).state.hintsShown).toBe(1);
    expect(run(['hint', 'hint', 'hint']).state.hintsShown).toBe(2);
  });

  it('puts the solution behind a question; no hides it again', () => {
    expect(run(['solution']).state.solution).toBe('confirm');
    expect(lessonScope(run(['solution']).state)).toBe('confirm');
    expect(run(['solution', 'no']).state.solution).toBe('hidden');
    expect(run(['solution', 'yes']).state.solution).toBe('shown');
    // While asked, anything but yes is a no, and does nothing else.
    const other = run(['solution', 'nextStep']);
    expect(other.state.solution).toBe('hidden');
    expect(other.effects).toEqual([]);
  });

  it("m reads the map from the top in the text's place, keeps the text's place beside it", () => {
    const scrolled = { ...initialLessonUi, scroll: 4 };
    const over = lessonUiReducer(scrolled, 'map', ctx);
    expect(over.state.scroll).toBe(0);
    expect(over.effect).toEqual({ type: 'map' });
    const beside = lessonUiReducer(scrolled, 'map', { ...ctx, mapBeside: true });
    expect(beside.state.scroll).toBe(4);
    expect(beside.effect).toEqual({ type: 'map' });
  });

  it("t asks for the trace, in the map's place and the same way", () => {
    const scrolled = { ...initialLessonUi, scroll: 4 };
    expect(lessonUiReducer(scrolled, 'trace', ctx)).toEqual({
      state: { ...scrolled, scroll: 0 },
      effect: { type: 'trace' },
    });
    expect(lessonUiReducer(scrolled, 'trace', { ...ctx, mapBeside: true }).state.scroll).toBe(4);
  });

  it('resets only after yes', () => {
    expect(run(['reset', 'no']).effects).toEqual([]);
    expect(run(['reset', 'yes']).effects).toEqual([{ type: 'reset' }]);
  });

  it('scrolls within bounds, by line and by page', () => {
    expect(run(['scrollUp']).state.scroll).toBe(0);
    expect(run(['pageDown', 'pageDown', 'pageDown']).state.scroll).toBe(10);
    expect(run(['pageDown', 'scrollUp']).state.scroll).toBe(3);
    // After revealing a hint the text is at its end; one up is one line up from there.
    expect(run(['hint', 'scrollUp']).state.scroll).toBe(9);
  });

  it('turns navigation keys into effects, and help captures keys until closed', () => {
    expect(
      run(['nextStep', 'prevStep', 'check', 'back', 'togglePane', 'zoom', 'quit']).effects,
    ).toEqual([
      { type: 'step', delta: 1 },
      { type: 'step', delta: -1 },
      { type: 'check' },
      { type: 'back' },
      { type: 'togglePane' },
      { type: 'zoom' },
      { type: 'quit' },
    ]);
    const help = run(['help', 'nextStep', 'scrollDown']);
    expect(help.effects).toEqual([]);
    expect(help.state).toMatchObject({ help: true, helpScroll: 1 });
    expect(run(['help', 'closeHelp']).state.help).toBe(false);
  });
});
