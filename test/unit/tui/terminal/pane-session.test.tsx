import React, { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { TerminalSession } from '../../../../src/lab/terminal-session.js';
import { TerminalPane } from '../../../../src/tui/components/TerminalPane.js';
import { usePaneSession } from '../../../../src/tui/hooks/usePaneSession.js';
import { KEY, renderTui, tick, waitForFrame } from '../helpers.js';

function Shell({ session, cols, rows }: { session: TerminalSession; cols: number; rows: number }) {
  const [focused, setFocused] = useState(true);
  const snapshot = usePaneSession(session, {
    focused,
    cols,
    rows,
    onToggle: () => setFocused((f) => !f),
  });
  return <TerminalPane snapshot={snapshot} width={cols} height={rows} />;
}

let session: TerminalSession | undefined;
afterEach(() => session?.dispose());

describe('a live shell in an Ink pane', () => {
  it('types into bash through stdin and shows the result; the pane size reaches the pty', async () => {
    session = new TerminalSession({
      command: {
        file: 'bash',
        args: ['--norc', '--noprofile'],
        env: { ...process.env, PS1: 'lab$ ', HISTFILE: '/dev/null' },
      },
      cols: 80,
      rows: 24,
    });
    const r = renderTui(<Shell session={session} cols={50} rows={8} />);
    await waitForFrame(r, (f) => f.includes('lab$'), 10_000);
    await tick();
    r.stdin.write('echo $((6*7)); stty size\r');
    const frame = await waitForFrame(r, (f) => /^42$/m.test(f) && /^8 50$/m.test(f), 10_000);
    expect(frame.split('\n')).toHaveLength(8);
    // Ctrl-C goes to the shell, not to the app.
    r.stdin.write('sleep 30\r');
    await waitForFrame(r, (f) => f.includes('sleep 30'));
    r.stdin.write(KEY.ctrlC);
    await waitForFrame(r, (f) => /\^C\s*\nlab\$/.test(f), 10_000);
  });
});
