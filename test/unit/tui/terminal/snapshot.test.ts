import xtermHeadless from '@xterm/headless';
import { describe, expect, it } from 'vitest';
import {
  snapshotText,
  takeSnapshot,
  type TerminalSnapshot,
} from '../../../../src/tui/terminal/snapshot.js';

const { Terminal } = xtermHeadless;

async function screen(data: string, opts: { cols?: number; rows?: number; cursor?: boolean } = {}) {
  const term = new Terminal({
    cols: opts.cols ?? 20,
    rows: opts.rows ?? 4,
    allowProposedApi: true,
  });
  await new Promise<void>((resolve) => term.write(data, resolve));
  const snap = takeSnapshot(term, { cursorVisible: true, showCursor: opts.cursor ?? false });
  return { term, snap };
}

function runsOf(snap: TerminalSnapshot, row: number) {
  return snap.rows[row]!.runs;
}

describe('takeSnapshot', () => {
  it('maps palette colours to ansi256 and true colour to hex', async () => {
    const { snap } = await screen(
      '\x1b[31mred\x1b[0m \x1b[38;2;255;128;0morange\x1b[0m \x1b[48;5;202mbg\x1b[0m',
    );
    const runs = runsOf(snap, 0);
    expect(runs).toEqual([
      { text: 'red', style: { fg: 'ansi256(1)' } },
      { text: ' ', style: {} },
      { text: 'orange', style: { fg: '#ff8000' } },
      { text: ' ', style: {} },
      { text: 'bg', style: { bg: 'ansi256(202)' } },
    ]);
  });

  it('keeps bold, dim, italic, underline and inverse, coalescing equal styles', async () => {
    const { snap } = await screen(
      '\x1b[1mB\x1b[1mB\x1b[0m\x1b[2md\x1b[0m\x1b[3mi\x1b[0m\x1b[4mu\x1b[0m\x1b[7mr\x1b[0m',
    );
    expect(runsOf(snap, 0)).toEqual([
      { text: 'BB', style: { bold: true } },
      { text: 'd', style: { dim: true } },
      { text: 'i', style: { italic: true } },
      { text: 'u', style: { underline: true } },
      { text: 'r', style: { inverse: true } },
    ]);
  });

  it('skips the right half of wide characters so CJK text keeps its columns', async () => {
    const { snap } = await screen('中文ab\r\n12345');
    expect(snapshotText(snap).slice(0, 2)).toEqual(['中文ab', '12345']);
  });

  it('inverts the cursor cell when it is visible and wanted', async () => {
    const { term, snap } = await screen('abc\x1b[1G', { cursor: true });
    expect(runsOf(snap, 0)).toEqual([
      { text: 'a', style: { inverse: true } },
      { text: 'bc', style: {} },
    ]);
    const hidden = takeSnapshot(term, { cursorVisible: false, showCursor: true });
    expect(runsOf(hidden, 0)).toEqual([{ text: 'abc', style: {} }]);
    // A cursor past the text still shows as an inverted blank.
    await new Promise<void>((r) => term.write('\x1b[5G', r));
    const end = takeSnapshot(term, { cursorVisible: true, showCursor: true });
    expect(runsOf(end, 0)).toEqual([
      { text: 'abc ', style: {} },
      { text: ' ', style: { inverse: true } },
    ]);
  });

  it('inverts a whole wide character under the cursor', async () => {
    const { snap } = await screen('中文\x1b[3G', { cursor: true });
    expect(runsOf(snap, 0)).toEqual([
      { text: '中', style: {} },
      { text: '文', style: { inverse: true } },
    ]);
  });

  it('reads the alternate buffer while a full-screen program runs, then the normal one again', async () => {
    const { term, snap } = await screen('shell$ ');
    expect(snap.buffer).toBe('normal');
    await new Promise<void>((r) => term.write('\x1b[?1049h\x1b[HFULL SCREEN', r));
    const alt = takeSnapshot(term, { cursorVisible: true, showCursor: false });
    expect(alt.buffer).toBe('alternate');
    expect(snapshotText(alt)[0]).toBe('FULL SCREEN');
    await new Promise<void>((r) => term.write('\x1b[?1049l', r));
    const back = takeSnapshot(term, { cursorVisible: true, showCursor: false });
    expect(back.buffer).toBe('normal');
    expect(snapshotText(back)[0]).toBe('shell$');
  });

  it('reads rows from the viewport, and equal rows get equal keys', async () => {
    const { snap } = await screen('1\r\n2\r\n3\r\n4\r\n5\r\n6', { rows: 3 });
    expect(snapshotText(snap)).toEqual(['4', '5', '6']);
    const again = await screen('x\r\n5');
    expect(again.snap.rows[1]!.key).toBe(snap.rows[1]!.key);
    expect(again.snap.rows[0]!.key).not.toBe(snap.rows[0]!.key);
  });
});
