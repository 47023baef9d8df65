import React from 'react';
import { t } from '../../i18n/index.js';
import { keysFor } from '../keymap.js';
import type { CheckLine } from '../model.js';
import { CHECK_SYMBOL } from '../symbols.js';
import { displayWidth, wrapSegments } from '../text.js';
import { useTheme, type Line, type Segment, type Theme } from '../theme.js';
import { Lines } from './Lines.js';

export interface CheckPanelProps {
  /** The latest results, in the step's order; undefined: not checked yet. */
  checks: CheckLine[] | undefined;
  /** A check run is under way (results shown are the previous ones). */
  running?: boolean;
  width: number;
  /** Rows available: passed checks fold into the summary first, then the rest is cut. */
  maxLines?: number;
}

type Status = 'pass' | 'fail' | 'waiting' | 'skipped';

function statusOf(c: CheckLine): Status {
  if (c.skipped) return 'skipped';
  if (c.waitingOn) return 'waiting';
  return c.pass ? 'pass' : 'fail';
}

const TONE = { pass: 'pass', fail: 'fail', waiting: 'pending', skipped: 'warn' } as const;

function statusWord(s: Status, c: CheckLine): string {
  switch (s) {
    case 'pass':
      return t('tui.check.pass');
    case 'fail':
      return t('tui.check.fail');
    case 'waiting':
      return t('tui.check.waiting', { id: c.waitingOn });
    case 'skipped':
      return t('tui.check.skipped');
  }
}

/** One line (wrapped under its symbol) per check: ✔/✘/…/⊘, then its message. */
export function checkPanelLines(props: CheckPanelProps, theme: Theme): Line[] {
  const { checks, width } = props;
  const passed = checks?.filter((c) => c.pass && !c.skipped).length ?? 0;
  const head: Segment[] = [{ text: t('tui.check.title'), tone: 'heading' }];
  if (checks?.length)
    head.push({
      text: ` · ${t('tui.check.summary', { passed, total: checks.length })}`,
      tone: 'muted',
    });
  if (props.running) head.push({ text: ` · ${t('tui.check.running')}`, tone: 'pending' });
  const lines: Line[] = wrapSegments(head, width);
  if (!checks)
    return [
      ...lines,
      ...wrapSegments(
        [{ text: t('tui.check.notRun', { key: keysFor('check', 'lesson') }), tone: 'muted' }],
        width,
      ),
    ];
  if (!checks.length)
    return [...lines, ...wrapSegments([{ text: t('tui.check.none'), tone: 'muted' }], width)];
  const rowsOf = (list: CheckLine[]) => list.flatMap((c) => checkLines(c, width, theme));
  let rows = rowsOf(checks);
  const max = props.maxLines;
  if (max !== undefined && lines.length + rows.length > max) {
    // Short of room: what still needs doing matters more than what already passes.
    rows = rowsOf(checks.filter((c) => statusOf(c) !== 'pass'));
    const room = Math.max(0, max - lines.length);
    if (rows.length > room)
      rows = room > 0 ? [...rows.slice(0, room - 1), [{ text: '…', tone: 'muted' }]] : [];
  }
  return [...lines, ...rows].slice(0, max);
}

/** One check, wrapped under its symbol. */
function checkLines(c: CheckLine, width: number, theme: Theme): Line[] {
  const s = statusOf(c);
  const word = statusWord(s, c);
  // Pass/fail: symbol then message (the screen reader hears the word instead of the symbol).
  // Waiting/skipped: say why it did not run, then the message, unless the message already
  // says it ("waiting on web (it must pass first)": the word once, not twice).
  const said = s !== 'pass' && s !== 'fail' && c.message.startsWith(word);
  const why = said ? '' : t('tui.check.lead', { word });
  const lead = theme.screenReader
    ? why
    : s === 'pass' || s === 'fail'
      ? `${CHECK_SYMBOL[s]} `
      : `${CHECK_SYMBOL[s]} ${why}`;
  const indent = theme.screenReader ? 2 : displayWidth(CHECK_SYMBOL[s]) + 1;
  const quiet = s === 'waiting' || s === 'skipped';
  return wrapSegments([{ text: c.message, ...(quiet ? { tone: 'muted' as const } : {}) }], width, {
    first: [{ text: lead, tone: TONE[s] }],
    rest: [{ text: ' '.repeat(indent) }],
  });
}

export function CheckPanel(props: CheckPanelProps) {
  const theme = useTheme();
  return <Lines lines={checkPanelLines(props, theme)} />;
}
