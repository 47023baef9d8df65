import { useCallback, useEffect, useRef, useState } from 'react';
import { t } from '../../i18n/index.js';
import type { Lesson } from '../../lessons/index.js';
import type { ShellPool } from '../app/shell-pool.js';
import type { LabState } from '../model.js';
import { useServices } from '../services.js';
import { safeError } from '../../text/safe.js';

export interface LessonLab {
  lab: LabState;
  /** What the last reset did, or why it failed. */
  note?: string;
  reset: () => void;
}

/**
 * The lesson's own lab state: `reset` gives every host of the lesson a fresh start (each host
 * reset, then the lesson's setup commands, then fresh shells). A lesson opened for the first
 * time starts that way too (`fresh`).
 */
export function useLessonLab(lesson: Lesson, pool: ShellPool, fresh: boolean): LessonLab {
  const services = useServices();
  const [lab, setLab] = useState<LabState>(fresh ? 'resetting' : 'up');
  const [note, setNote] = useState<string>();
  const busy = useRef(false);
  const live = useRef(true);
  useEffect(
    () => () => {
      live.current = false;
    },
    [],
  );

  const reset = useCallback(
    (first = false) => {
      if (busy.current) return;
      busy.current = true;
      setLab('resetting');
      setNote(undefined);
      void (async () => {
        await Promise.all(lesson.hosts.map((h) => services.resetHost(h)));
        for (const c of lesson.setup) {
          const r = await services.runOnHost(c.host, c.run);
          if (r.code !== 0) {
            const detail = (r.stderr || r.stdout).trim().split('\n').pop() ?? '';
            throw new Error(
              t('tui.reset.setupFailed', { host: c.host, run: c.run, code: r.code, detail }),
            );
          }
        }
      })()
        .then(
          () => {
            if (!live.current) return;
            for (const h of lesson.hosts) if (pool.peek(h)) pool.restart(h);
            setLab('up');
            const hosts = lesson.hosts.join(', ');
            setNote(t(first ? 'tui.lesson.fresh' : 'tui.reset.done', { hosts }));
          },
          (err: unknown) => {
            if (!live.current) return;
            setLab('error');
            setNote(t('tui.reset.failed', { message: safeError(err) }));
          },
        )
        .finally(() => {
          busy.current = false;
        });
    },
    [lesson, pool, services],
  );

  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    if (fresh) reset(true);
  }, [fresh, reset]);

  return { lab, ...(note ? { note } : {}), reset: () => reset(false) };
}
