import React from 'react';
import { Text } from 'ink';
import { t } from '../../i18n/index.js';
import { HelpOverlay } from '../components/HelpOverlay.js';
import { Layout } from '../components/Layout.js';
import { Lines } from '../components/Lines.js';
import { StatusBar } from '../components/StatusBar.js';
import { stepBodyLines } from '../components/StepView.js';
import { stepHeaderLine, stepListLines } from '../components/StepList.js';
import { TerminalPane } from '../components/TerminalPane.js';
import { checkLines, fitColumn, mapLines, paneTitleText, questionLines } from './lesson-column.js';
import { useLessonUi } from '../hooks/useLessonUi.js';
import type { StepMap } from '../hooks/useStepMap.js';
import { computeLayout, mapGoesBeside, type Zoom } from '../layout.js';
import type { CheckLine, Focus, LabState, StepView } from '../model.js';
import type { TerminalSnapshot } from '../terminal/snapshot.js';
import { truncate } from '../text.js';
import { useTheme, type Line } from '../theme.js';

export interface LessonPaneView {
  /** The lab host the shell runs on. */
  host: string;
  /** The shell's screen; undefined while there is no shell. */
  snapshot?: TerminalSnapshot;
  /** Set when the shell ended. */
  exitCode?: number;
}

export interface LessonScreenProps {
  lessonTitle: string;
  steps: StepView[];
  /** Index of the step on screen. */
  current: number;
  /** Latest results for the current step; undefined: not checked yet. */
  checks: CheckLine[] | undefined;
  checking?: boolean;
  focus: Focus;
  lab: LabState;
  columns: number;
  rows: number;
  zoom?: Zoom;
  pane: LessonPaneView;
  onStep: (index: number) => void;
  onCheck: () => void;
  onReset: () => void;
  onBack: () => void;
  onQuit: () => void;
  onToggleFocus: () => void;
  onZoom?: () => void;
  /** Hints of the current step already revealed (restored from progress when a step opens). */
  hintsShown?: number;
  /** The learner revealed another hint. */
  onHints?: (shown: number) => void;
  /** A short note for the status bar (what a reset did). */
  note?: string;
  /** The lab's engine (`28.5`) for the status bar. */
  engine?: string;
  /** Asked on every key: may the lesson act on it? (false while the shell pane owns the key) */
  keysActive?: () => boolean;
  /** The text's share of the width side by side, in percent (see SPLIT). */
  split?: number;
  /** A resize key: -1 narrower text, +1 wider. */
  onSplit?: (delta: 1 | -1) => void;
  /**
   * The map panel, while open: beside the text, above the shell, when the screen is wide and tall
   * enough; otherwise in the text's place (the checks stay).
   */
  map?: StepMap;
  onMap?: () => void;
  /** The trace key: the step's packet trace in the map's place. */
  onTrace?: () => void;
  /** The solution was revealed (for an incident: given up, recorded in progress). */
  onSolutionShown?: () => void;
  /** A shell scrollback key: +1 back into the output, -1 towards the prompt. */
  onPaneScroll?: (delta: 1 | -1) => void;
}

const LESSON_HELP = ['global', 'lesson', 'confirm', 'help', 'pane'] as const;

export { fitColumn, type ColumnParts } from './lesson-column.js';

/**
 * A lesson: the step's text, steps and checks beside (or above) the live shell, and the status
 * bar. Everything comes in by props; keys come back as callbacks.
 */
export function LessonScreen(props: LessonScreenProps) {
  const theme = useTheme();
  const layoutOpts = {
    focus: props.focus,
    ...(props.split !== undefined ? { split: props.split } : {}),
  };
  const plan = computeLayout(props.columns, props.rows, props.zoom ?? 'none', {
    ...layoutOpts,
    map: props.map !== undefined,
  });
  const mapBeside = props.map !== undefined && plan.map.height > 0;
  const step = props.steps[props.current];
  const width = plan.lesson.width - (plan.mode === 'wide' ? 1 : 0);
  const { ui, ctx } = useLessonUi(props);

  // Header: when there is room, the lesson's title and all its steps; always the current step.
  const roomy = plan.lesson.height >= 16;
  const header: Line[] = roomy
    ? [[{ text: truncate(props.lessonTitle, width), tone: 'heading', bold: true }]]
    : [];
  if (roomy && plan.mode === 'wide' && props.steps.length <= Math.floor(plan.lesson.height / 4)) {
    header.push(...stepListLines({ steps: props.steps, current: props.current, width }, theme), []);
  }
  if (step) header.push(stepHeaderLine(step, props.current, props.steps.length, width, theme));
  const body =
    props.map && !mapBeside
      ? mapLines(props.map, width, theme)
      : step
        ? stepBodyLines(step, width, theme, {
            hintsShown: ui.hintsShown,
            solution: ui.solution,
            codeShift: ui.codeShift,
          })
        : [];
  const question = questionLines(props, ui, width);
  // The checks may take what the header and question leave, minus a few rows of text.
  const checkRoom =
    plan.lesson.height -
    header.length -
    (question.length ? question.length + 1 : 0) -
    (question.length ? 1 : 6);
  const parts = {
    header,
    body,
    checks: checkLines(props, width, Math.max(2, checkRoom), theme),
    question,
  };
  const { lines: column, bodyRoom } = fitColumn({
    ...parts,
    height: plan.lesson.height,
    scroll: ui.scroll,
  });
  const maxScroll = body.length > bodyRoom ? body.length - Math.max(1, bodyRoom - 1) : 0;

  ctx.current = {
    hintCount: step?.hints.length ?? 0,
    maxScroll,
    page: bodyRoom,
    // Whether the map, open or not, has (or would have) its place beside the text.
    mapBeside: mapGoesBeside(props.columns, props.rows, props.zoom, layoutOpts),
  };

  const lesson = <Lines lines={column} />;

  const paneFocused = props.focus === 'pane';
  const paneTitle = paneTitleText(props.pane, paneFocused);
  const pane = props.pane.snapshot ? (
    <TerminalPane
      snapshot={props.pane.snapshot}
      width={plan.pane.width}
      height={plan.pane.height}
    />
  ) : (
    <Text>{t('tui.pane.none')}</Text>
  );

  return (
    <Layout
      plan={plan}
      lesson={lesson}
      pane={pane}
      paneTitle={paneTitle}
      paneFocused={paneFocused}
      {...(props.map && mapBeside
        ? {
            map: (
              <Lines
                lines={mapLines(props.map, plan.map.width, theme, plan.map.height).slice(
                  0,
                  plan.map.height,
                )}
              />
            ),
          }
        : {})}
      status={
        <StatusBar
          focus={props.focus}
          lab={props.lab}
          width={plan.status.width}
          {...(props.note ? { note: props.note } : {})}
          {...(props.engine ? { engine: props.engine } : {})}
        />
      }
      {...(ui.help
        ? {
            overlay: (
              <HelpOverlay
                width={plan.status.width}
                height={plan.body}
                scroll={ui.helpScroll}
                scopes={LESSON_HELP}
              />
            ),
          }
        : {})}
    />
  );
}
