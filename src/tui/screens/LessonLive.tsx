import React, { useCallback, useEffect, useState } from 'react';
import type { CheckResult } from '../../checks/types.js';
import { markGaveUp, markHints, markSplit, markStep, markWhere } from '../../lab/progress-store.js';
import type { Lesson } from '../../lessons/index.js';
import { lessonSummary, outcomeOf, startStep, stepViews } from '../app/lesson-view.js';
import type { ShellPool } from '../app/shell-pool.js';
import { useAutoCheck } from '../hooks/useAutoCheck.js';
import { useHostShell } from '../hooks/useHostShell.js';
import { useLessonLab } from '../hooks/useLessonLab.js';
import { usePaneSession } from '../hooks/usePaneSession.js';
import { createFocusGate, lessonKeysActive } from '../hooks/useRawInput.js';
import { useServices } from '../services.js';
import type { ProgressStore } from '../hooks/useProgressStore.js';
import { useStepMap } from '../hooks/useStepMap.js';
import { useStepTrace } from '../hooks/useStepTrace.js';
import { SPLIT, computeLayout, nextZoom, resizeSplit, type Zoom } from '../layout.js';
import type { Focus } from '../model.js';
import { LessonScreen } from './LessonScreen.js';

export interface LessonLiveProps {
  lesson: Lesson;
  store: ProgressStore;
  pool: ShellPool;
  columns: number;
  rows: number;
  onBack: () => void;
  onQuit: () => void;
}

/**
 * A lesson wired to the live lab: the step's shell from the pool, checks re-run when a command
 * finishes, progress saved as steps turn done, reset of the lesson's hosts.
 */
export function LessonLive({
  lesson,
  store,
  pool,
  columns,
  rows,
  onBack,
  onQuit,
}: LessonLiveProps) {
  const { progress, update } = store;
  const [current, setCurrent] = useState(() => startStep(lesson, progress));
  const [focus, setFocus] = useState<Focus>('lesson');
  const [gate] = useState(createFocusGate);
  const [zoom, setZoom] = useState<Zoom>('none');
  const [fresh] = useState(() => lessonSummary(lesson, progress).state === 'new');
  // The panel beside (or over) the text: the live map, the step's trace, or none.
  const [panel, setPanel] = useState<'map' | 'trace' | undefined>();
  // Lines scrolled back in the shell's scrollback (0: the live screen).
  const [paneScroll, setPaneScroll] = useState(0);
  const step = lesson.steps[current]!;
  const split = progress.ui?.split ?? SPLIT.default;
  // The same plan LessonScreen draws, so the shell's pty has the pane's size.
  const plan = computeLayout(columns, rows, zoom, { split, focus, map: panel !== undefined });

  const labCtl = useLessonLab(lesson, pool, fresh);
  // The lab's engine for the status bar, read once the lesson is on screen (not during render).
  const services = useServices();
  const [engine, setEngine] = useState<string | undefined>();
  useEffect(() => setEngine(services.engine?.()), [services]);
  const session = useHostShell(pool, step.host, plan.pane.width, plan.pane.height);
  const snapshot = usePaneSession(session, {
    focused: focus === 'pane',
    cols: plan.pane.width,
    rows: plan.pane.height,
    onToggle: () => setFocus('lesson'),
    gate,
    scrollBack: paneScroll,
    onTyped: () => setPaneScroll(0),
  });

  useEffect(() => {
    update((p) => markWhere(p, lesson.id, step.id));
  }, [lesson.id, step.id, update]);

  const onResults = useCallback(
    (stepId: string, results: CheckResult[]) => {
      const outcome = outcomeOf(results);
      if (outcome) update((p) => markStep(p, lesson.id, stepId, outcome));
    },
    [lesson.id, update],
  );
  const auto = useAutoCheck({
    lesson,
    step: current,
    pool,
    enabled: labCtl.lab !== 'resetting',
    onResults,
  });

  // Beside the text the map has the shell's width; in the text's place, the text's.
  const mapWidth = plan.map.height > 0 ? plan.map.width : plan.lesson.width - 1;
  const map = useStepMap(step.host, panel === 'map', mapWidth, auto.checks);
  const trace = useStepTrace(step.host, step.trace, panel === 'trace', auto.checks);
  const shown = map ?? trace;
  const page = Math.max(1, Math.floor(plan.pane.height / 2));

  const toggleFocus = () => {
    // A shell that kept failing to start is tried again when the learner goes to it.
    if (session?.exit && plan.pane.height > 0) pool.restart(step.host);
    gate.focus = 'pane';
    setFocus('pane');
  };

  return (
    <LessonScreen
      lessonTitle={lesson.title}
      steps={stepViews(lesson, progress)}
      current={current}
      checks={auto.checks}
      checking={auto.checking}
      focus={focus}
      lab={labCtl.lab}
      columns={columns}
      rows={rows}
      zoom={zoom}
      pane={{
        host: step.host,
        ...(snapshot ? { snapshot } : {}),
        ...(session?.exit ? { exitCode: session.exit.exitCode } : {}),
      }}
      hintsShown={progress.lessons[lesson.id]?.hints[step.id] ?? 0}
      onHints={(n) => update((p) => markHints(p, lesson.id, step.id, n))}
      {...(labCtl.note ? { note: labCtl.note } : {})}
      {...(engine ? { engine } : {})}
      onStep={setCurrent}
      onCheck={auto.checkNow}
      onReset={labCtl.reset}
      onBack={onBack}
      onQuit={onQuit}
      onToggleFocus={toggleFocus}
      keysActive={() => lessonKeysActive(gate)}
      onZoom={() => setZoom(nextZoom)}
      split={split}
      onSplit={(delta) => update((p) => markSplit(p, resizeSplit(split, delta)))}
      {...(shown ? { map: shown } : {})}
      onMap={() => setPanel((p) => (p === 'map' ? undefined : 'map'))}
      onTrace={() => setPanel((p) => (p === 'trace' ? undefined : 'trace'))}
      onSolutionShown={() => {
        if (lesson.incident)
          update((p) => markGaveUp(p, lesson.id, step.id, lesson.incident!.variant));
      }}
      onPaneScroll={(delta) =>
        // From where the pane really is (the scrollback may be shorter than asked).
        setPaneScroll(Math.max(0, (snapshot?.scrolled ?? 0) + delta * page))
      }
    />
  );
}
