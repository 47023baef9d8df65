import { dnlabEnv } from '../env.js';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/**
 * A learner's progress: per lesson, which steps are done, how many hints were revealed, and
 * where they were ("continue where you left off"). Kept in `$XDG_STATE_HOME/dnlab/progress.json`
 * (default `~/.local/state/dnlab/`), written atomically. A convenience only: the TUI re-checks
 * the live lab when a step opens, so a lost file costs nothing but the ticks.
 */

export const PROGRESS_FORMAT = 'dnlab-progress';

const StepRecord = z.object({
  state: z.enum(['done', 'skipped']),
  /** When the step was first seen passing (ISO time). */
  at: z.string(),
});

const LessonRecord = z.object({
  steps: z.record(z.string(), StepRecord).default({}),
  /** Hints revealed, per step id. */
  hints: z.record(z.string(), z.number().int().nonnegative()).default({}),
  /** The step on screen when the learner last left this lesson. */
  lastStep: z.string().optional(),
  /** An incident given up: the variant that was shown. */
  gaveUp: z.string().optional(),
});

const ProgressSchema = z.object({
  format: z.literal(PROGRESS_FORMAT),
  version: z.literal(1),
  /** The lesson (and step) the learner was in last. */
  last: z.object({ lesson: z.string(), step: z.string().optional() }).optional(),
  lessons: z.record(z.string(), LessonRecord).default({}),
  /** The learner's seed (drawn at random once): picks incidents' variants and lessons' params. */
  seed: z.string().min(1).optional().catch(undefined),
  /** The TUI's layout as the learner set it: the text's share of the width, in percent. */
  ui: z
    .object({ split: z.number().int().min(20).max(80).optional().catch(undefined) })
    .optional()
    .catch(undefined),
});

export type Progress = z.infer<typeof ProgressSchema>;
export type LessonProgress = z.infer<typeof LessonRecord>;
export type StepRecordState = z.infer<typeof StepRecord>['state'];

export function emptyProgress(): Progress {
  return { format: PROGRESS_FORMAT, version: 1, lessons: {} };
}

/** `$XDG_STATE_HOME/dnlab` (an absolute XDG_STATE_HOME only, as the spec says), else `~/.local/state/dnlab`. */
export function stateDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_STATE_HOME;
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.local', 'state');
  return path.join(base, 'dnlab');
}

export function progressPath(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(stateDir(env), 'progress.json');
}

export interface LoadedProgress {
  progress: Progress;
  /** Set when the file was unreadable or not ours: where it went, and why. */
  movedAside?: { to: string; reason: 'corrupt' | 'foreign' };
}

function stamp(d = new Date()): string {
  return d.toISOString().replace(/[:.]/g, '-');
}

/** Read the progress file. A missing file is no progress; a corrupt or foreign one is moved aside. */
export function loadProgress(file: string = progressPath()): LoadedProgress {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { progress: emptyProgress() };
    throw e;
  }
  let reason: 'corrupt' | 'foreign';
  try {
    const parsed = ProgressSchema.safeParse(JSON.parse(text));
    if (parsed.success) return { progress: parsed.data };
    reason = 'foreign';
  } catch {
    reason = 'corrupt';
  }
  const to = `${file}.bad-${stamp()}`;
  fs.renameSync(file, to);
  return { progress: emptyProgress(), movedAside: { to, reason } };
}

/** Write the whole file atomically: a temp file beside it, then rename over it. */
export function saveProgress(progress: Progress, file: string = progressPath()): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`;
  try {
    fs.writeFileSync(tmp, `${JSON.stringify(progress, null, 2)}\n`);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/**
 * The learner's seed (FORMAT.md, "Incidents and parameters"): DNLAB_SEED; else the learner's id
 * in a workshop (DNLAB_STUDENT, as `grade --student` records it); else the one kept in progress.
 * Only `save` (the TUI, which sets incidents up) draws one at random and keeps it; otherwise a
 * learner without one gets undefined (lint's draw), and reading a lesson writes nothing.
 */
export function learnerSeed(
  env: NodeJS.ProcessEnv = process.env,
  opts: { save?: boolean; draw?: () => string } = {},
): string | undefined {
  const given = dnlabEnv('DNLAB_SEED', env)?.trim() || dnlabEnv('DNLAB_STUDENT', env)?.trim();
  if (given) return given;
  const file = progressPath(env);
  let progress: Progress;
  try {
    progress = opts.save ? loadProgress(file).progress : readOnly(file);
  } catch {
    return undefined;
  }
  if (progress.seed || !opts.save) return progress.seed;
  const seed = (opts.draw ?? randomSeed)();
  try {
    saveProgress({ ...progress, seed }, file);
  } catch {
    // Not kept (a read-only home): this run still has one; the next draws another.
  }
  return seed;
}

/** The progress file as it is, never moved aside (a bad one reads as empty). */
function readOnly(file: string): Progress {
  if (!fs.existsSync(file)) return emptyProgress();
  const parsed = ProgressSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  return parsed.success ? parsed.data : emptyProgress();
}

function randomSeed(): string {
  return randomBytes(6).toString('hex');
}

/**
 * Record a given-up incident: the variant that was shown (and on which step). The step is not
 * marked: the learner may still apply the fix, and the checks still judge it.
 */
export function markGaveUp(p: Progress, lesson: string, step: string, variant: string): Progress {
  return withLesson(p, lesson, { ...lessonOf(p, lesson), gaveUp: variant, lastStep: step });
}

// Pure updates: each returns a new Progress.

function lessonOf(p: Progress, lesson: string): LessonProgress {
  return p.lessons[lesson] ?? { steps: {}, hints: {} };
}

function withLesson(p: Progress, lesson: string, rec: LessonProgress): Progress {
  return { ...p, lessons: { ...p.lessons, [lesson]: rec } };
}

/** Record a step as done (or skipped); a step already recorded keeps its first time. */
export function markStep(
  p: Progress,
  lesson: string,
  step: string,
  state: StepRecordState,
  at: Date = new Date(),
): Progress {
  const rec = lessonOf(p, lesson);
  if (rec.steps[step]?.state === state) return p;
  return withLesson(p, lesson, {
    ...rec,
    steps: { ...rec.steps, [step]: { state, at: at.toISOString() } },
  });
}

/** Remember how many hints of a step are revealed (never fewer than before). */
export function markHints(p: Progress, lesson: string, step: string, shown: number): Progress {
  const rec = lessonOf(p, lesson);
  if ((rec.hints[step] ?? 0) >= shown) return p;
  return withLesson(p, lesson, { ...rec, hints: { ...rec.hints, [step]: shown } });
}

/** Where the learner is now: this lesson, this step. */
export function markWhere(p: Progress, lesson: string, step?: string): Progress {
  const rec = lessonOf(p, lesson);
  if (p.last?.lesson === lesson && p.last.step === step && rec.lastStep === step) return p;
  return {
    ...withLesson(p, lesson, { ...rec, ...(step ? { lastStep: step } : {}) }),
    last: { lesson, ...(step ? { step } : {}) },
  };
}

/** Remember the TUI's split (the text's share of the width, in percent). */
export function markSplit(p: Progress, split: number): Progress {
  if (p.ui?.split === split) return p;
  return { ...p, ui: { ...p.ui, split } };
}
