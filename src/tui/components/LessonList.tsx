import React, { useRef, useState } from 'react';
import { t } from '../../i18n/index.js';
import { useKeys } from '../hooks/useKeys.js';
import { keysFor } from '../keymap.js';
import type { LessonSummary } from '../model.js';
import {
  initialLessonListState,
  lessonListReducer,
  type LessonListContext,
} from '../state/lesson-list.js';
import { CONTINUE, CURSOR, LESSON_SYMBOL } from '../symbols.js';
import { displayWidth, padEnd, truncate, wrapSegments } from '../text.js';
import { useTheme, type Line, type Theme } from '../theme.js';
import { Lines } from './Lines.js';

export interface LessonListProps {
  lessons: LessonSummary[];
  /** The lesson to continue (selected at start, marked in the list). */
  continueId?: string;
  width: number;
  /** Rows for the whole list view; the lessons scroll within it. */
  height?: number;
  /** Whether this list has the keyboard (default true). */
  isActive?: boolean;
  onOpen: (id: string) => void;
  onQuit: () => void;
  onHelp?: () => void;
  /** Switch the UI to the other language. */
  onLanguage?: () => void;
}

function stateWord(l: LessonSummary): string {
  return t(`tui.lessonState.${l.state}`);
}

/** The list as lines: pure, for the component and for tests. */
export function lessonListLines(props: LessonListProps, selected: number, theme: Theme): Line[] {
  const { lessons, width } = props;
  const lines: Line[] = [[{ text: truncate(t('tui.list.title'), width), tone: 'heading' }], []];
  if (!lessons.length) return [...lines, [{ text: t('tui.list.empty') }]];

  const sr = theme.screenReader;
  const label = (l: LessonSummary) =>
    sr ? stateWord(l) : `${LESSON_SYMBOL[l.state]} ${stateWord(l)}`;
  const stateW = Math.max(...lessons.map((l) => displayWidth(label(l))));
  const stepsText = (l: LessonSummary) =>
    t('tui.list.steps', { done: l.stepsDone, total: l.stepsTotal });
  const stepsW = Math.max(...lessons.map((l) => displayWidth(stepsText(l))));
  const minText = (l: LessonSummary) => t('tui.list.minutes', { minutes: l.minutes });
  const minW = Math.max(...lessons.map((l) => displayWidth(minText(l))));
  const contText = sr
    ? t('tui.list.continueAfter', { text: t('tui.list.continue') })
    : `  ${CONTINUE} ${t('tui.list.continue')}`;
  // The continue mark has a column of its own so the columns after the title line up.
  const contW = lessons.some((l) => l.id === props.continueId) ? displayWidth(contText) : 0;

  const footer = wrapSegments(
    [
      {
        text: t('tui.list.footer', {
          move: `${keysFor('up', 'home')} ${keysFor('down', 'home')}`,
          open: keysFor('open', 'home'),
          cont: keysFor('continue', 'home'),
          quit: keysFor('quit', 'home'),
          help: keysFor('help', 'global'),
          lang: keysFor('language', 'home'),
        }),
        tone: 'muted',
      },
    ],
    width,
  );
  const room = props.height
    ? Math.max(1, props.height - lines.length - 1 - footer.length)
    : lessons.length;
  const first = Math.min(Math.max(0, selected - room + 1), Math.max(0, lessons.length - room));
  const visible = lessons.slice(first, first + room);

  for (const [i, l] of visible.entries()) {
    const index = first + i;
    const isSel = index === selected;
    const cursor = isSel ? (sr ? '> ' : `${CURSOR} `) : '  ';
    const cont = l.id === props.continueId ? contText : '';
    // Fixed columns first; the title gets what is left.
    const fixed = 2 + stateW + 2 + 2 + stepsW + 2 + minW + contW;
    const titleW = Math.max(4, width - fixed);
    const stateTone = l.state === 'done' ? 'pass' : l.state === 'in-progress' ? 'pending' : 'muted';
    const row: Line = [
      { text: cursor, ...(isSel ? { tone: 'accent' as const } : {}) },
      { text: padEnd(label(l), stateW), tone: stateTone },
      { text: '  ' },
      { text: padEnd(l.title, titleW), ...(isSel ? { bold: true } : {}) },
      { text: '  ' },
      { text: padEnd(stepsText(l), stepsW), tone: 'muted' },
      { text: '  ' },
      { text: cont ? padEnd(minText(l), minW) : minText(l), tone: 'muted' },
      ...(cont ? [{ text: cont, tone: 'accent' as const }] : []),
    ];
    lines.push(row);
  }
  if (props.height && lessons.length > room) {
    lines.push([
      { text: t('tui.list.position', { n: selected + 1, total: lessons.length }), tone: 'muted' },
    ]);
  } else {
    lines.push([]);
  }
  return [...lines, ...footer];
}

/** Home: every lesson with its state (symbol and word), minutes and steps; arrows or j/k, Enter, q. */
export function LessonList(props: LessonListProps) {
  const theme = useTheme();
  const continueIndex = props.lessons.findIndex((l) => l.id === props.continueId);
  const ctx: LessonListContext = {
    count: props.lessons.length,
    ...(continueIndex >= 0 ? { continueIndex } : {}),
  };
  const [state, setState] = useState(() => initialLessonListState(ctx));
  // Keys can arrive faster than renders: the latest selection lives in a ref.
  const current = useRef(state);
  useKeys(
    'home',
    (action) => {
      if (action === 'open') {
        const lesson = props.lessons[current.current.selected];
        if (lesson) props.onOpen(lesson.id);
      } else if (action === 'quit') props.onQuit();
      else if (action === 'help') props.onHelp?.();
      else if (action === 'language') props.onLanguage?.();
      else {
        current.current = lessonListReducer(current.current, action, ctx);
        setState(current.current);
      }
    },
    props.isActive ?? true,
  );
  const selected = Math.min(state.selected, Math.max(0, props.lessons.length - 1));
  return <Lines lines={lessonListLines(props, selected, theme)} />;
}
