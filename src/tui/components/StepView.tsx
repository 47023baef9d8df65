import React, { useMemo } from 'react';
import { t } from '../../i18n/index.js';
import { renderMarkdown } from '../markdown/render.js';
import type { StepView as StepModel } from '../model.js';
import { useTheme, type Line, type Theme } from '../theme.js';
import { hintBoxLines } from './HintBox.js';
import { Lines } from './Lines.js';
import { windowLines } from './Markdown.js';
import { solutionLines, type SolutionState } from './SolutionConfirm.js';
import { stepHeaderLine } from './StepList.js';

export interface StepViewProps {
  step: StepModel;
  index: number;
  total: number;
  width: number;
  /** Rows for header and text; the text scrolls within. */
  height?: number;
  scroll?: number;
  hintsShown?: number;
  /** Only `shown` is drawn here; the question itself belongs at the bottom of the screen. */
  solution?: SolutionState;
}

/** The scrollable part of a step: its text, then (when done) why it worked, hints, solution. */
export function stepBodyLines(
  step: StepModel,
  width: number,
  theme: Theme,
  opts: { hintsShown?: number; solution?: SolutionState; codeShift?: number } = {},
): Line[] {
  const md = (src: string) =>
    renderMarkdown(src, {
      width,
      plain: !theme.color,
      screenReader: theme.screenReader,
      codeShift: opts.codeShift ?? 0,
    });
  const lines = md(step.markdown);
  const section = (more: Line[]) => {
    if (more.length) lines.push([], ...more);
  };
  if (step.state === 'done' && step.explain) {
    section([[{ text: t('tui.step.explain'), tone: 'accent' }], ...md(step.explain)]);
  }
  section(hintBoxLines({ hints: step.hints, revealed: opts.hintsShown ?? 0, width }, theme));
  if (opts.solution === 'shown' && step.variant !== undefined && step.state !== 'done') {
    // An incident given up: what was wrong, then the fix.
    section([
      [{ text: t('tui.incident.gaveUp', { variant: step.variant }), tone: 'accent' }],
      ...md(step.explain ?? ''),
    ]);
  }
  if (opts.solution === 'shown')
    section(solutionLines({ solution: step.solution, state: 'shown', width }));
  return lines;
}

/** One step: "Step n of m: title" with its state, and its text (markdown), scrolled to fit. */
export function StepView(props: StepViewProps) {
  const theme = useTheme();
  const { step, width } = props;
  const header = [stepHeaderLine(step, props.index, props.total, width, theme)];
  const body = useMemo(
    () =>
      stepBodyLines(step, width, theme, {
        hintsShown: props.hintsShown ?? 0,
        solution: props.solution ?? 'hidden',
      }),
    [step, width, theme.color, theme.screenReader, props.hintsShown, props.solution],
  );
  const room =
    props.height === undefined ? undefined : Math.max(1, props.height - header.length - 1);
  return <Lines lines={[...header, [], ...windowLines(body, room, props.scroll)]} />;
}
