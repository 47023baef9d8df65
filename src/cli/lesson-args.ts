import { t } from '../i18n/index.js';
import { LabError } from '../lab/lab.js';
import { loadAllLessons, loadLesson, lessonDirs } from '../lessons/load.js';
import type { Lesson, Step } from '../lessons/model.js';
import path from 'node:path';
import { lessonsRoot } from '../lessons/load.js';

/** `02-docker0` or `02-docker0/find-docker0` → the lesson and (optionally) one step. */
export function resolveLessonArg(arg: string): { lesson: Lesson; step?: Step } {
  const [id, stepId] = arg.split('/');
  const known = lessonDirs().map((d) => path.basename(d));
  if (!id || !known.includes(id)) {
    throw new LabError(
      t('cli.noLesson', { id }),
      t('cli.lessonList', { lessons: known.join(', ') || t('cli.none') }),
    );
  }
  const lesson = loadLesson(path.join(lessonsRoot(), id));
  if (!stepId) return { lesson };
  const step = lesson.steps.find((s) => s.id === stepId || String(s.index + 1) === stepId);
  if (!step) {
    throw new LabError(
      t('cli.noStep', { lesson: id, step: stepId }),
      t('cli.stepList', { steps: lesson.steps.map((s) => s.id).join(', ') }),
    );
  }
  return { lesson, step };
}

export function resolveLessons(ids: string[]): Lesson[] {
  if (ids.length === 0) return loadAllLessons();
  return ids.map((id) => resolveLessonArg(id).lesson);
}
