import { afterEach, describe, expect, it } from 'vitest';
import {
  PROMPT_COMMAND_LINE,
  TerminalSession,
  encodeCursorKeys,
  encodePaste,
  type PromptEvent,
} from '../../../../src/lab/terminal-session.js';
import { snapshotText, takeSnapshot } from '../../../../src/tui/terminal/snapshot.js';

/** Resolve when `check()` holds, re-testing on every screen change (no fixed sleeps). */
function waitFor<T>(
  session: TerminalSession,
  check: () => T | undefined | false,
  timeoutMs = 10_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const test = () => {
      const v = check();
      if (v) {
        off();
        clearTimeout(timer);
        resolve(v);
        return true;
      }
      return false;
    };
    const offChange = session.onChange(() => void test());
    const offPrompt = session.onPrompt(() => void test());
    const off = () => {
      offChange();
      offPrompt();
    };
    const timer = setTimeout(() => {
      off();
      reject(new Error(`timed out; screen:\n${screenText(session).join('\n')}`));
    }, timeoutMs);
    test();
  });
}

function screenText(session: TerminalSession): string[] {
  return snapshotText(
    takeSnapshot(session.term, { cursorVisible: session.cursorVisible, showCursor: false }),
  );
}

const sessions: TerminalSession[] = [];
function bash(cols = 80, rows = 24): TerminalSession {
  const s = new TerminalSession({
    command: {
      file: 'bash',
      args: ['--norc', '--noprofile'],
      env: { ...process.env, PS1: 'lab$ ', HISTFILE: '/dev/null' },
    },
    cols,
    rows,
  });
  sessions.push(s);
  return s;
}

afterEach(() => {
  while (sessions.length) sessions.pop()!.dispose();
});

