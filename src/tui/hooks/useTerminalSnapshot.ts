import { useEffect, useState } from 'react';
import { takeSnapshot, type SnapshotSource, type TerminalSnapshot } from '../terminal/snapshot.js';

/** What the pane reads from a terminal session (src/lab/terminal-session.ts implements it). */
export interface PaneSource {
  readonly term: SnapshotSource;
  readonly cursorVisible: boolean;
  onChange(fn: () => void): () => void;
}

/**
 * The session's screen (or `scrollBack` lines up in its scrollback), re-read on each (throttled)
 * change; the cursor drawn only when focused.
 */
export function useTerminalSnapshot(
  source: PaneSource | undefined,
  focused: boolean,
  scrollBack = 0,
): TerminalSnapshot | undefined {
  const read = () =>
    source
      ? takeSnapshot(source.term, {
          cursorVisible: source.cursorVisible,
          showCursor: focused,
          scrollBack,
        })
      : undefined;
  const [snap, setSnap] = useState(read);
  useEffect(() => {
    setSnap(read());
    if (!source) return;
    return source.onChange(() => setSnap(read()));
  }, [source, focused, scrollBack]);
  return snap;
}
