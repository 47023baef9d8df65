import { useCallback, useRef, useState } from 'react';
import { t } from '../../i18n/index.js';
import { emptyProgress, type Progress } from '../../lab/progress-store.js';
import { useServices } from '../services.js';

export interface ProgressStore {
  progress: Progress;
  /** One message for the learner (the file was moved aside, or could not be written). */
  notice?: string;
  update: (fn: (p: Progress) => Progress) => void;
}

/** The learner's progress: loaded once, saved on every change (a small file, written atomically). */
export function useProgressStore(): ProgressStore {
  const services = useServices();
  const [initial] = useState(() => {
    try {
      const loaded = services.loadProgress();
      const moved = loaded.movedAside;
      return {
        progress: loaded.progress,
        ...(moved ? { notice: t(`tui.progressFile.${moved.reason}`, { path: moved.to }) } : {}),
      };
    } catch (err) {
      return {
        progress: emptyProgress(),
        notice: t('tui.progressFile.unreadable', { message: (err as Error).message }),
      };
    }
  });
  const [progress, setProgress] = useState(initial.progress);
  const [notice, setNotice] = useState(initial.notice);
  const ref = useRef(progress);

  const update = useCallback(
    (fn: (p: Progress) => Progress) => {
      const next = fn(ref.current);
      if (next === ref.current) return;
      ref.current = next;
      setProgress(next);
      try {
        services.saveProgress(next);
      } catch (err) {
        setNotice(t('tui.progressFile.unwritable', { message: (err as Error).message }));
      }
    },
    [services],
  );
  return { progress, ...(notice ? { notice } : {}), update };
}
