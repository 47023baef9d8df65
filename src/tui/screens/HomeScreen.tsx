import React, { useState } from 'react';
import { Box, Text } from 'ink';
import { HelpOverlay } from '../components/HelpOverlay.js';
import { LessonList } from '../components/LessonList.js';
import { useKeys } from '../hooks/useKeys.js';
import type { LessonSummary } from '../model.js';
import { wrapSegments } from '../text.js';
import { toneProps, useTheme } from '../theme.js';

export interface HomeScreenProps {
  lessons: LessonSummary[];
  continueId?: string;
  /** One message above the list (e.g. the progress file was moved aside). */
  notice?: string;
  columns: number;
  rows: number;
  onOpen: (id: string) => void;
  onQuit: () => void;
  onLanguage?: () => void;
}

const HOME_HELP = ['global', 'home', 'help'] as const;

/** Home: the lessons with their state; the help overlay over them on `?`. */
export function HomeScreen(props: HomeScreenProps) {
  const theme = useTheme();
  const [help, setHelp] = useState(false);
  const [helpScroll, setHelpScroll] = useState(0);
  useKeys(
    'help',
    (action) => {
      if (action === 'closeHelp') {
        setHelp(false);
        setHelpScroll(0);
      } else if (action === 'scrollDown') setHelpScroll((n) => n + 1);
      else if (action === 'scrollUp') setHelpScroll((n) => Math.max(0, n - 1));
      else if (action === 'quit') props.onQuit();
    },
    help,
  );
  const notice = props.notice
    ? wrapSegments([{ text: props.notice, tone: 'warn' }], props.columns).map((line) =>
        line.map((s) => s.text).join(''),
      )
    : [];
  const listHeight = Math.max(4, props.rows - (notice.length ? notice.length + 1 : 0));
  return (
    <Box flexDirection="column" width={props.columns} height={props.rows} overflow="hidden">
      {notice.map((line, i) => (
        <Text key={i} {...toneProps('warn', theme)}>
          {line}
        </Text>
      ))}
      {notice.length > 0 && <Text> </Text>}
      {help ? (
        <HelpOverlay
          width={props.columns}
          height={listHeight}
          scroll={helpScroll}
          scopes={HOME_HELP}
        />
      ) : (
        <LessonList
          lessons={props.lessons}
          {...(props.continueId ? { continueId: props.continueId } : {})}
          width={props.columns}
          height={listHeight}
          isActive={!help}
          onOpen={props.onOpen}
          onQuit={props.onQuit}
          onHelp={() => setHelp(true)}
          {...(props.onLanguage ? { onLanguage: props.onLanguage } : {})}
        />
      )}
    </Box>
  );
}
