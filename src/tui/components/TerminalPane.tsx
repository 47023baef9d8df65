import React, { memo } from 'react';
import { Box, Text, type TextProps } from 'ink';
import type { CellStyle, SnapshotRow, TerminalSnapshot } from '../terminal/snapshot.js';
import { useTheme } from '../theme.js';

export interface TerminalPaneProps {
  snapshot: TerminalSnapshot | undefined;
  width: number;
  height: number;
}

/**
 * Ink props of a cell style. Without colour (NO_COLOR) the shell's colours and dim are dropped,
 * but inverse, bold and underline stay: they are not colour, and the cursor and the status
 * lines of less and vi are drawn with inverse.
 */
export function cellProps(style: CellStyle, color: boolean): TextProps {
  return {
    ...(color && style.fg ? { color: style.fg } : {}),
    ...(color && style.bg ? { backgroundColor: style.bg } : {}),
    ...(style.bold ? { bold: true } : {}),
    ...(color && style.dim ? { dimColor: true } : {}),
    ...(style.italic ? { italic: true } : {}),
    ...(style.underline ? { underline: true } : {}),
    ...(style.strikethrough ? { strikethrough: true } : {}),
    ...(style.inverse ? { inverse: true } : {}),
  };
}

const PaneRow = memo(
  function PaneRow({ row, color }: { row: SnapshotRow; color: boolean }) {
    if (!row.runs.length) return <Text> </Text>;
    return (
      <Text wrap="truncate-end">
        {row.runs.map((run, i) => (
          <Text key={i} {...cellProps(run.style, color)}>
            {run.text}
          </Text>
        ))}
      </Text>
    );
  },
  (a, b) => a.row.key === b.row.key && a.color === b.color,
);

const EMPTY: SnapshotRow = { runs: [], key: '' };

/** The shell's screen, row by row; rows that did not change are not re-rendered. */
export function TerminalPane({ snapshot, width, height }: TerminalPaneProps) {
  const theme = useTheme();
  let rows = Array.from({ length: height }, (_, i) => snapshot?.rows[i] ?? EMPTY);
  // A screen reader should not read out the empty rows under the prompt.
  if (theme.screenReader) {
    let last = rows.length;
    while (last > 1 && !rows[last - 1]!.runs.length) last--;
    rows = rows.slice(0, last);
  }
  return (
    <Box
      width={width}
      {...(theme.screenReader ? {} : { height })}
      flexDirection="column"
      overflow="hidden"
    >
      {rows.map((row, i) => (
        <PaneRow key={i} row={row} color={theme.color} />
      ))}
    </Box>
  );
}
