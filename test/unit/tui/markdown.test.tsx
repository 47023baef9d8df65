import React from 'react';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { Markdown } from '../../../src/tui/components/Markdown.js';
import { StepView } from '../../../src/tui/components/StepView.js';
import { linesText, renderMarkdown } from '../../../src/tui/markdown/render.js';
import { highlightShell } from '../../../src/tui/markdown/shell-highlight.js';
import type { Line } from '../../../src/tui/theme.js';
import { STEPS } from './fixtures.js';
import { frameLines, maxWidth, plain, renderTui } from './helpers.js';

const seg = (lines: Line[], text: string) => lines.flat().find((s) => s.text.includes(text));

describe('renderMarkdown', () => {
  it('renders headings, paragraphs, lists and code with a blank line between blocks', () => {
    const text = linesText(renderMarkdown(STEPS[0]!.markdown, { width: 60 }));
    expect(text[0]).toBe('The default bridge');
    expect(text[1]).toBe('');
    expect(text).toContain('• list the links with ip link');
    expect(text).toContain('  ip -br link show docker0 # the bridge');
  });

  it('wraps paragraphs to the width by display columns, CJK included', () => {
    const md =
      '这是一个很长的中文句子，用来测试按显示宽度换行，每个汉字占两列。 And some English words too, long enough to wrap.';
    for (const width of [20, 33, 41]) {
      const text = linesText(renderMarkdown(md, { width }));
      expect(text.length).toBeGreaterThan(1);
      for (const l of text) expect(stringWidth(l)).toBeLessThanOrEqual(width);
      expect(text.join('').replace(/ /g, '')).toBe(md.replace(/ /g, ''));
    }
  });

  it('never wraps a code line: it is cut with … and read whole by scrolling it', () => {
    const out = '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 link/loopback 00:00:00:00:00:00';
    const md = `Look:\n\n\`\`\`\n${out}\nshort\n\`\`\``;
    const rows = linesText(renderMarkdown(md, { width: 40 }));
    expect(rows).toHaveLength(4); // Look, blank, two code lines: no continuation row
    expect(rows[2]).toMatch(/^ {2}1: lo: <LOOPBACK.*…$/);
    expect(stringWidth(rows[2]!)).toBe(40);
    expect(rows[3]).toBe('  short');
    // Scrolled right: the cut part shows, marked on the left; scrolled far, the end shows whole.
    const shifted = linesText(renderMarkdown(md, { width: 40, codeShift: 8 }));
    expect(shifted[2]).toMatch(/^ {2}…/);
    const end = linesText(renderMarkdown(md, { width: 40, codeShift: 999 }));
    expect(end[2]).toMatch(/….*00:00:00:00:00:00$/);
    expect(stringWidth(end[2]!)).toBeLessThanOrEqual(40);
    // Every column of the line is on screen at some shift.
    const seen = [0, 8, 16, 24, 32, 40].map(
      (codeShift) => linesText(renderMarkdown(md, { width: 40, codeShift }))[2]!,
    );
    for (const piece of [
      '<LOOPBACK,UP,LOWER_UP>',
      'mtu 65536',
      'link/loopback',
      '00:00:00:00:00:00',
    ])
      expect(
        seen.some((r) => r.includes(piece)),
        piece,
      ).toBe(true);
    // A screen reader gets the line wrapped (nothing cut away).
    const sr = linesText(renderMarkdown(md, { width: 40, screenReader: true }));
    expect(sr.join('')).toContain('00:00:00:00:00:00');
  });

  it('styles inline code, bold and emphasis; keeps backticks when colour is off', () => {
    const lines = renderMarkdown('Use `docker ps` **now** and _then_.', { width: 80 });
    expect(seg(lines, 'docker ps')?.tone).toBe('code');
    expect(seg(lines, 'now')?.bold).toBe(true);
    expect(seg(lines, 'then')?.italic).toBe(true);
    expect(linesText(renderMarkdown('Use `docker ps`.', { width: 80, plain: true }))[0]).toBe(
      'Use `docker ps`.',
    );
  });

  it('nests lists with hanging indents and numbers ordered lists', () => {
    const text = linesText(
      renderMarkdown('1. first item that is long enough to wrap here\n2. second\n   - inner', {
        width: 24,
      }),
    );
    expect(text[0]).toBe('1. first item that is');
    expect(text[1]).toMatch(/^ {3}long/);
    expect(text).toContain('2. second');
    expect(text).toContain('   • inner');
  });

  it('uses ASCII bullets and rules and linear tables for screen readers', () => {
    const text = linesText(
      renderMarkdown('- a\n\n---\n\n| name | ip |\n|---|---|\n| web | 172.17.0.2 |', {
        width: 40,
        screenReader: true,
      }),
    );
    expect(text).toContain('- a');
    expect(text).toContain('---');
    expect(text).toContain('name: web');
    expect(text).toContain('ip: 172.17.0.2');
    expect(text.join('')).not.toMatch(/[─│•]/);
  });
});

