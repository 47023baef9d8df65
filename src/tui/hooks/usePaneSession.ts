import { useEffect } from 'react';
import type { TerminalSnapshot } from '../terminal/snapshot.js';
import { passesPane } from '../keymap.js';
import { useRawInput, type FocusGate } from './useRawInput.js';
import { useTerminalSnapshot, type PaneSource } from './useTerminalSnapshot.js';

/** The parts of a terminal session (src/lab/terminal-session.ts) the pane drives. */
export interface PaneSession extends PaneSource {
  write(raw: string): void;
  paste(text: string): void;
  resize(cols: number, rows: number): void;
}

export interface PaneSessionOptions {
  focused: boolean;
  /** The pane's size from the layout; 0 rows (pane hidden by zoom) leaves the shell's size alone. */
  cols: number;
  rows: number;
  /** Ctrl-] pressed in the pane. */
  onToggle: () => void;
  /** Route keys by this gate (see FocusGate in useRawInput). */
  gate?: FocusGate;
  /** Lines scrolled back into the shell's scrollback (0: live). */
  scrollBack?: number;
  /** A key typed into the shell: the owner returns the pane to the live screen. */
  onTyped?: () => void;
}

/**
 * Everything between a live session and <TerminalPane>: the screen snapshot, raw keys to the
 * shell while focused, and the shell's size following the layout.
 */
export function usePaneSession(
  session: PaneSession | undefined,
  opts: PaneSessionOptions,
): TerminalSnapshot | undefined {
  const { cols, rows } = opts;
  useEffect(() => {
    if (session && cols > 0 && rows > 0) session.resize(cols, rows);
  }, [session, cols, rows]);
  useRawInput({
    paneFocused: opts.focused && session !== undefined,
    onData: (raw) => {
      opts.onTyped?.();
      session?.write(raw);
    },
    onPaste: (text) => {
      opts.onTyped?.();
      session?.paste(text);
    },
    onToggle: opts.onToggle,
    // The text and scrollback keys go on to the lesson, which acts on them for the pane too.
    passes: passesPane,
    ...(opts.gate ? { gate: opts.gate } : {}),
  });
  return useTerminalSnapshot(session, opts.focused, opts.scrollBack ?? 0);
}
