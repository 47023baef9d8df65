import React, { memo } from 'react';
import { Box, Text } from 'ink';
import { segmentProps, useTheme, type Line, type Theme } from '../theme.js';

/** One pre-wrapped line of styled segments. Lines are cut, never re-wrapped, by Ink. */
export const LineView = memo(function LineView({ line, theme }: { line: Line; theme: Theme }) {
  if (line.length === 0) return <Text> </Text>;
  return (
    <Text wrap="truncate-end">
      {line.map((seg, i) => (
        <Text key={i} {...segmentProps(seg, theme)}>
          {seg.text}
        </Text>
      ))}
    </Text>
  );
});

/** Lines as produced by the pure renderers (markdown, panels), one Ink row each. */
export function Lines({ lines }: { lines: Line[] }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column">
      {lines.map((line, i) => (
        <LineView key={i} line={line} theme={theme} />
      ))}
    </Box>
  );
}