describe('highlightShell', () => {
  it('marks the command, flags, strings and comments', () => {
    const segs = highlightShell('docker run -d --name web \'lab\' | grep "x y" # note');
    const tone = (t: string) => segs.find((s) => s.text === t)?.tone;
    expect(tone('docker')).toBe('command');
    expect(tone('-d')).toBe('flag');
    expect(tone('--name')).toBe('flag');
    expect(tone('web')).toBeUndefined();
    expect(tone("'lab'")).toBe('string');
    expect(tone('grep')).toBe('command');
    expect(tone('"x y"')).toBe('string');
    expect(tone('# note')).toBe('comment');
    expect(segs.map((s) => s.text).join('')).toBe(
      'docker run -d --name web \'lab\' | grep "x y" # note',
    );
  });

  it('treats VAR=value as a prefix and a leading $ as a prompt', () => {
    const segs = highlightShell('$ DOCKER_HOST=unix:///x docker ps');
    expect(segs[0]).toEqual({ text: '$ ', tone: 'muted' });
    expect(segs.find((s) => s.text === 'docker')?.tone).toBe('command');
    expect(segs.find((s) => s.text.startsWith('DOCKER_HOST'))?.tone).toBeUndefined();
  });
});

describe('<Markdown> and <StepView>', () => {
  it('draws markdown inside its width and says how much is below when cut', () => {
    const r = renderTui(<Markdown markdown={STEPS[0]!.markdown} width={30} height={5} />);
    const lines = frameLines(r);
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe('The default bridge');
    expect(lines[4]).toMatch(/↓ \d+ more lines/);
    expect(maxWidth(lines)).toBeLessThanOrEqual(30);
  });

  it('shows the step header with its state and the step text', () => {
    const r = renderTui(<StepView step={STEPS[0]!} index={0} total={2} width={70} />);
    const text = plain(r.lastFrame());
    expect(text).toContain('Step 1 of 2: Look at docker0');
    expect(text).toContain('✔ done');
    expect(text).toContain('Every Docker host has a bridge called docker0.');
    expect(text).toContain('ip -br link show docker0');
    // Done: the explanation follows the text.
    expect(text).toContain('Why it works');
    expect(text).toContain('The bridge exists before any container runs.');
  });
});

describe('soft line breaks in Chinese', () => {
  it('join two Chinese lines without a space, and Latin ones with one', () => {
    const md = '先在 host1 上运行\n`docker ps`，再看\n输出。\nThen run\nit.';
    expect(linesText(renderMarkdown(md, { width: 80 }))).toEqual([
      '先在 host1 上运行 docker ps，再看输出。 Then run it.',
    ]);
  });
});

describe('callouts', () => {
  it('shows a label line in place of [!online], [!home] and [!engines …]', () => {
    const md =
      '> [!online]\n> Articles say `brctl show`.\n\n> [!engines <28]\n> Older engines differ.';
    const text = linesText(renderMarkdown(md, { width: 60, plain: true }));
    expect(text).toContain('> What you will read online');
    expect(text).toContain('> Docker <28:');
    expect(text.join('\n')).not.toContain('[!');
    expect(text.join('\n')).toContain('Articles say `brctl show`.');
  });

  it('leaves other [!…] markers as written', () => {
    const text = linesText(renderMarkdown('> [!NOTE]\n> x', { width: 40, plain: true }));
    expect(text.join('\n')).toContain('[!NOTE]');
  });
});
