import os from 'node:os';
import { dnlabEnv } from '../env.js';
import { createRequire } from 'node:module';
import { checkIds } from '../checks/evaluate.js';
import type { CheckResult } from '../checks/types.js';
import { t } from '../i18n/index.js';
import { instance } from '../lab/config.js';
import { labEngine } from '../lab/engines.js';
import { readState } from '../lab/state.js';
import { DEFAULT_TOPOLOGY, type Topology } from '../lab/topology.js';
import { displayPath } from '../lessons/diagnostics.js';
import type { Lesson, Step } from '../lessons/model.js';
import {
  HEADLESS_STEP_DEADLINE_MS,
  checkStep,
  withDeadline,
  type StepCheckRequest,
} from '../orchestrate/check-step.js';
import { stepRequest } from '../orchestrate/step-features.js';
import {
  GRADE_FORMAT,
  GRADE_VERSION,
  type CheckStatus,
  type GradedCheck,
  type GradedLesson,
  type GradedStep,
  type GradeResult,
  type GradeTotals,
  type WorkshopInfo,
} from './model.js';
import type { Workshop } from '../lessons/workshop.js';

function engineOfLab(): { engine?: { name: string; version: string } } {
  const e = labEngine();
  return e ? { engine: { name: e.name, version: e.version } } : {};
}

