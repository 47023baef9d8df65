import fs from 'node:fs';
import { dnlabEnv } from '../env.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getLang, t, type Lang } from '../i18n/index.js';
import { learnerSeed } from '../lab/progress-store.js';
import { analyzeLesson, LESSON_FILE } from './analyze.js';
import { cachedAnalysis, codeIdentity } from './cache.js';
import { buildLesson } from './build.js';
import { formatDiagnostic, type Diagnostic } from './diagnostics.js';
import type { Lesson } from './model.js';
import { lessonLanguages } from './translations.js';
import { UserError } from '../errors.js';

/**
 * The `lessons/` folder of this dnlab: two levels above this module, which is `src/lessons/`
 * under vitest and tsx, and `dist/lessons/` when built. DNLAB_LESSONS points elsewhere (a
 * teacher's own lessons, or a test's fixtures).
 */
export function lessonsRoot(): string {
  const dir = dnlabEnv('DNLAB_LESSONS');
  if (dir) return path.resolve(dir);
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'lessons');
}

/** A lesson that does not load: every problem found, as diagnostics. */
export class LessonError extends UserError {
  constructor(readonly diagnostics: Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const lines = errors.slice(0, 20).map((d) => formatDiagnostic(d));
    if (errors.length > lines.length) {
      lines.push(t('lessons.load.more', { count: errors.length - lines.length }));
    }
    super([t('lessons.load.invalid', { count: errors.length }), ...lines].join('\n'));
    this.name = 'LessonError';
  }
}

export interface LoadOptions {
  /** Language to resolve texts in (default: the UI's); English where a text has none. */
  lang?: Lang;
  /** Reuse the analysis of an unchanged lesson (the TUI; see cache.ts). Never for a verdict. */
  cache?: boolean;
  /** The learner's seed (FORMAT.md, "Incidents and parameters"); default: `defaultSeed()`. */
  seed?: string;
  /** Force an incident's variant (the self-test proves each); params stay the seed's. */
  variant?: string;
}

let seedSource: () => string | undefined = () => learnerSeed();

/**
 * Where the seed of a load without one comes from (asked only for a lesson with params or
 * variants): the learner's (`learnerSeed`: DNLAB_SEED, DNLAB_STUDENT, or kept in progress);
 * `grade --student` sets the student's; a source that gives none: lint's draw.
 */
export function setSeedSource(source: () => string | undefined): void {
  seedSource = source;
}

/** Load one lesson folder; throws LessonError with every problem when it does not lint clean. */
export function loadLesson(dir: string, opts: LoadOptions = {}): Lesson {
  const variant = opts.variant !== undefined ? { variant: opts.variant } : {};
  const analyse = () => analyzeLesson(dir, { seed: opts.seed ?? seedSource, ...variant });
  const code = opts.cache ? codeIdentity(import.meta.url) : undefined;
  // A cached analysis holds one learner's draw (incidents, params): the seed is in its key.
  const a = code
    ? cachedAnalysis(
        path.resolve(dir),
        { code, lang: getLang(), seed: opts.seed ?? seedSource() ?? '', ...variant },
        analyse,
      )
    : analyse();
  if (!a.data) throw new LessonError(a.diagnostics);
  return buildLesson(a.data, a.dir, opts.lang ?? getLang(), lessonLanguages(a.raw, a.dir), a.draw);
}

/** The lesson folders under a root: every folder that has a lesson.yaml, by name. */
export function lessonDirs(root: string = lessonsRoot()): string[] {
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(root, e.name, LESSON_FILE)))
    .map((e) => path.join(root, e.name))
    .sort();
}

/** Every lesson under `root`, in folder-name order; throws LessonError listing every problem. */
export function loadAllLessons(root: string = lessonsRoot(), opts: LoadOptions = {}): Lesson[] {
  const lessons: Lesson[] = [];
  const problems: Diagnostic[] = [];
  for (const dir of lessonDirs(root)) {
    try {
      lessons.push(loadLesson(dir, opts));
    } catch (e) {
      if (!(e instanceof LessonError)) throw e;
      problems.push(...e.diagnostics);
    }
  }
  if (problems.some((d) => d.severity === 'error')) throw new LessonError(problems);
  return lessons;
}
