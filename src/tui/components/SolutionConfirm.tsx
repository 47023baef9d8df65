import React from 'react';
import { t } from '../../i18n/index.js';
import { keysFor } from '../keymap.js';
import { highlightShell } from '../markdown/shell-highlight.js';
import type { SolutionCommand } from '../model.js';
import { hardWrap, wrapSegments } from '../text.js';
import type { Line } from '../theme.js';
import { confirmLines } from './Confirm.js';
import { Lines } from './Lines.js';

export type SolutionState = 'hidden' | 'confirm' | 'shown';

export interface SolutionConfirmProps {
  solution: SolutionCommand[];
  state: SolutionState;
  width: number;
}

/** The step's solution, only after the learner confirmed they want it; grouped by host. */
export function solutionLines({ solution, state, width }: SolutionConfirmProps): Line[] {
  if (state === 'hidden') return [];
  if (state === 'confirm') {
    return confirmLines({
      question: t('tui.solution.confirm', { key: keysFor('hint', 'lesson') }),
      keysMessage: 'tui.solution.keys',
      width,
    });
  }
  const lines: Line[] = [[{ text: t('tui.solution.title'), tone: 'accent' }]];
  if (!solution.length)
    return [...lines, ...wrapSegments([{ text: t('tui.solution.none'), tone: 'muted' }], width)];
  let host: string | undefined;
  for (const cmd of solution) {
    if (cmd.host !== host) {
      host = cmd.host;
      lines.push(
        ...wrapSegments([{ text: t('tui.solution.onHost', { host }), tone: 'muted' }], width),
      );
    }
    for (const src of cmd.run.split('\n')) {
      for (const part of hardWrap(highlightShell(src), Math.max(1, width - 2)))
        lines.push([{ text: '  ' }, ...part]);
    }
  }
  return lines;
}

export function SolutionConfirm(props: SolutionConfirmProps) {
  return <Lines lines={solutionLines(props)} />;
}
