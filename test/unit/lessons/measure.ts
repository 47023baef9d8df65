import type { Lesson, Step } from '../../../src/lessons/model.js';

/**
 * The curriculum measure of issue #15: how much of a lesson is "copy what you read".
 * (a) evidence-file steps: a check judges a file the learner wrote (not a file the system keeps,
 *     such as /etc/hosts or /etc/resolv.conf);
 * (b) copy-paste steps: the step text holds one of the step's own solution lines verbatim.
 */

/** Checker kinds that judge a file only a learner writes. */
const EVIDENCE_KINDS = new Set(['file-has-fact', 'file-names-veth']);
/** A file-contains check on these paths judges the system's file, not the learner's. */
const SYSTEM_PATHS = /^\/(etc|proc|sys|run)\//;
/** Solution lines shorter than this (normalised) are too generic to count ("docker ps"). */
export const MIN_LINE = 12;

export function judgesLearnerFile(step: Step): boolean {
  return step.checks.some((c) => {
    if (EVIDENCE_KINDS.has(c.kind)) return true;
    if (c.kind !== 'file-contains') return false;
    return !SYSTEM_PATHS.test(String(c.params.path ?? ''));
  });
}

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The step's solution lines that its text quotes verbatim (whitespace normalised). */
export function quotedSolutionLines(step: Step): string[] {
  const text = norm(step.text);
  const lines = step.solution.flatMap((c) => c.run.split('\n')).map(norm);
  return [...new Set(lines.filter((l) => l.length >= MIN_LINE && text.includes(l)))];
}

export interface Offender {
  lesson: string;
  lang: string;
  step: string;
  why: string;
}

export function evidenceSteps(lessons: Lesson[]): Offender[] {
  return lessons.flatMap((l) =>
    l.steps
      .filter(judgesLearnerFile)
      .map((s) => ({ lesson: l.id, lang: l.lang, step: s.id, why: 'judges a file the learner wrote' })),
  );
}

export function copySteps(lessons: Lesson[]): Offender[] {
  return lessons.flatMap((l) =>
    l.steps.flatMap((s) => {
      const q = quotedSolutionLines(s);
      return q.length ? [{ lesson: l.id, lang: l.lang, step: s.id, why: `text quotes: ${q.join(' | ')}` }] : [];
    }),
  );
}

/** Offenders grouped per lesson and language, for a failure message a reader can act on. */
export function report(offenders: Offender[]): string {
  const by = new Map<string, Offender[]>();
  for (const o of offenders) by.set(`${o.lesson} (${o.lang})`, [...(by.get(`${o.lesson} (${o.lang})`) ?? []), o]);
  return [...by]
    .map(([k, os]) => `${k}: ${os.length}\n${os.map((o) => `  - ${o.step}: ${o.why}`).join('\n')}`)
    .join('\n');
}
