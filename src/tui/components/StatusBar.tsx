import React from 'react';
import { t } from '../../i18n/index.js';
import { PANE_TOGGLE_KEY, keyLabel, keysFor } from '../keymap.js';
import type { Focus, LabState } from '../model.js';
import { displayWidth, truncate } from '../text.js';
import { useTheme, type Line, type Theme } from '../theme.js';
import { Lines } from './Lines.js';

export interface StatusBarProps {
  focus: Focus;
  lab: LabState;
  width: number;
  /** A short note (e.g. the host of the pane), shown after the focus. */
  note?: string;
  /** The lab's engine (`28.5`), shown after the lab's state. */
  engine?: string;
}

const LAB_TONE = {
  starting: 'pending',
  up: 'pass',
  resetting: 'pending',
  down: 'muted',
  error: 'fail',
} as const;

/** One line: where the keys go and how to switch, the lab's state, and the help key. */
export function statusBarLines(
  { focus, lab, width, note, engine }: StatusBarProps,
  _theme: Theme,
): Line[] {
  const left = [
    t(`tui.status.focus.${focus}`),
    t('tui.status.toggle', { key: keyLabel(PANE_TOGGLE_KEY) }),
    ...(note ? [note] : []),
  ].join(' · ');
  const rightOf = (withEngine: boolean) => {
    const labText = `${t(`tui.status.lab.${lab}`)}${withEngine && engine ? ` · ${t('tui.status.engine', { engine })}` : ''}`;
    return focus === 'lesson'
      ? `${labText} · ${t('tui.status.help', { key: keysFor('help', 'global') })}`
      : labText;
  };
  // The engine is the first thing to go when the line is too narrow for everything.
  const full = rightOf(true);
  const right = width - displayWidth(left) - displayWidth(full) >= 2 ? full : rightOf(false);
  const gap = width - displayWidth(left) - displayWidth(right);
  if (gap >= 2) {
    return [
      [
        { text: left, tone: focus === 'pane' ? 'accent' : 'key' },
        { text: ' '.repeat(gap) },
        { text: right, tone: LAB_TONE[lab] },
      ],
    ];
  }
  // Too narrow for both: the focus first, the lab state as much as fits.
  const l = truncate(left, width);
  const rest = width - displayWidth(l) - 3;
  return [
    [
      { text: l, tone: focus === 'pane' ? 'accent' : 'key' },
      ...(rest > 4 ? [{ text: ' · ' }, { text: truncate(right, rest), tone: LAB_TONE[lab] }] : []),
    ],
  ];
}

export function StatusBar(props: StatusBarProps) {
  const theme = useTheme();
  return <Lines lines={statusBarLines(props, theme)} />;
}
