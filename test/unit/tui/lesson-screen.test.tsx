import React from 'react';
import xtermHeadless from '@xterm/headless';
import { describe, expect, it, vi } from 'vitest';
import { LessonScreen, type LessonScreenProps } from '../../../src/tui/screens/LessonScreen.js';
import { takeSnapshot } from '../../../src/tui/terminal/snapshot.js';
import { CHECKS, STEPS } from './fixtures.js';
import {
  KEY,
  frameLines,
  maxWidth,
  plain,
  press,
  renderTui,
  tick,
  waitForFrame,
} from './helpers.js';

const { Terminal } = xtermHeadless;

async function shellSnapshot(cols: number, rows: number) {
  const term = new Terminal({ cols, rows, allowProposedApi: true });
  await new Promise<void>((r) =>
    term.write('root@host1:~# ip -br link\r\nlo  UNKNOWN  00:00:00:00:00:00\r\nroot@host1:~# ', r),
  );
  return takeSnapshot(term, { cursorVisible: true, showCursor: false });
}

function screen(props: Partial<LessonScreenProps> = {}) {
  const cb = {
    onStep: vi.fn(),
    onCheck: vi.fn(),
    onReset: vi.fn(),
    onBack: vi.fn(),
    onQuit: vi.fn(),
    onToggleFocus: vi.fn(),
    onZoom: vi.fn(),
  };
  const all: LessonScreenProps = {
    lessonTitle: 'The docker0 bridge',
    steps: STEPS,
    current: 1,
    checks: CHECKS,
    focus: 'lesson',
    lab: 'up',
    columns: 80,
    rows: 24,
    pane: { host: 'host1' },
    ...cb,
    ...props,
  };
  return { r: renderTui(<LessonScreen {...all} />, {}, Math.max(100, all.columns)), cb };
}

describe('LessonScreen keys', () => {
  it('reveals hints one at a time', async () => {
    const { r } = screen({ columns: 100, rows: 40 });
    expect(plain(r.lastFrame())).toContain('Stuck? Press h for a hint (3 available).');
    let text = await press(r, 'h', (t) => t.includes('Hint 1 of 3'));
    expect(text).toContain('Use docker run -d.');
    expect(text).not.toContain('Hint 2 of 3');
    text = await press(r, 'h', (t) => t.includes('Hint 2 of 3'));
    expect(text).toContain('Give it a name with --name web.');
    expect(text).not.toContain('Hint 3 of 3');
    text = await press(r, 'h', (t) => t.includes('Hint 3 of 3'));
    expect(text).toContain('That was the last hint.');
  });

  it('shows the solution only after confirmation', async () => {
    const { r } = screen({ columns: 100, rows: 40 });
    let text = await press(r, 's', (t) => t.includes('Show the solution?'));
    expect(text).not.toContain('docker run -d --name web');
    text = await press(r, 'n', (t) => !t.includes('Show the solution?'));
    expect(text).not.toContain('docker run -d --name web');
    await press(r, 's', (t) => t.includes('Show the solution?'));
    text = await press(r, 'y', (t) => t.includes('Solution'));
    expect(text).toContain('on host1:');
    expect(text).toContain('docker run -d --name web lab httpd -f -p 80');
    expect(text).toContain('bridge link');
  });

  it('asks before resetting the lab, and resets on yes only', async () => {
    const { r, cb } = screen();
    await press(r, 'r', (t) => t.includes("Reset this lesson's lab?"));
    await press(r, KEY.escape, (t) => !t.includes("Reset this lesson's lab?"));
    expect(cb.onReset).not.toHaveBeenCalled();
    await press(r, 'r', (t) => t.includes("Reset this lesson's lab?"));
    await tick();
    r.stdin.write('y');
    await vi.waitFor(() => expect(cb.onReset).toHaveBeenCalledTimes(1));
  });

  it('moves between steps, checks, goes back, toggles focus and quits through callbacks', async () => {
    const { r, cb } = screen();
    for (const k of ['n', 'p', 'c', 'b', KEY.toggle, KEY.ctrlC, 'z']) {
      await tick();
      r.stdin.write(k);
    }
    await vi.waitFor(() => expect(cb.onZoom).toHaveBeenCalled());
    expect(cb.onStep.mock.calls).toEqual([[0]]); // n on the last step does nothing; p goes to 0
    expect(cb.onCheck).toHaveBeenCalledTimes(1);
    expect(cb.onBack).toHaveBeenCalledTimes(1);
    expect(cb.onToggleFocus).toHaveBeenCalledTimes(1);
    expect(cb.onQuit).toHaveBeenCalledTimes(1);
  });

  it('ignores every key while the shell pane has focus', async () => {
    const { r, cb } = screen({ focus: 'pane' });
    for (const k of ['h', 's', 'q', 'p', KEY.ctrlC, KEY.toggle]) {
      await tick();
      r.stdin.write(k);
    }
    await tick();
    expect(plain(r.lastFrame())).not.toContain('Hint 1');
    expect(Object.values(cb).every((f) => f.mock.calls.length === 0)).toBe(true);
    expect(plain(r.lastFrame())).toContain('focus: shell');
  });

  it('opens a help overlay listing the keys, and closes it', async () => {
    const { r } = screen({ columns: 100, rows: 50 });
    const text = await press(r, '?', (t) => t.includes('Keys'));
    expect(text).toContain('Show the next hint');
    expect(text).toContain('Move focus between the shell and the lesson');
    expect(text).toContain('Ctrl-]');
    await press(r, KEY.escape, (t) => !t.includes('Show the next hint'));
  });
});

