import { t } from '../../i18n/index.js';
import { checkPanelLines } from '../components/CheckPanel.js';
import { confirmLines } from '../components/Confirm.js';
import { windowLines } from '../components/Markdown.js';
import { solutionLines } from '../components/SolutionConfirm.js';
import { topologyPanelLines } from '../components/TopologyPanel.js';
import type { StepMap } from '../hooks/useStepMap.js';
import { PANE_TOGGLE_KEY, keyLabel, keysFor } from '../keymap.js';
import type { LessonEffect, LessonUiState } from '../state/lesson-ui.js';
import { wrapSegments } from '../text.js';
import type { Line, Theme } from '../theme.js';
import type { LessonPaneView, LessonScreenProps } from './LessonScreen.js';

/** The lesson screen's parts that are pure: the lines of its column, its pane title, its effects. */

/** Checks and "step done": the live part under the text. */
export function checkLines(
  props: LessonScreenProps,
  width: number,
  maxLines: number,
  theme: Theme,
): Line[] {
  const step = props.steps[props.current];
  const done: Line[] = [];
  if (step?.state === 'done') {
    const last = props.current >= props.steps.length - 1;
    const allDone = props.steps.every((s) => s.state !== 'todo');
    const msg =
      last && allDone
        ? t('tui.step.lessonDone', { key: keysFor('back', 'lesson') })
        : last
          ? ''
          : t('tui.step.doneNext', { key: keysFor('nextStep', 'lesson') });
    if (msg) done.push(...wrapSegments([{ text: msg, tone: 'pass', bold: true }], width));
  }
  const room = Math.max(1, maxLines - done.length);
  return [
    ...checkPanelLines(
      { checks: props.checks, running: props.checking ?? false, width, maxLines: room },
      theme,
    ),
    ...done,
  ];
}

/** The map panel (or the trace panel): its lines, or what is happening; cut to `maxLines`. */
export function mapLines(map: StepMap, width: number, theme: Theme, maxLines?: number): Line[] {
  const isTrace = map.trace !== undefined || map.none === true;
  const close: Line = [
    isTrace
      ? { text: t('tui.trace.close', { key: keysFor('trace', 'lesson') }), tone: 'muted' }
      : { text: t('tui.map.close', { key: keysFor('map', 'lesson') }), tone: 'muted' },
  ];
  if (map.none)
    return [...wrapSegments([{ text: t('tui.trace.none'), tone: 'muted' }], width), close];
  if (map.error) {
    const failed = isTrace
      ? t('tui.trace.failed', { message: map.error })
      : t('tui.map.failed', { message: map.error });
    return [...wrapSegments([{ text: failed, tone: 'fail' }], width), close];
  }
  if (!map.lines)
    return [[{ text: t(isTrace ? 'tui.trace.loading' : 'tui.map.loading'), tone: 'muted' }], close];
  const panel = topologyPanelLines(
    {
      lines: map.lines,
      width,
      ...(map.trace ? { title: t('tui.trace.title', map.trace) } : {}),
      ...(map.observedAt ? { observedAt: map.observedAt } : {}),
      ...(maxLines !== undefined ? { maxLines: Math.max(2, maxLines - 1) } : {}),
    },
    theme.screenReader,
  );
  return maxLines !== undefined ? [...panel, close] : [...panel, [], close];
}

/** A question being asked (solution, reset): never cut. */
export function questionLines(props: LessonScreenProps, ui: LessonUiState, width: number): Line[] {
  const step = props.steps[props.current];
  if (ui.solution === 'confirm')
    return solutionLines({ solution: step?.solution ?? [], state: 'confirm', width });
  if (ui.confirmReset)
    return confirmLines({ question: t('tui.reset.confirm'), keysMessage: 'tui.reset.keys', width });
  return [];
}

export interface ColumnParts {
  header: Line[];
  body: Line[];
  checks: Line[];
  question: Line[];
  height: number;
  scroll: number;
}

/**
 * Fit the lesson column into its height. Priority: header, the question, the checks (leaving
 * the text a few rows, but never fewer than two lines of checks), then the text, which scrolls. Top to bottom: header, text, checks,
 * question; one blank line between parts.
 */
export function fitColumn(p: ColumnParts): { lines: Line[]; bodyRoom: number } {
  const header = p.header.slice(0, p.height);
  let avail = p.height - header.length;
  const question = p.question.slice(
    0,
    Math.max(0, avail - (p.question.length && header.length ? 1 : 0)),
  );
  avail -= question.length ? question.length + (header.length ? 1 : 0) : 0;
  const minBody = question.length ? 0 : Math.min(4, p.body.length);
  // The checks stay in sight however short the column: at least their summary and a line.
  const minChecks = Math.min(p.checks.length, 2, Math.max(0, avail - 1));
  const checkRoom = Math.max(minChecks, avail - (minBody ? minBody + 1 : 0) - 1);
  let checks = p.checks;
  if (checks.length > checkRoom) {
    checks =
      checkRoom > 0 ? [...checks.slice(0, checkRoom - 1), [{ text: '…', tone: 'muted' }]] : [];
  }
  avail -= checks.length ? checks.length + 1 : 0;
  const bodyRoom = Math.max(0, avail - 1);
  const body = bodyRoom > 0 ? windowLines(p.body, bodyRoom, p.scroll).slice(0, bodyRoom) : [];
  const lines: Line[] = [...header];
  for (const part of [body, checks, question]) {
    if (!part.length) continue;
    if (lines.length) lines.push([]);
    lines.push(...part);
  }
  return { lines: lines.slice(0, p.height), bodyRoom };
}

/** The shell pane's one-line title: the host, how far it is scrolled back, how to focus it. */
export function paneTitleText(pane: LessonPaneView, focused: boolean): string {
  const scrolled = pane.snapshot?.scrolled;
  return [
    t('tui.pane.title', { host: pane.host }),
    ...(scrolled
      ? [t('tui.pane.scrolled', { lines: scrolled, key: keysFor('paneScrollDown', 'pane') })]
      : []),
    pane.exitCode !== undefined
      ? t('tui.pane.exited', { code: pane.exitCode })
      : t(focused ? 'tui.pane.focused' : 'tui.pane.unfocused', {
          key: keyLabel(PANE_TOGGLE_KEY),
        }),
  ].join(t('tui.pane.separator'));
}

/** What a key asks of the screen's owner, passed on through its callbacks. */
export function runEffect(props: LessonScreenProps, effect: LessonEffect): void {
  switch (effect.type) {
    case 'step': {
      const next = props.current + effect.delta;
      if (next >= 0 && next < props.steps.length) props.onStep(next);
      return;
    }
    case 'check':
      return void props.onCheck();
    case 'reset':
      return void props.onReset();
    case 'back':
      return props.onBack();
    case 'quit':
      return props.onQuit();
    case 'togglePane':
      return props.onToggleFocus();
    case 'zoom':
      return props.onZoom?.();
    case 'split':
      return props.onSplit?.(effect.delta);
    case 'map':
      return props.onMap?.();
    case 'trace':
      return props.onTrace?.();
    case 'solutionShown':
      return props.onSolutionShown?.();
    case 'paneScroll':
      return props.onPaneScroll?.(effect.delta);
  }
}