describe('TerminalSession with a real bash in a pty', () => {
  it('runs a command and shows its output, and reports the prompt coming back', async () => {
    const s = bash();
    await waitFor(s, () => screenText(s).some((l) => l.startsWith('lab$')));
    const prompts: PromptEvent[] = [];
    s.onPrompt((e) => prompts.push(e));
    s.write(PROMPT_COMMAND_LINE + '\r');
    await waitFor(s, () => prompts.length >= 1);
    expect(prompts[0]).toMatchObject({ status: 0, count: 1 });

    s.write('echo $((6*7))\r');
    await waitFor(s, () => screenText(s).some((l) => l === '42'));
    await waitFor(s, () => prompts.length >= 2);
    expect(prompts[1]).toMatchObject({ status: 0, count: 2 });

    s.write('false\r');
    await waitFor(s, () => prompts.length >= 3);
    expect(prompts[2]!.status).toBe(1);
    // The OSC is invisible: the prompts after the commands carry no stray text.
    const lines = screenText(s);
    const after = lines.slice(lines.findIndex((l) => l.startsWith('lab$ echo')));
    expect(after.filter((l) => l.length > 0)).toEqual([
      'lab$ echo $((6*7))',
      '42',
      'lab$ false',
      'lab$',
    ]);
  });

  it('resizes the pty and the emulator together', async () => {
    const s = bash(80, 24);
    await waitFor(s, () => screenText(s).some((l) => l.startsWith('lab$')));
    s.resize(60, 20);
    expect([s.cols, s.rows]).toEqual([60, 20]);
    s.write('stty size\r');
    await waitFor(s, () => screenText(s).some((l) => l === '20 60'));
  });

  it('follows a program into the alternate screen and back', async () => {
    const s = bash();
    await waitFor(s, () => screenText(s).some((l) => l.startsWith('lab$')));
    s.write("printf '\\e[?1049h\\e[HALT-SCREEN'; read -r; printf '\\e[?1049l'\r");
    await waitFor(
      s,
      () => s.term.buffer.active.type === 'alternate' && screenText(s)[0]?.startsWith('ALT-SCREEN'),
    );
    s.write('\r');
    await waitFor(
      s,
      () =>
        s.term.buffer.active.type === 'normal' &&
        !screenText(s).some((l) => l.startsWith('ALT-SCREEN')),
    );
  });

  it('answers the program\u2019s cursor position query (term.onData reaches the pty)', async () => {
    const s = bash();
    await waitFor(s, () => screenText(s).some((l) => l.startsWith('lab$')));
    // Ask for the cursor position and print what came back.
    s.write('printf \'\\e[6n\'; IFS= read -rsd R reply; echo "got${reply#*[}"\r');
    await waitFor(s, () => screenText(s).some((l) => /^got\d+;\d+$/.test(l)));
  });

  it('re-encodes arrow keys when the program turns on application cursor keys', async () => {
    const s = bash();
    await waitFor(s, () => screenText(s).some((l) => l.startsWith('lab$')));
    // od shows the bytes it receives; DECCKM on (ESC [ ? 1 h) before reading one key.
    s.write("printf '\\e[?1h'; stty raw -echo; head -c 3 | od -An -c; stty sane\r");
    await waitFor(s, () => s.term.modes.applicationCursorKeysMode);
    s.write('\x1b[A');
    await waitFor(s, () => screenText(s).some((l) => /033\s+O\s+A/.test(l)));
  });

  it('throttles change notifications to about 30 a second under a flood of output', async () => {
    const s = bash();
    await waitFor(s, () => screenText(s).some((l) => l.startsWith('lab$')));
    let changes = 0;
    s.onChange(() => changes++);
    const t0 = Date.now();
    s.write('seq 1 100000\r');
    await waitFor(
      s,
      () => screenText(s).some((l) => l === '100000') && screenText(s).at(-1)?.startsWith('lab$'),
      30_000,
    );
    const elapsed = Date.now() - t0;
    // Each notification is at least 1000/30 ms after the one before (leading edge counts one).
    expect(changes).toBeLessThanOrEqual(Math.floor(elapsed / 33) + 2);
    expect(changes).toBeGreaterThan(0);
  });

  it('holds frames while the program uses synchronized output', async () => {
    const s = bash();
    await waitFor(s, () => screenText(s).some((l) => l.startsWith('lab$')));
    const seenDuringSync: boolean[] = [];
    s.onChange(() => {
      if (s.term.modes.synchronizedOutputMode) seenDuringSync.push(true);
    });
    s.write("printf '\\e[?2026hHELD'; sleep 0.2; printf 'DONE\\e[?2026l\\n'\r");
    await waitFor(s, () => screenText(s).some((l) => l.startsWith('HELDDONE')));
    expect(seenDuringSync).toEqual([]);
  });

  it('reports the exit of the program', async () => {
    const s = bash();
    await waitFor(s, () => screenText(s).some((l) => l.startsWith('lab$')));
    const exited = new Promise((resolve) => s.onExit(resolve));
    s.write('exit 3\r');
    await expect(exited).resolves.toMatchObject({ exitCode: 3 });
    expect(s.exit?.exitCode).toBe(3);
    // Writes and resizes after the end are ignored, not thrown.
    s.write('x');
    s.resize(40, 10);
  });
});

describe('input encoding', () => {
  it('uses SS3 arrows in application cursor mode and CSI otherwise', () => {
    expect(encodeCursorKeys('\x1b[A\x1b[D', true)).toBe('\x1bOA\x1bOD');
    expect(encodeCursorKeys('\x1bOA', false)).toBe('\x1b[A');
    expect(encodeCursorKeys('\x1b[1;5A', true)).toBe('\x1b[1;5A');
    expect(encodeCursorKeys('ls\r', true)).toBe('ls\r');
  });

  it('wraps pastes only in bracketed paste mode, and cannot be broken out of', () => {
    expect(encodePaste('a\nb', true)).toBe('\x1b[200~a\nb\x1b[201~');
    expect(encodePaste('a\nb', false)).toBe('a\nb');
    expect(encodePaste('x\x1b[201~rm -rf /\r', true)).toBe('\x1b[200~xrm -rf /\r\x1b[201~');
  });
});
