import { useEffect, useRef, useState } from 'react';
import { UserError, tryMessageOf } from '../../errors.js';
import { t } from '../../i18n/index.js';
import type { Finding } from '../../lab/doctor.js';
import type { ErrorView, ProgressEventView } from '../model.js';
import { useServices } from '../services.js';
import { safeError } from '../../text/safe.js';

export type LabStartState = 'checking' | 'starting' | 'up' | 'error' | 'aborted';

export interface LabStart {
  state: LabStartState;
  events: ProgressEventView[];
  error?: ErrorView;
  /** Stop a bring-up under way (quit while starting). */
  abort: () => void;
}

/** The error as the learner sees it: what failed, and the doctor's findings with their fixes. */
export function startErrorView(err: unknown, findings: Finding[]): ErrorView {
  const fix = tryMessageOf(err);
  const problems = findings.filter((f) => !f.ok && !f.optional);
  const first = problems[0];
  const tryMessage = fix ?? first?.fix;
  return {
    message: t('tui.start.failed', { message: safeError(err) }),
    ...(tryMessage ? { tryMessage } : {}),
    nextSteps: [
      ...(err instanceof UserError ? err.nextSteps : []),
      ...problems
        .filter((f) => f !== first || fix)
        .slice(0, 4)
        .map((f) => t('tui.start.finding', { title: f.title, fix: f.fix ?? '' })),
      t('tui.start.doctor'),
    ],
  };
}

/** Is the lab up? If not, bring it up, reporting each host's stages; on failure ask the doctor. */
export function useLabStart(): LabStart {
  const services = useServices();
  const [state, setState] = useState<LabStartState>('checking');
  const [events, setEvents] = useState<ProgressEventView[]>([]);
  const [error, setError] = useState<ErrorView>();
  const abortRef = useRef(new AbortController());

  useEffect(() => {
    const abort = abortRef.current;
    let live = true;
    void (async () => {
      if (await services.isUp()) {
        if (live) setState('up');
        return;
      }
      if (!live) return;
      setState('starting');
      const seen: ProgressEventView[] = [];
      const running = new Set<string>();
      try {
        await services.up({
          signal: abort.signal,
          onProgress: (e) => {
            const key = `${e.node}\0${e.stage}`;
            if (e.phase === 'start') running.add(key);
            else running.delete(key);
            seen.push(e);
            if (live) setEvents([...seen]);
          },
        });
        if (live) setState('up');
      } catch (err) {
        if (!live) return;
        if (abort.signal.aborted) return setState('aborted');
        // Stages under way when it failed are marked failed.
        for (const key of running) {
          const [node = '', stage = ''] = key.split('\0');
          seen.push({ node, stage, phase: 'fail' });
        }
        setEvents([...seen]);
        const findings = await services.diagnose().catch(() => []);
        if (!live) return;
        setError(startErrorView(err, findings));
        setState('error');
      }
    })();
    return () => {
      live = false;
    };
  }, [services]);

  return { state, events, ...(error ? { error } : {}), abort: () => abortRef.current.abort() };
}
