import { useEffect, useRef } from 'react';
import { useStdin } from 'ink';
import { PANE_TOGGLE_RAW } from '../keymap.js';

const PASTE_START = '\x1b[200~';
const PASTE_END = '\x1b[201~';

/**
 * Who has the keyboard, updated synchronously as the toggle is pressed. React state arrives a
 * render later and Ink's listeners follow it only after effects run: keys typed in that gap
 * would go to the wrong side (or nowhere). With a gate, the pane listens all the time and routes
 * each key by `focus` at the moment it arrives; the lesson's keys ask `lessonKeysActive`.
 */
export interface FocusGate {
  focus: 'lesson' | 'pane';
  /** Set while the current input event was taken by the pane (cleared after the event). */
  consumed: boolean;
}

export function createFocusGate(): FocusGate {
  return { focus: 'lesson', consumed: false };
}

/** Whether the lesson's own keys may act on the input event being dispatched now. */
export function lessonKeysActive(gate: FocusGate): boolean {
  return gate.focus === 'lesson' && !gate.consumed;
}

export interface RawInputOptions {
  /** The pane has focus: every key goes to the shell, except the toggle. */
  paneFocused: boolean;
  /** Keys, exactly as the terminal sent them (arrows, function keys, Esc, Ctrl-C, Tab…). */
  onData: (raw: string) => void;
  /** A paste the outer terminal bracketed; without this handler it goes to onData unwrapped. */
  onPaste?: (text: string) => void;
  /** The toggle key (Ctrl-], `\x1d`): give focus back to the lesson. */
  onToggle: () => void;
  /** Route by this gate instead of `paneFocused` (see FocusGate): the pane then listens all along. */
  gate?: FocusGate;
}

/**
 * Raw stdin for the shell pane. Ink's useInput drops arrows, function keys and Esc (it reports
 * them as flags with empty input), so the pane listens to Ink's internal input events instead:
 * the same strings Ink's parser split from stdin, one key or one run of text each.
 *
 * Listens only while the pane has focus; the lesson's keys (useKeys) must be inactive then.
 * Render Ink with `exitOnCtrlC: false` so Ctrl-C reaches the shell.
 */
export function useRawInput(opts: RawInputOptions): void {
  const { internal_eventEmitter: events, setRawMode, isRawModeSupported } = useStdin();
  const handlers = useRef(opts);
  handlers.current = opts;

  const gate = opts.gate;
  const listening = gate !== undefined || opts.paneFocused;
  useEffect(() => {
    if (!listening || !isRawModeSupported) return;
    setRawMode(true);
    return () => setRawMode(false);
  }, [listening, isRawModeSupported, setRawMode]);
  useEffect(() => {
    if (!listening) return;
    let paste: string | undefined;
    // Off as soon as the toggle is seen (or the owner says so), not when React gets to the
    // effect cleanup: keys typed right after Ctrl-] must not reach the shell.
    let active = true;
    const onInput = (raw: string) => {
      const h = handlers.current;
      if (gate) {
        if (gate.focus !== 'pane') return;
        gate.consumed = true;
        queueMicrotask(() => {
          gate.consumed = false;
        });
      } else if (!active || !h.paneFocused) return;
      if (paste !== undefined) {
        const end = raw.indexOf(PASTE_END);
        if (end < 0) {
          paste += raw;
          return;
        }
        const text = paste + raw.slice(0, end);
        paste = undefined;
        if (h.onPaste) h.onPaste(text);
        else h.onData(text);
        if (raw.length > end + PASTE_END.length) onInput(raw.slice(end + PASTE_END.length));
        return;
      }
      const toggle = raw.indexOf(PANE_TOGGLE_RAW);
      if (toggle >= 0) {
        // Keys typed after the toggle in the same burst are dropped, not sent to the shell.
        if (toggle > 0) h.onData(raw.slice(0, toggle));
        if (gate) gate.focus = 'lesson';
        else active = false;
        h.onToggle();
        return;
      }
      if (raw.startsWith(PASTE_START)) {
        paste = '';
        if (raw.length > PASTE_START.length) onInput(raw.slice(PASTE_START.length));
        return;
      }
      h.onData(raw);
    };
    // First in line, so the pane sees a key before the lesson's listeners ask the gate.
    events.prependListener('input', onInput);
    return () => {
      events.off('input', onInput);
    };
  }, [listening, gate, events]);
}
