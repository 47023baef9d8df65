import { useEffect, useRef, useState, type MutableRefObject } from 'react';
import { passesPane, resolveKey } from '../keymap.js';
import {
  initialLessonUi,
  lessonScope,
  lessonUiReducer,
  type LessonUiContext,
  type LessonUiState,
} from '../state/lesson-ui.js';
import { runEffect } from '../screens/lesson-column.js';
import type { LessonScreenProps } from '../screens/LessonScreen.js';
import { useKeys } from './useKeys.js';

/**
 * The lesson screen's own state (hints shown, scroll, questions) and its keys: fresh for each
 * step, scrolled to the end when the step turns done, reduced by `lessonUiReducer`. The screen
 * fills `ctx` on each render with what the keys need to know of the layout (page, scroll room).
 */
export function useLessonUi(props: LessonScreenProps): {
  ui: LessonUiState;
  ctx: MutableRefObject<LessonUiContext>;
} {
  const step = props.steps[props.current];
  const opened = (): LessonUiState => ({
    ...initialLessonUi,
    hintsShown: Math.min(props.hintsShown ?? 0, step?.hints.length ?? 0),
  });
  const [ui, setUi] = useState<LessonUiState>(opened);
  const uiRef = useRef(ui);
  uiRef.current = ui;
  const set = (next: LessonUiState) => {
    uiRef.current = next;
    setUi(next);
  };
  // Only when the step changes: hintsShown is read as the step opens.
  useEffect(() => set(opened()), [step?.id]);

  // A step that just turned done: scroll to its end, where `explain` and "next step" appear.
  const wasDone = useRef(step?.state);
  useEffect(() => {
    const before = wasDone.current;
    wasDone.current = step?.state;
    if (step?.state === 'done' && before === 'todo' && step.explain)
      set({ ...uiRef.current, scroll: Number.MAX_SAFE_INTEGER });
  }, [step?.id, step?.state, step?.explain]);

  const ctx = useRef<LessonUiContext>({ hintCount: 0, maxScroll: 0, page: 1 });
  useKeys(
    lessonScope(ui),
    (resolved, name) => {
      let action = resolved;
      if (props.keysActive && !props.keysActive()) {
        // The shell has the keyboard: only the keys it lets through (text and scrollback).
        const passed = passesPane(name) ? resolveKey('pane', name) : undefined;
        if (!passed) return;
        action = passed;
      }
      const before = uiRef.current;
      const { state, effect } = lessonUiReducer(before, action, ctx.current);
      set(state);
      if (state.hintsShown > before.hintsShown) props.onHints?.(state.hintsShown);
      if (effect) runEffect(props, effect);
    },
    // With a gate the keys listen all along and the gate decides per key (no gap after a toggle).
    props.keysActive ? true : props.focus === 'lesson',
  );
  return { ui, ctx };
}
