import React from 'react';
import { t } from '../../i18n/index.js';
import { keysFor } from '../keymap.js';
import { renderMarkdown } from '../markdown/render.js';
import { wrapSegments } from '../text.js';
import { useTheme, type Line, type Theme } from '../theme.js';
import { Lines } from './Lines.js';

export interface HintBoxProps {
  /** The step's hints (markdown), in order. */
  hints: string[];
  /** How many the learner has asked for so far. */
  revealed: number;
  width: number;
}

/** Hints revealed one at a time: those asked for, then how to get the next. */
export function hintBoxLines(props: HintBoxProps, theme: Theme): Line[] {
  const { hints, width } = props;
  if (!hints.length) return [];
  const shown = Math.min(Math.max(0, props.revealed), hints.length);
  const key = keysFor('hint', 'lesson');
  if (shown === 0)
    return wrapSegments(
      [{ text: t('tui.hint.offer', { key, total: hints.length }), tone: 'muted' }],
      width,
    );
  const lines: Line[] = [];
  hints.slice(0, shown).forEach((hint, i) => {
    lines.push([{ text: t('tui.hint.title', { n: i + 1, total: hints.length }), tone: 'accent' }]);
    const body = renderMarkdown(hint, {
      width: Math.max(1, width - 2),
      plain: !theme.color,
      screenReader: theme.screenReader,
    });
    lines.push(...body.map((l) => (l.length ? [{ text: '  ' }, ...l] : l)));
  });
  const left = hints.length - shown;
  const footer =
    left > 0
      ? t('tui.hint.more', { key, left })
      : t('tui.hint.last', { key: keysFor('solution', 'lesson') });
  lines.push(...wrapSegments([{ text: footer, tone: 'muted' }], width));
  return lines;
}

export function HintBox(props: HintBoxProps) {
  const theme = useTheme();
  return <Lines lines={hintBoxLines(props, theme)} />;
}
