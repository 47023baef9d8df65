import { useEffect } from 'react';
import type { TerminalSnapshot } from '../terminal/snapshot.js';
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
    onData: (raw) => session?.write(raw),
    onPaste: (text) => session?.paste(text),
    onToggle: opts.onToggle,
    ...(opts.gate ? { gate: opts.gate } : {}),
  });
  return useTerminalSnapshot(session, opts.focused);
}
