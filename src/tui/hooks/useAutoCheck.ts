import { useEffect, useRef, useState } from 'react';
import type { CheckResult } from '../../checks/types.js';
import { t } from '../../i18n/index.js';
import type { Lesson } from '../../lessons/index.js';
import { stepRequest } from '../../orchestrate/step-features.js';
import { CheckRunner } from '../app/check-runner.js';
import type { ShellPool } from '../app/shell-pool.js';
import type { CheckLine } from '../model.js';
import { useServices } from '../services.js';

export interface AutoCheckOptions {
  lesson: Lesson;
  step: number;
  pool: ShellPool;
  /** Off while the lab is being reset. */
  enabled: boolean;
  /** A round finished for this step (not delivered when it went stale). */
  onResults: (stepId: string, results: CheckResult[]) => void;
}

export interface AutoCheck {
  checks: CheckLine[] | undefined;
  checking: boolean;
  checkNow: () => void;
}

/**
 * The step's checks, re-run in the background: when the step opens, when a command finishes in
 * any shell (the prompt came back), and on the check key. Typing never waits for them.
 */
export function useAutoCheck({
  lesson,
  step,
  pool,
  enabled,
  onResults,
}: AutoCheckOptions): AutoCheck {
  const services = useServices();
  const [checks, setChecks] = useState<CheckLine[]>();
  const [checking, setChecking] = useState(false);
  const runner = useRef<CheckRunner | undefined>(undefined);
  const deliver = useRef(onResults);
  deliver.current = onResults;

  useEffect(() => {
    const s = lesson.steps[step];
    setChecks(undefined);
    if (!s || !enabled) return;
    const r = new CheckRunner({
      run: () => services.check(stepRequest(lesson, s)),
      onResults: (results) => {
        setChecks(results);
        deliver.current(s.id, results);
      },
      onRunning: setChecking,
      onError: (err) =>
        setChecks([
          {
            id: 'checks',
            kind: 'error',
            pass: false,
            message: t('tui.check.error', { message: (err as Error)?.message ?? String(err) }),
          },
        ]),
    });
    runner.current = r;
    r.request(true);
    const off = pool.onPrompt(() => r.request());
    return () => {
      off();
      r.dispose();
      runner.current = undefined;
      setChecking(false);
    };
  }, [lesson, step, pool, enabled, services]);

  return { checks, checking, checkNow: () => runner.current?.request(true) };
}