describe('LessonScreen layout', () => {
  it('fits 80×24 stacked: every line at most 80 display columns, 24 lines', async () => {
    const { r } = screen({
      columns: 80,
      rows: 24,
      pane: { host: 'host1', snapshot: await shellSnapshot(80, 11) },
    });
    const lines = frameLines(r);
    expect(lines.length).toBeLessThanOrEqual(24);
    expect(maxWidth(lines)).toBeLessThanOrEqual(80);
    const text = lines.join('\n');
    expect(text).toContain('Step 2 of 2: Run a container on it');
    expect(text).toContain('── shell on host1 · Ctrl-] to type here');
    expect(text).toContain('root@host1:~# ip -br link');
    expect(lines.at(-1)).toMatch(/^focus: lesson/);
    // Stacked: the pane's title is on a line of its own, below the lesson.
    const title = lines.findIndex((l) => l.includes('shell on host1'));
    const step = lines.findIndex((l) => l.includes('Step 2 of 2'));
    expect(title).toBeGreaterThan(step);
  });

  it('keeps 80 columns with wide characters and help open', async () => {
    const steps = STEPS.map((s) => ({
      ...s,
      title: '运行一个容器并查看网桥的变化情况',
      markdown: '容器启动后，网桥上会多出一个 veth 接口。'.repeat(6),
    }));
    const { r } = screen({ steps, columns: 80, rows: 24 });
    expect(maxWidth(frameLines(r))).toBeLessThanOrEqual(80);
    await press(r, '?', (t) => t.includes('Keys'));
    const lines = frameLines(r);
    expect(lines.length).toBeLessThanOrEqual(24);
    expect(maxWidth(lines)).toBeLessThanOrEqual(80);
    expect(lines.join('\n')).toMatch(/↓ \d+ more lines/);
  });

  it('puts lesson and shell side by side when wide', async () => {
    const { r } = screen({
      columns: 140,
      rows: 30,
      pane: { host: 'host1', snapshot: await shellSnapshot(83, 28) },
    });
    const lines = frameLines(r);
    expect(maxWidth(lines)).toBeLessThanOrEqual(140);
    const row = lines.find((l) => l.includes('The docker0 bridge'));
    expect(row).toContain('shell on host1');
    // The step list fits in the wide column.
    expect(
      lines.some((l) => l.includes('❯ ○ to do') && l.includes('2. Run a container on it')),
    ).toBe(true);
  });

  it('opens the map beside the text when wide, in its place at 80×24', async () => {
    const map = { lines: ['host1', '└─ docker0 172.17.0.1/16'], observedAt: '10:00:00' };
    const wide = frameLines(screen({ columns: 120, rows: 40, map }).r);
    expect(maxWidth(wide)).toBeLessThanOrEqual(120);
    const title = wide.find((l) => l.includes('Lab map')) ?? '';
    // Right of the rule, above the shell; the step text keeps its column.
    expect(title.indexOf('Lab map')).toBeGreaterThan(title.indexOf('│'));
    expect(title.indexOf('│')).toBeGreaterThan(0);
    const at = wide.indexOf(title);
    expect(wide.findIndex((l) => l.includes('shell on host1'))).toBeGreaterThan(at);
    expect(wide.some((l) => l.split('│')[0]!.includes('2. Run a container on it'))).toBe(true);
    const narrow = frameLines(screen({ columns: 80, rows: 24, map }).r);
    expect(maxWidth(narrow)).toBeLessThanOrEqual(80);
    expect(narrow.some((l) => l.startsWith('Lab map'))).toBe(true);
  });

  it("shows the trace panel in the map's place: its ends, its lines, or what to do without one", async () => {
    const trace = { from: 'client', to: 'api:8080' };
    const lines = ['client 10.41.0.2 → api 10.41.0.10:8080', '  ✘ no route'];
    const wide = frameLines(screen({ columns: 120, rows: 40, map: { trace, lines } }).r).join('\n');
    expect(wide).toContain('Trace client → api:8080');
    expect(wide).toContain('no route');
    expect(wide).toContain('t closes the trace');
    const none = frameLines(screen({ columns: 80, rows: 24, map: { none: true } }).r).join(' ');
    expect(none.replace(/\s+/g, ' ')).toContain('names no packet path to trace');
  });

  it('frames the help overlay across the whole width when wide', async () => {
    const { r } = screen({ columns: 140, rows: 30 });
    const lines = (await press(r, '?', (t) => t.includes('Keys'))).split('\n');
    expect(lines[0]).toMatch(/^╭─+╮$/);
    expect(
      lines.filter((l) => l.startsWith('│')).every((l) => l.length === 140 && l.endsWith('│')),
    ).toBe(true);
  });

  it('shows the pane focused and the shell ending', async () => {
    const { r } = screen({
      focus: 'pane',
      pane: { host: 'host1', snapshot: await shellSnapshot(80, 11), exitCode: 0 },
    });
    await waitForFrame(r, (t) => t.includes('shell ended (exit status 0)'));
  });
});

