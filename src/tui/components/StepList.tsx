import React from 'react';
import { t } from '../../i18n/index.js';
import type { StepState } from '../model.js';
import { CURSOR, STEP_SYMBOL } from '../symbols.js';
import { displayWidth, padEnd, truncate } from '../text.js';
import { useTheme, type Line, type Theme } from '../theme.js';
import { Lines } from './Lines.js';

export interface StepListItem {
  id: string;
  title: string;
  state: StepState;
}

export interface StepListProps {
  steps: StepListItem[];
  /** Index of the step on screen. */
  current: number;
  width: number;
  /** One line, "Step 2 of 5: title", for narrow layouts. */
  compact?: boolean;
}

const TONE = { todo: 'muted', done: 'pass', skipped: 'warn' } as const;

function word(s: StepState): string {
  return t(`tui.stepState.${s}`);
}

/** "Step 2 of 5: title  ✔ done" on one line, the title cut to fit. */
export function stepHeaderLine(
  step: StepListItem,
  index: number,
  total: number,
  width: number,
  theme: Theme,
): Line {
  const head = t('tui.step.header', { n: index + 1, total, title: step.title });
  const state = theme.screenReader
    ? t('tui.paren', { text: word(step.state) })
    : `  ${STEP_SYMBOL[step.state]} ${word(step.state)}`;
  const room = Math.max(1, width - displayWidth(state));
  return [
    { text: truncate(head, room), tone: 'heading' },
    { text: state, tone: TONE[step.state] },
  ];
}

export function stepListLines(props: StepListProps, theme: Theme): Line[] {
  const { steps, current, width } = props;
  if (props.compact) {
    const step = steps[current];
    return step ? [stepHeaderLine(step, current, steps.length, width, theme)] : [];
  }
  const labelW = Math.max(
    ...steps.map((s) =>
      displayWidth(theme.screenReader ? word(s.state) : `${STEP_SYMBOL[s.state]} ${word(s.state)}`),
    ),
  );
  return steps.map((s, i) => {
    const isCur = i === current;
    const mark = isCur ? (theme.screenReader ? '> ' : `${CURSOR} `) : '  ';
    const label = theme.screenReader ? word(s.state) : `${STEP_SYMBOL[s.state]} ${word(s.state)}`;
    const here = isCur && theme.screenReader ? t('tui.paren', { text: t('tui.step.current') }) : '';
    const title = `${i + 1}. ${s.title}${here}`;
    const titleW = Math.max(1, width - 2 - labelW - 2);
    return [
      { text: mark, ...(isCur ? { tone: 'accent' as const } : {}) },
      { text: padEnd(label, labelW), tone: TONE[s.state] },
      { text: '  ' },
      { text: padEnd(title, titleW).trimEnd(), ...(isCur ? { bold: true } : {}) },
    ];
  });
}

/** The lesson's steps with their state (symbol and word); the current one marked. */
export function StepList(props: StepListProps) {
  const theme = useTheme();
  return <Lines lines={stepListLines(props, theme)} />;
}
