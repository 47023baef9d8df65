import React from 'react';
import xtermHeadless from '@xterm/headless';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { TerminalPane } from '../../../src/tui/components/TerminalPane.js';
import {
  SPLIT,
  WIDE_COLUMNS,
  computeLayout,
  nextZoom,
  resizeSplit,
} from '../../../src/tui/layout.js';
import { takeSnapshot } from '../../../src/tui/terminal/snapshot.js';
import { padEnd, truncate, wrapSegments } from '../../../src/tui/text.js';
import { frameLines, renderTui } from './helpers.js';

const { Terminal } = xtermHeadless;

describe('computeLayout', () => {
  it('stacks at 80×24: lesson, a title row, the shell, the status bar; most rows to the focus', () => {
    const p = computeLayout(80, 24);
    expect(p.mode).toBe('stacked');
    expect(p.lesson).toEqual({ width: 80, height: 15 });
    expect(p.pane).toEqual({ width: 80, height: 7 });
    expect(p.lesson.height + 1 + p.pane.height + p.status.height).toBe(24);
    const typing = computeLayout(80, 24, 'none', { focus: 'pane' });
    expect(typing.lesson.height).toBe(7);
    expect(typing.pane.height).toBe(15);
  });

  it(`sits side by side from ${WIDE_COLUMNS} columns, every column accounted for`, () => {
    for (const cols of [100, 120, 140, 200, 300]) {
      const p = computeLayout(cols, 40);
      expect(p.mode).toBe('wide');
      expect(p.lesson.width + p.gap + p.pane.width).toBe(cols);
      // The text gets at least half by default.
      expect(p.lesson.width).toBeGreaterThanOrEqual(Math.floor((cols - 1) / 2));
      expect(p.pane.height + 1 + p.status.height).toBe(40);
    }
    expect(computeLayout(99, 40).mode).toBe('stacked');
  });

  it('resizes the split by steps, within bounds, every column still accounted for', () => {
    expect(resizeSplit(SPLIT.default, 1)).toBe(SPLIT.default + SPLIT.step);
    expect(resizeSplit(SPLIT.min, -1)).toBe(SPLIT.min);
    expect(resizeSplit(SPLIT.max, 1)).toBe(SPLIT.max);
    const narrow = computeLayout(120, 40, 'none', { split: SPLIT.min });
    const wide = computeLayout(120, 40, 'none', { split: SPLIT.max });
    expect(narrow.lesson.width).toBeLessThan(wide.lesson.width);
    for (const p of [narrow, wide]) expect(p.lesson.width + p.gap + p.pane.width).toBe(120);
  });

  it('puts an open map above the shell, beside the text, when wide and tall; else nowhere', () => {
    const closed = computeLayout(120, 40);
    const open = computeLayout(120, 40, 'none', { map: true });
    expect(closed.map.height).toBe(0);
    expect(open.map.height).toBeGreaterThan(5);
    expect(open.map.width).toBe(open.pane.width);
    expect(open.lesson).toEqual(closed.lesson);
    // Every row of the right column accounted for: map, the shell's title, the shell.
    expect(open.map.height + 1 + open.pane.height).toBe(open.body);
    // At 80×24 (stacked) and on a short wide screen the map takes the text's place instead.
    expect(computeLayout(80, 24, 'none', { map: true }).map.height).toBe(0);
    expect(computeLayout(120, 16, 'none', { map: true }).map.height).toBe(0);
    expect(computeLayout(120, 40, 'lesson', { map: true }).map.height).toBe(0);
  });

  it('zooms the text or the shell to the whole body', () => {
    expect(computeLayout(80, 24, 'pane').pane).toEqual({ width: 80, height: 22 });
    expect(computeLayout(80, 24, 'lesson').lesson).toEqual({ width: 80, height: 23 });
    expect(computeLayout(80, 24, 'lesson').pane.height).toBe(0);
    expect([nextZoom('none'), nextZoom('lesson'), nextZoom('pane')]).toEqual([
      'lesson',
      'pane',
      'none',
    ]);
  });
});

describe('display width', () => {
  it('truncates and pads by columns, CJK counting two', () => {
    expect(truncate('网络命名空间', 7)).toBe('网络命…');
    expect(stringWidth(truncate('网络命名空间', 7))).toBeLessThanOrEqual(7);
    expect(padEnd('网络', 6)).toBe('网络  ');
    expect(truncate('docker', 6)).toBe('docker');
  });

  it('wraps words, keeps styles across a break, and cuts words longer than the line', () => {
    const lines = wrapSegments(
      [{ text: 'see ' }, { text: 'docker network inspect', tone: 'code' }, { text: ' now' }],
      12,
    );
    expect(lines.map((l) => l.map((s) => s.text).join(''))).toEqual([
      'see docker',
      'network',
      'inspect now',
    ]);
    expect(lines[1]).toEqual([{ text: 'network', tone: 'code' }]);
    const long = wrapSegments([{ text: 'aaaaaaaaaaaaaaaaaaaa' }], 8).map((l) =>
      l.map((s) => s.text).join(''),
    );
    expect(long).toEqual(['aaaaaaaa', 'aaaaaaaa', 'aaaa']);
  });
});

describe('TerminalPane', () => {
  it('draws the shell screen rows, CJK aligned, within its width and height', async () => {
    const term = new Terminal({ cols: 20, rows: 4, allowProposedApi: true });
    await new Promise<void>((r) => term.write('$ echo 中文\r\n中文\r\n$ ', r));
    const snap = takeSnapshot(term, { cursorVisible: true, showCursor: true });
    const lines = frameLines(renderTui(<TerminalPane snapshot={snap} width={20} height={4} />));
    expect(lines).toHaveLength(4);
    expect(lines.slice(0, 3).map((l) => l.trimEnd())).toEqual(['$ echo 中文', '中文', '$']);
    for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(20);
  });

  it('re-renders only rows whose content changed', async () => {
    const term = new Terminal({ cols: 20, rows: 3, allowProposedApi: true });
    await new Promise<void>((r) => term.write('one\r\ntwo', r));
    const a = takeSnapshot(term, { cursorVisible: false, showCursor: false });
    await new Promise<void>((r) => term.write('!', r));
    const b = takeSnapshot(term, { cursorVisible: false, showCursor: false });
    expect(b.rows[0]!.key).toBe(a.rows[0]!.key);
    expect(b.rows[1]!.key).not.toBe(a.rows[1]!.key);
    const r = renderTui(<TerminalPane snapshot={a} width={20} height={3} />);
    r.rerender(<TerminalPane snapshot={b} width={20} height={3} />);
    expect(frameLines(r)[1]!.trimEnd()).toBe('two!');
  });
});