describe('LessonScreen while the shell has the keyboard', () => {
  it('at 80×24 the shell gets most rows, the checks stay in sight, Shift-PgDn pages the text', async () => {
    let shellFocused = true;
    const { r } = screen({ focus: 'pane', rows: 23, keysActive: () => !shellFocused });
    const before = plain(r.lastFrame());
    expect(before).toMatch(/Checks · \d+ of \d+ pass/);
    const rows = frameLines(r);
    const title = rows.findIndex((l) => l.includes('shell on host1'));
    expect(title).toBeLessThan(rows.length / 2); // the text gave the shell its rows
    // The shell has the keyboard: j is the shell's, Shift-PgDn still pages the text.
    r.stdin.write('j');
    await tick();
    expect(plain(r.lastFrame())).toBe(before);
    const after = await press(r, '\x1b[6;2~');
    expect(after).not.toBe(before);
    expect(after).toMatch(/Checks · \d+ of \d+ pass/);
    shellFocused = false;
  });

  it('m and the resize keys ask the owner (three keys in one write)', async () => {
    const onMap = vi.fn();
    const onSplit = vi.fn();
    const { r } = screen({ columns: 120, rows: 40, onMap, onSplit });
    await tick();
    r.stdin.write('m><');
    await vi.waitFor(() => expect(onSplit).toHaveBeenCalledTimes(2));
    expect(onMap).toHaveBeenCalledTimes(1);
    expect(onSplit.mock.calls.map((c) => c[0])).toEqual([1, -1]);
  });
});
