import React from 'react';
import { Box } from 'ink';
import { t } from '../../i18n/index.js';
import type { ErrorView } from '../model.js';
import { wrapSegments } from '../text.js';
import { toneProps, useTheme, type Line } from '../theme.js';
import { Lines } from './Lines.js';

export interface ErrorBoxProps extends ErrorView {
  width: number;
}

/** What happened, what to try, and the next steps. */
export function errorLines({ message, tryMessage, nextSteps, width }: ErrorBoxProps): Line[] {
  const lines: Line[] = [
    [{ text: t('tui.error.title'), tone: 'fail', bold: true }],
    ...wrapSegments([{ text: message }], width),
  ];
  if (tryMessage) {
    lines.push([]);
    lines.push(...wrapSegments([{ text: t('tui.error.try', { what: tryMessage }) }], width));
  }
  if (nextSteps?.length) {
    lines.push([]);
    lines.push([{ text: t('tui.error.next'), bold: true }]);
    for (const step of nextSteps) {
      lines.push(
        ...wrapSegments([{ text: step }], width, {
          first: [{ text: '- ', tone: 'muted' }],
          rest: [{ text: '  ' }],
        }),
      );
    }
  }
  return lines;
}

/** An error rendered in one place and one shape (framed, except for screen readers). */
export function ErrorBox(props: ErrorBoxProps) {
  const theme = useTheme();
  if (theme.screenReader) return <Lines lines={errorLines(props)} />;
  const color = toneProps('fail', theme).color as string | undefined;
  return (
    <Box
      borderStyle="round"
      {...(color ? { borderColor: color } : {})}
      paddingX={1}
      width={props.width}
      flexDirection="column"
    >
      <Lines lines={errorLines({ ...props, width: Math.max(10, props.width - 4) })} />
    </Box>
  );
}