/** This dnlab's version (package.json is two folders up from src/grade and dist/grade). */
export function dnlabVersion(): string {
  return (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
}

/** Who is graded: the flag, else DNLAB_STUDENT, else this machine's hostname. */
export function studentName(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  const name = flag?.trim() || dnlabEnv('DNLAB_STUDENT', env)?.trim() || os.hostname();
  return name || 'unknown';
}

/** A step about to be checked, or just checked (for a progress display). */
export interface GradeProgress {
  phase: 'start' | 'done';
  lesson: Lesson;
  step: Step;
  /** 1-based number of this step among all graded steps, and how many there are. */
  n: number;
  of: number;
  graded?: GradedStep;
}

export type StepChecker = (req: StepCheckRequest) => Promise<{ results: CheckResult[] }>;

export interface GradeOptions {
  lessons: readonly Lesson[];
  /** Applied: only its lessons, in its order; recorded in the result. */
  workshop?: Workshop;
  student?: string;
  onProgress?: (e: GradeProgress) => void;
  /** How a step is checked against the live lab (default: checkStep; tests inject their own). */
  check?: StepChecker;
  /** The lab topology in use (default: the running lab's, from its state file). */
  topology?: Topology;
  now?: () => Date;
  /**
   * No step takes longer than this (default: a little more than the headless check deadline,
   * which names the read it waited for); a step past it fails, saying so.
   */
  stepDeadlineMs?: number;
}

/** The lessons a workshop grades: those it names, in its order. */
export function applyWorkshop(lessons: readonly Lesson[], workshop?: Workshop): Lesson[] {
  if (!workshop) return [...lessons];
  const byId = new Map(lessons.map((l) => [l.id, l]));
  return workshop.lessons.flatMap((id) => byId.get(id) ?? []);
}

export function checkStatus(r: CheckResult): CheckStatus {
  if (r.pass) return 'pass';
  if (r.skipped) return 'skipped';
  if (r.waitingOn) return 'waiting';
  return 'fail';
}

/** One check result as graded (only the fields a result carries; evidence always a list). */
export function gradeCheck(r: CheckResult): GradedCheck {
  return {
    id: r.id,
    kind: r.kind,
    status: checkStatus(r),
    message: r.message,
    ...(r.expected !== undefined ? { expected: r.expected } : {}),
    ...(r.seen !== undefined ? { seen: r.seen } : {}),
    evidence: [...(r.evidence ?? [])],
    ...(r.waitingOn !== undefined ? { waitingOn: r.waitingOn } : {}),
    ...(r.skipped !== undefined ? { skipped: r.skipped } : {}),
    ...(r.detail !== undefined ? { detail: r.detail } : {}),
  };
}

/**
 * A step's grade from its check results: it earns all its points when every check passes, none
 * when any fails or waits; a step with a check that cannot run here (and no failure) is skipped
 * and its points are not counted.
 */
export function gradeStep(step: Step, results: readonly CheckResult[], ms: number): GradedStep {
  const checks = results.map(gradeCheck);
  const failed = checks.some((c) => c.status === 'fail' || c.status === 'waiting');
  const skipped = !failed && checks.some((c) => c.status === 'skipped');
  const status = failed ? 'fail' : skipped ? 'skipped' : 'pass';
  return {
    id: step.id,
    index: step.index,
    title: step.title,
    host: step.host,
    status,
    points: status === 'pass' ? step.points : 0,
    possible: status === 'skipped' ? 0 : step.points,
    ms: Math.round(ms),
    checks,
  };
}

/** Every check of a step failing with the same reason (the lab could not be read). */
export function stepError(step: Step, error: unknown): CheckResult[] {
  const reason = error instanceof Error ? error.message : String(error);
  const message = t('grade.checkError', { reason });
  return checkIds(step.checks).map((id, i) => ({
    id,
    kind: step.checks[i]!.kind,
    pass: false,
    message,
    evidence: [reason],
  }));
}

export function totalsOf(lessons: readonly GradedLesson[]): GradeTotals {
  const steps = lessons.flatMap((l) => l.steps);
  const checks = steps.flatMap((s) => s.checks);
  const graded = steps.filter((s) => s.status !== 'skipped');
  const by = (st: CheckStatus) => checks.filter((c) => c.status === st).length;
  return {
    points: steps.reduce((n, s) => n + s.points, 0),
    possible: steps.reduce((n, s) => n + s.possible, 0),
    steps: graded.length,
    stepsPassed: graded.filter((s) => s.status === 'pass').length,
    stepsSkipped: steps.length - graded.length,
    checks: checks.length - by('skipped'),
    checksPassed: by('pass'),
    checksFailed: by('fail') + by('waiting'),
    checksSkipped: by('skipped'),
    pass: graded.every((s) => s.status === 'pass'),
  };
}

/** The workshop as a result records it (its file as given relative to the working folder). */
export function workshopInfo(w: Workshop, file = displayPath(w.file)): WorkshopInfo {
  return {
    file,
    title: w.title,
    lessons: [...w.lessons],
    ...(w.timeLimitMinutes !== undefined ? { timeLimitMinutes: w.timeLimitMinutes } : {}),
    showHints: w.showHints,
    showSolutions: w.showSolutions,
  };
}

export function labHostNames(topology: Topology): string[] {
  return [
    ...topology.hosts.map((h) => h.name),
    ...(topology.internet ? [topology.internet.name] : []),
  ];
}

/**
 * Grade lessons against the live lab: every step is checked now (a progress file is never
 * read), each passing step earns its points, and every check keeps its evidence.
 */
export async function gradeLessons(opts: GradeOptions): Promise<GradeResult> {
  const now = opts.now ?? (() => new Date());
  const check: StepChecker = opts.check ?? ((req) => checkStep(req, HEADLESS_STEP_DEADLINE_MS));
  const startedAt = now().toISOString();
  const lessons = applyWorkshop(opts.lessons, opts.workshop);
  const of = lessons.reduce((n, l) => n + l.steps.length, 0);
  let n = 0;
  const graded: GradedLesson[] = [];
  for (const lesson of lessons) {
    const steps: GradedStep[] = [];
    for (const step of lesson.steps) {
      n++;
      opts.onProgress?.({ phase: 'start', lesson, step, n, of });
      const t0 = performance.now();
      let results: CheckResult[];
      try {
        const req = stepRequest(lesson, step);
        const deadline = opts.stepDeadlineMs ?? HEADLESS_STEP_DEADLINE_MS + 1000;
        const waitingFor = () => t('grade.stepUnderWay', { step: `${lesson.id}/${step.id}` });
        ({ results } = await withDeadline(check(req), deadline, waitingFor));
      } catch (e) {
        results = stepError(step, e);
      }
      const g = gradeStep(step, results, performance.now() - t0);
      steps.push(g);
      opts.onProgress?.({ phase: 'done', lesson, step, n, of, graded: g });
    }
    graded.push({
      id: lesson.id,
      title: lesson.title,
      contentHash: lesson.contentHash,
      points: steps.reduce((p, s) => p + s.points, 0),
      possible: steps.reduce((p, s) => p + s.possible, 0),
      ...(lesson.seed ? { seed: lesson.seed } : {}),
      ...(lesson.incident ? { variant: lesson.incident.variant } : {}),
      ...(lesson.params
        ? {
            params: Object.fromEntries(
              Object.entries(lesson.params).map(([k, v]) => [k, String(v)]),
            ),
          }
        : {}),
      steps,
    });
  }
  const topology = opts.topology ?? readState()?.topology ?? DEFAULT_TOPOLOGY;
  return {
    format: GRADE_FORMAT,
    version: GRADE_VERSION,
    dnlab: { version: dnlabVersion() },
    student: studentName(opts.student),
    startedAt,
    finishedAt: now().toISOString(),
    lab: { instance: instance(), hosts: labHostNames(topology), ...engineOfLab() },
    ...(opts.workshop ? { workshop: workshopInfo(opts.workshop) } : {}),
    totals: totalsOf(graded),
    lessons: graded,
  };
}
