import React from 'react';
import { Box, Text } from 'ink';
import { t } from '../../i18n/index.js';
import { ErrorBox } from '../components/ErrorBox.js';
import { useKeyPress } from '../hooks/useKeys.js';
import { Progress } from '../components/Progress.js';
import type { ErrorView, ProgressEventView } from '../model.js';
import { toneProps, useTheme } from '../theme.js';

export interface StartScreenProps {
  state: 'checking' | 'starting' | 'error' | 'aborted';
  events: ProgressEventView[];
  error?: ErrorView;
  width: number;
  onQuit: () => void;
}

/** Before the lessons: the lab coming up (each host, each stage), or why it could not. */
export function StartScreen({ state, events, error, width, onQuit }: StartScreenProps) {
  const theme = useTheme();
  // q and Ctrl-C quit; every other key typed meanwhile waits for the lesson list.
  useKeyPress((key) => {
    if (key.name !== 'q' && key.name !== 'ctrl+c') return 'defer';
    onQuit();
    return true;
  });
  if (state === 'error' && error) {
    return (
      <Box flexDirection="column" width={width}>
        <Progress events={events} width={width} animate={false} />
        <ErrorBox {...error} width={width} />
        <Text {...toneProps('muted', theme)}>{t('tui.start.quit')}</Text>
      </Box>
    );
  }
  if (state === 'checking') return <Text>{t('tui.start.checking')}</Text>;
  return (
    <Box flexDirection="column" width={width}>
      <Progress events={events} width={width} />
      <Text {...toneProps('muted', theme)}>{t('tui.start.wait')}</Text>
    </Box>
  );
}
