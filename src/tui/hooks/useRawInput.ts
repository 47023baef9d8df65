import { useRef } from 'react';
import { PANE_TOGGLE_RAW } from '../keymap.js';
import { useKeyPress } from './useKeys.js';

/**
 * Who has the keyboard, updated synchronously as the toggle is pressed. React state arrives a
 * render later: keys typed in that gap would go to the wrong side. With a gate, the pane listens
 * all the time and routes each key by `focus` at the moment it arrives; the lesson's keys ask
 * `lessonKeysActive`.
 */
export interface FocusGate {
  focus: 'lesson' | 'pane';
}

export function createFocusGate(): FocusGate {
  return { focus: 'lesson' };
}

/** Whether the lesson's own keys may act on the key being delivered now. */
export function lessonKeysActive(gate: FocusGate): boolean {
  return gate.focus === 'lesson';
}

export interface RawInputOptions {
  /** The pane has focus: every key goes to the shell, except the toggle. */
  paneFocused: boolean;
  /** A key, exactly as the terminal sent it (arrows, function keys, Esc, Ctrl-C, Tab…). */
  onData: (raw: string) => void;
  /** A paste the outer terminal bracketed; without this handler it goes to onData unwrapped. */
  onPaste?: (text: string) => void;
  /** The toggle key (Ctrl-], `\x1d`): give focus back to the lesson. */
  onToggle: () => void;
  /** Route by this gate instead of `paneFocused` (see FocusGate): the pane then listens all along. */
  gate?: FocusGate;
  /** Keys (by name) the pane lets through to the lesson's handlers even while focused. */
  passes?: (name: string) => boolean;
}

/**
 * Raw keys for the shell pane, from the key bus (so Ink's flags-only view of arrows, function
 * keys and Esc does not matter): first in line, it takes every key while the pane has focus.
 * Render Ink with `exitOnCtrlC: false` so Ctrl-C reaches the shell.
 */
export function useRawInput(opts: RawInputOptions): void {
  const gate = opts.gate;
  // Off as soon as the toggle is seen, not when React gets to the cleanup.
  const active = useRef(true);
  if (opts.paneFocused) active.current = true;
  useKeyPress(
    (key) => {
      if (gate ? gate.focus !== 'pane' : !active.current || !opts.paneFocused) return false;
      if (key.paste) {
        (opts.onPaste ?? opts.onData)(key.raw);
        return true;
      }
      if (key.raw === PANE_TOGGLE_RAW) {
        if (gate) gate.focus = 'lesson';
        else active.current = false;
        opts.onToggle();
        return true;
      }
      if (opts.passes?.(key.name)) return false;
      opts.onData(key.raw);
      return true;
    },
    gate !== undefined || opts.paneFocused,
    true,
  );
}
