import React, { useEffect, useState } from 'react';
import { t } from '../../i18n/index.js';
import type { ProgressEventView } from '../model.js';
import { CHECK_SYMBOL } from '../symbols.js';
import { displayWidth, padEnd, truncate } from '../text.js';
import { useTheme, type Line, type Theme } from '../theme.js';
import { Lines } from './Lines.js';

export interface ProgressProps {
  /** Every event so far, in order (as `up()`'s onProgress delivered them). */
  events: ProgressEventView[];
  width: number;
  /** Animate the spinner (default true; never in screen-reader mode). */
  animate?: boolean;
}

export const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'] as const;

interface StageRow {
  stage: string;
  phase: ProgressEventView['phase'];
  ms?: number;
}

/** Fold events into each node's stages, in the order they first appeared. */
export function foldProgress(events: ProgressEventView[]): Map<string, StageRow[]> {
  const nodes = new Map<string, StageRow[]>();
  for (const e of events) {
    const stages = nodes.get(e.node) ?? [];
    nodes.set(e.node, stages);
    const row = stages.find((s) => s.stage === e.stage);
    const next: StageRow = {
      stage: e.stage,
      phase: e.phase,
      ...(e.ms !== undefined ? { ms: e.ms } : {}),
    };
    if (row) Object.assign(row, next);
    else stages.push(next);
  }
  return nodes;
}

function duration(ms: number): string {
  return ms < 1000
    ? t('tui.progress.ms', { ms: Math.round(ms) })
    : t('tui.progress.s', { s: (ms / 1000).toFixed(1) });
}

export function progressLines(
  events: ProgressEventView[],
  width: number,
  frame: number,
  theme: Theme,
): Line[] {
  const nodes = foldProgress(events);
  const lines: Line[] = [[{ text: truncate(t('tui.progress.title'), width), tone: 'heading' }]];
  const stageW = Math.max(0, ...[...nodes.values()].flat().map((s) => displayWidth(s.stage)));
  for (const [node, stages] of nodes) {
    lines.push([{ text: truncate(node, width), bold: true }]);
    for (const s of stages) {
      const word = t(`tui.progress.${s.phase === 'start' ? 'running' : s.phase}`);
      const symbol =
        s.phase === 'done'
          ? CHECK_SYMBOL.pass
          : s.phase === 'fail'
            ? CHECK_SYMBOL.fail
            : SPINNER[frame % SPINNER.length]!;
      const tone = s.phase === 'done' ? 'pass' : s.phase === 'fail' ? 'fail' : 'pending';
      const lead = theme.screenReader ? '  ' : `  ${symbol} `;
      const tail = ` ${s.ms !== undefined ? t('tui.progress.took', { word, time: duration(s.ms) }) : word}`;
      const stageCol = Math.min(
        stageW,
        Math.max(1, width - displayWidth(lead) - displayWidth(tail)),
      );
      lines.push([
        { text: lead, tone },
        { text: padEnd(s.stage, stageCol) },
        { text: tail, tone: s.phase === 'done' ? 'muted' : tone },
      ]);
    }
  }
  return lines;
}

/** Lab bring-up: each node, each stage; a spinner on the stages still running. */
export function Progress({ events, width, animate = true }: ProgressProps) {
  const theme = useTheme();
  const [frame, setFrame] = useState(0);
  const running =
    events.length > 0 && [...foldProgress(events).values()].flat().some((s) => s.phase === 'start');
  const spin = animate && running && !theme.screenReader;
  useEffect(() => {
    if (!spin) return;
    const timer = setInterval(() => setFrame((f) => f + 1), 80);
    return () => clearInterval(timer);
  }, [spin]);
  return <Lines lines={progressLines(events, width, frame, theme)} />;
}
