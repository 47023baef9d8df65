import React, { useEffect, useMemo, useState } from 'react';
import { Box, Text, useApp } from 'ink';
import { getLang, setLang, t } from '../i18n/index.js';
import type { Lesson } from '../lessons/index.js';
import { lessonSummary } from './app/lesson-view.js';
import { ShellPool } from './app/shell-pool.js';
import { useKeyBus } from './hooks/useKeys.js';
import { useLabStart } from './hooks/useLabStart.js';
import { useProgressStore } from './hooks/useProgressStore.js';
import { useTerminalSize } from './hooks/useTerminalSize.js';
import type { ErrorView } from './model.js';
import { HomeScreen } from './screens/HomeScreen.js';
import { LessonLive } from './screens/LessonLive.js';
import { StartScreen } from './screens/StartScreen.js';
import { useServices } from './services.js';
import { safeError } from '../text/safe.js';

/** How the app ended, for what `runTui` prints once the terminal is restored. */
export interface AppOutcome {
  labUp: boolean;
  error?: ErrorView;
}

export interface AppProps {
  /** Filled in as the app ends. */
  outcome: AppOutcome;
}

function loadLessons(load: () => Lesson[]): { lessons: Lesson[]; error?: ErrorView } {
  try {
    return { lessons: load() };
  } catch (err) {
    const message = safeError(err);
    return {
      lessons: [],
      error: { message: t('tui.lessons.failed', { message }), tryMessage: t('tui.lessons.try') },
    };
  }
}

/** dnlab's TUI: start the lab if needed, then the lesson list and the lessons. */
export function App({ outcome }: AppProps) {
  const services = useServices();
  const { exit } = useApp();
  // Raw mode and the key queue from the first frame: keys typed early wait for the list.
  useKeyBus();
  const size = useTerminalSize();
  // One row short of the terminal: Ink redraws the whole screen when a frame fills it.
  const columns = size.columns;
  const rows = Math.max(4, size.rows - 1);
  const start = useLabStart();
  const store = useProgressStore();
  // L on the list switches the language: every text, the lessons' too, is read again in it.
  const [loaded, setLoaded] = useState<{ lessons: Lesson[]; error?: ErrorView }>();
  // Outside render and after the first frame is out: reading the lessons takes a while.
  useEffect(() => {
    const timer = setImmediate(() => setLoaded(loadLessons(services.loadLessons)));
    return () => clearImmediate(timer);
  }, [services]);
  const lessons = loaded?.lessons ?? [];
  const lessonsError = loaded?.error;
  const switchLanguage = () => {
    const next = getLang() === 'en' ? 'zh-CN' : 'en';
    setLang(next);
    // In the key's handler, not in render: the list comes back whole in the new language.
    setLoaded(loadLessons(services.loadLessons));
  };
  const pool = useMemo(() => new ShellPool(services.openShell), [services]);
  useEffect(() => () => pool.dispose(), [pool]);
  const [open, setOpen] = useState<string>();
  outcome.labUp = start.state === 'up';

  const quit = () => {
    if (start.state === 'starting') start.abort();
    outcome.labUp = start.state === 'up';
    if (start.error) outcome.error = start.error;
    pool.dispose();
    exit();
  };

  // Every screen fills the same rows: a frame that changes height leaves lines behind.
  const frame = (node: React.ReactNode) => (
    <Box width={columns} height={rows} flexDirection="column" overflow="hidden">
      {node}
    </Box>
  );
  if (start.state !== 'up') {
    return frame(
      <StartScreen
        state={start.state}
        events={start.events}
        {...(start.error ? { error: start.error } : {})}
        width={columns}
        onQuit={quit}
      />,
    );
  }
  if (lessonsError) {
    return frame(
      <StartScreen state="error" events={[]} error={lessonsError} width={columns} onQuit={quit} />,
    );
  }
  if (!loaded) return frame(<Text>{t('tui.lessons.loading')}</Text>);
  const lesson = lessons.find((l) => l.id === open);
  if (lesson) {
    return frame(
      <LessonLive
        key={lesson.id}
        lesson={lesson}
        store={store}
        pool={pool}
        columns={columns}
        rows={rows}
        onBack={() => setOpen(undefined)}
        onQuit={quit}
      />,
    );
  }
  const last = store.progress.last?.lesson;
  return frame(
    <HomeScreen
      lessons={lessons.map((l) => lessonSummary(l, store.progress))}
      {...(last && lessons.some((l) => l.id === last) ? { continueId: last } : {})}
      {...(store.notice ? { notice: store.notice } : {})}
      columns={columns}
      rows={rows}
      onOpen={setOpen}
      onQuit={quit}
      onLanguage={switchLanguage}
    />,
  );
}
