import React, { type ReactNode } from 'react';
import { Box, Text } from 'ink';
import type { LayoutPlan } from '../layout.js';
import { displayWidth, truncate } from '../text.js';
import { toneProps, useTheme } from '../theme.js';

export interface LayoutProps {
  plan: LayoutPlan;
  lesson: ReactNode;
  pane: ReactNode;
  /** The pane's title, one line (what runs there and how to focus it). */
  paneTitle: string;
  paneFocused: boolean;
  status: ReactNode;
  /** The open map above the shell, beside the text (drawn when `plan.map` has rows). */
  map?: ReactNode;
  /** Drawn over the body (help, a fatal error) instead of lesson and pane. */
  overlay?: ReactNode;
}

function PaneTitle({ title, width, focused }: { title: string; width: number; focused: boolean }) {
  const theme = useTheme();
  const text = truncate(title, Math.max(1, width - 4));
  if (theme.screenReader) return <Text>{text}</Text>;
  const rule = '─';
  const tail = Math.max(0, width - 3 - displayWidth(text) - 1);
  return (
    <Text wrap="truncate-end">
      <Text {...toneProps('muted', theme)}>{rule.repeat(2)} </Text>
      <Text {...toneProps(focused ? 'accent' : 'muted', theme)}>{text}</Text>
      <Text {...toneProps('muted', theme)}> {rule.repeat(tail)}</Text>
    </Text>
  );
}

function Rule({ height }: { height: number }) {
  const theme = useTheme();
  if (theme.screenReader) return <Box width={1} height={height} />;
  return (
    <Box width={1} height={height} flexDirection="column">
      <Text {...toneProps('muted', theme)}>
        {Array.from({ length: height }, () => '│').join('\n')}
      </Text>
    </Box>
  );
}

/** A region of the screen: its content cut to its size. */
function Clip({
  size,
  children,
}: {
  size: { width: number; height: number };
  children: ReactNode;
}) {
  return (
    <Box width={size.width} height={size.height} flexDirection="column" overflow="hidden">
      {children}
    </Box>
  );
}

/** Lesson and shell side by side when wide, stacked when narrow; the status bar under both. */
export function Layout({
  plan,
  lesson,
  pane,
  paneTitle,
  paneFocused,
  status,
  map,
  overlay,
}: LayoutProps) {
  const bodyHeight = plan.body;
  const showLesson = plan.lesson.height > 0;
  const showPane = plan.pane.height > 0;
  const lessonBox = showLesson && <Clip size={plan.lesson}>{lesson}</Clip>;
  const paneBox = showPane && (
    <Clip size={{ width: plan.pane.width, height: plan.pane.height + 1 }}>
      <PaneTitle title={paneTitle} width={plan.pane.width} focused={paneFocused} />
      <Clip size={plan.pane}>{pane}</Clip>
    </Clip>
  );
  return (
    <Box flexDirection="column" width={plan.status.width}>
      {overlay ? (
        <Clip size={{ width: plan.status.width, height: bodyHeight }}>{overlay}</Clip>
      ) : plan.mode === 'wide' && showLesson && showPane ? (
        <Box flexDirection="row" width={plan.status.width} height={bodyHeight}>
          {lessonBox}
          <Rule height={bodyHeight} />
          {map && plan.map.height > 0 ? (
            <Box flexDirection="column" width={plan.pane.width} height={bodyHeight}>
              <Clip size={plan.map}>{map}</Clip>
              {paneBox}
            </Box>
          ) : (
            paneBox
          )}
        </Box>
      ) : (
        <Box flexDirection="column" width={plan.status.width} height={bodyHeight}>
          {lessonBox}
          {paneBox}
        </Box>
      )}
      <Box width={plan.status.width} height={1}>
        {status}
      </Box>
    </Box>
  );
}
