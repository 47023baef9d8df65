import { useEffect, useRef } from 'react';
import { useStdin } from 'ink';
import { PANE_TOGGLE_RAW } from '../keymap.js';

const PASTE_START = '\x1b[200~';
const PASTE_END = '\x1b[201~';

export interface RawInputOptions {
  /** The pane has focus: every key goes to the shell, except the toggle. */
  paneFocused: boolean;
  /** Keys, exactly as the terminal sent them (arrows, function keys, Esc, Ctrl-C, Tab…). */
  onData: (raw: string) => void;
  /** A paste the outer terminal bracketed; without this handler it goes to onData unwrapped. */
  onPaste?: (text: string) => void;
  /** The toggle key (Ctrl-], `\x1d`): give focus back to the lesson. */
  onToggle: () => void;
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

  useEffect(() => {
    if (!opts.paneFocused || !isRawModeSupported) return;
    setRawMode(true);
    return () => setRawMode(false);
  }, [opts.paneFocused, isRawModeSupported, setRawMode]);

  useEffect(() => {
    if (!opts.paneFocused) return;
    let paste: string | undefined;
    // Off as soon as the toggle is seen (or the owner says so), not when React gets to the
    // effect cleanup: keys typed right after Ctrl-] must not reach the shell.
    let active = true;
    const onInput = (raw: string) => {
      const h = handlers.current;
      if (!active || !h.paneFocused) return;
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
        active = false;
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
    events.on('input', onInput);
    return () => {
      events.off('input', onInput);
    };
  }, [opts.paneFocused, events]);
}
