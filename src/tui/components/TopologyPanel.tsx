import React from 'react';
import { t } from '../../i18n/index.js';
import { displayWidth, truncate } from '../text.js';
import { useTheme, type Line } from '../theme.js';
import { Lines } from './Lines.js';

export interface TopologyPanelProps {
  /** The map as text lines (`renderAscii` / `renderMap(..., {format: 'ascii', width})`). */
  lines: string[];
  width: number;
  /** Rows available; the rest is cut with a line that says how many were left out. */
  maxLines?: number;
  /** The heading (default: the map's). */
  title?: string;
  /** When the facts were observed, shown muted in the title. */
  observedAt?: string;
}

/** The live lab map (pure: draws the lines it is given, cut to the width and height). */
export function topologyPanelLines(props: TopologyPanelProps, screenReader = false): Line[] {
  const { width } = props;
  const heading = truncate(props.title ?? t('topo.panel.title'), width);
  const title: Line = [{ text: heading, tone: 'heading' }];
  const when = props.observedAt ? ` · ${props.observedAt}` : '';
  // The time only when it fits whole: a cut clock misleads.
  if (when && displayWidth(heading) + displayWidth(when) <= width)
    title.push({ text: when, tone: 'muted' });
  const body = props.lines.length ? props.lines : [t('topo.panel.empty')];
  // Screen readers get the tree without its drawing characters.
  const text = screenReader
    ? body.map((l) =>
        l
          .replace(/[│├└─]/g, ' ')
          .replace(/⇄/g, '<->')
          .trimEnd(),
      )
    : body;
  const rows: Line[] = [title, ...text.map((l): Line => [{ text: truncate(l, width) }])];
  const max = props.maxLines;
  if (max !== undefined && max > 1 && rows.length > max) {
    const keep = rows.slice(0, max - 1);
    keep.push([{ text: t('topo.panel.more', { count: rows.length - (max - 1) }), tone: 'muted' }]);
    return keep;
  }
  return rows;
}

export function TopologyPanel(props: TopologyPanelProps) {
  const theme = useTheme();
  return <Lines lines={topologyPanelLines(props, theme.screenReader)} />;
}
