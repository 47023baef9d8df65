import React, { useMemo } from 'react';
import { t } from '../../i18n/index.js';
import { keysFor } from '../keymap.js';
import { renderMarkdown } from '../markdown/render.js';
import { useTheme, type Line } from '../theme.js';
import { Lines } from './Lines.js';

export interface MarkdownProps {
  markdown: string;
  width: number;
  /** Rows available; longer text scrolls (see `scroll`) and says how much is below. */
  height?: number;
  /** First line shown (clamped). */
  scroll?: number;
}

/** Which lines to show for a height and scroll offset, with a "more below" line when cut. */
export function windowLines(lines: Line[], height: number | undefined, scroll = 0): Line[] {
  if (height === undefined || lines.length <= height) return lines;
  const room = Math.max(1, height - 1);
  const start = Math.min(Math.max(0, scroll), Math.max(0, lines.length - room));
  const shown = lines.slice(start, start + room);
  const below = lines.length - start - shown.length;
  if (below <= 0) return lines.slice(Math.max(0, lines.length - height));
  const keys = `${keysFor('scrollDown', 'lesson')}`;
  return [...shown, [{ text: t('tui.md.more', { n: below, keys }), tone: 'muted' }]];
}

/** Markdown text (headings, paragraphs, lists, code with shell highlighting), wrapped to width. */
export function Markdown({ markdown, width, height, scroll }: MarkdownProps) {
  const theme = useTheme();
  const lines = useMemo(
    () =>
      renderMarkdown(markdown, { width, plain: !theme.color, screenReader: theme.screenReader }),
    [markdown, width, theme.color, theme.screenReader],
  );
  return <Lines lines={windowLines(lines, height, scroll)} />;
}
