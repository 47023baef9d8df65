import path from 'node:path';
import { dnlabEnv } from '../env.js';
import { z } from 'zod';
import { getLang, localText, t, type Lang } from '../i18n/index.js';
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from './diagnostics.js';
import { closest, expecting, type LessonIssue } from './issues.js';
import { lessonDirs, lessonsRoot } from './load.js';
import { LESSON_ID, TextSchema } from './schema.js';
import { readYamlFile, toDiagnostics, validateYaml } from './yaml-file.js';
import { UserError } from '../errors.js';

/**
 * A workshop: which lessons a class does, in which order, for how long, and whether hints and
 * solutions may be shown. Written as `workshop.yaml` (or `<name>.workshop.yaml`):
 *
 * ```yaml
 * title: Container networking, day 1
 * lessons: [01-first-container, 02-docker0]
 * timeLimit: 90          # minutes (optional)
 * showHints: true        # default true
 * showSolutions: false   # default false
 * ```
 */

const LessonRef = z
  .string(expecting('grade.what.lessonId'))
  .regex(LESSON_ID, expecting('grade.what.lessonId'));

export const WorkshopSchema = z.strictObject(
  {
    title: TextSchema,
    lessons: z
      .array(LessonRef, expecting('grade.what.lessons'))
      .min(1, expecting('grade.what.lessons')),
    timeLimit: z
      .number(expecting('grade.what.timeLimit'))
      .int(expecting('grade.what.timeLimit'))
      .min(1, expecting('grade.what.timeLimit'))
      .optional(),
    showHints: z.boolean(expecting('lessons.what.boolean')).optional(),
    showSolutions: z.boolean(expecting('lessons.what.boolean')).optional(),
  },
  expecting('grade.what.workshop'),
);

export type WorkshopFile = z.output<typeof WorkshopSchema>;

/** A workshop as the TUI and `dnlab grade` use it: defaults applied, title resolved. */
export interface Workshop {
  /** The workshop file (absolute). */
  file: string;
  title: string;
  /** Lesson ids, in the order the class does them. */
  lessons: string[];
  /** The folder those lessons are in (see workshopLessonsRoot). */
  lessonsRoot: string;
  /** Minutes; absent: no limit. */
  timeLimitMinutes?: number;
  /** May the TUI show a step's hints? (default true) */
  showHints: boolean;
  /** May the TUI show a step's solution? (default false: a workshop is graded) */
  showSolutions: boolean;
}

export interface WorkshopOptions {
  /** Where the lessons it names must be (default: workshopLessonsRoot). */
  lessonsRoot?: string;
  lang?: Lang;
}

/**
 * Where a workshop's lessons are: DNLAB_LESSONS when set; else the workshop file's own folder
 * when it holds lessons (a teacher's course folder with its workshop.yaml); else dnlab's lessons.
 */
export function workshopLessonsRoot(file: string, env: NodeJS.ProcessEnv = process.env): string {
  if (dnlabEnv('DNLAB_LESSONS', env)) return lessonsRoot();
  const here = path.dirname(path.resolve(file));
  return lessonDirs(here).length > 0 ? here : lessonsRoot();
}

/** A workshop file by its name: `workshop.yaml`, `workshop.yml`, or `<name>.workshop.yaml`. */
export function isWorkshopFile(file: string): boolean {
  return /(^|\.)workshop\.ya?ml$/.test(path.basename(file));
}

/** A workshop file that does not load: every problem, as diagnostics. */
export class WorkshopError extends UserError {
  override name = 'WorkshopError';
  constructor(readonly diagnostics: Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const lines = errors.slice(0, 20).map((d) => formatDiagnostic(d));
    if (errors.length > lines.length) {
      lines.push(t('lessons.load.more', { count: errors.length - lines.length }));
    }
    super([t('grade.workshop.invalid', { count: errors.length }), ...lines].join('\n'));
  }
}

interface WorkshopAnalysis {
  file: string;
  root: string;
  diagnostics: Diagnostic[];
  data?: WorkshopFile;
}

function analyzeWorkshop(file: string, opts: WorkshopOptions): WorkshopAnalysis {
  file = path.resolve(file);
  const root = opts.lessonsRoot ?? workshopLessonsRoot(file);
  const read = readYamlFile(file);
  if (!read.ok) return { file, root, diagnostics: read.diagnostics };
  const { yaml, warnings } = read;
  const { issues, data } = validateYaml(yaml, WorkshopSchema);
  const rules = workshopRules(yaml.raw, root);
  const diagnostics = sortDiagnostics([...warnings, ...toDiagnostics(yaml, [...issues, ...rules])]);
  const ok = data !== undefined && !diagnostics.some((d) => d.severity === 'error');
  return { file, root, diagnostics, ...(ok ? { data } : {}) };
}

/** Lessons that must exist under the lessons folder, each named once. */
function workshopRules(raw: unknown, root: string): LessonIssue[] {
  const lessons = (raw as { lessons?: unknown } | null)?.lessons;
  if (!Array.isArray(lessons)) return [];
  const known = lessonDirs(root).map((d) => path.basename(d));
  const out: LessonIssue[] = [];
  const first = new Map<string, number>();
  lessons.forEach((id: unknown, i) => {
    if (typeof id !== 'string' || !LESSON_ID.test(id)) return;
    const at = first.get(id);
    if (at !== undefined) {
      out.push({
        path: ['lessons', i],
        message: t('grade.rule.duplicateLesson', { id, first: at + 1 }),
      });
      return;
    }
    first.set(id, i);
    if (known.includes(id)) return;
    const guess = closest(id, known);
    const vars = { id, root, lessons: known.join(', ') || t('grade.none') };
    out.push({
      path: ['lessons', i],
      message: guess
        ? t('grade.rule.unknownLessonGuess', { ...vars, guess })
        : t('grade.rule.unknownLesson', vars),
    });
  });
  return out;
}

/** Every problem of a workshop file, each at its `file:line:col: field`. */
export function lintWorkshop(file: string, opts: WorkshopOptions = {}): Diagnostic[] {
  return analyzeWorkshop(file, opts).diagnostics;
}

/** Load a workshop file; throws WorkshopError with every problem when it does not lint clean. */
export function loadWorkshop(file: string, opts: WorkshopOptions = {}): Workshop {
  const a = analyzeWorkshop(file, opts);
  if (!a.data) throw new WorkshopError(a.diagnostics);
  const d = a.data;
  return {
    file: a.file,
    title: localText(d.title, opts.lang ?? getLang()),
    lessons: d.lessons,
    lessonsRoot: a.root,
    ...(d.timeLimit !== undefined ? { timeLimitMinutes: d.timeLimit } : {}),
    showHints: d.showHints ?? true,
    showSolutions: d.showSolutions ?? false,
  };
}
