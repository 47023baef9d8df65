import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CheckResult } from '../../../src/checks/types.js';
import { DEFAULT_TOPOLOGY } from '../../../src/lab/topology.js';
import { loadLesson } from '../../../src/lessons/load.js';
import type { Lesson } from '../../../src/lessons/model.js';
import { gradeLessons, type StepChecker } from '../../../src/grade/grade.js';
import type { GradeResult } from '../../../src/grade/model.js';
import type { Workshop } from '../../../src/lessons/workshop.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const LESSONS = path.join(repoRoot, 'test/fixtures/grade-lessons');
export const RESULTS = path.join(repoRoot, 'test/fixtures/grade-results');
export const SCHEMA_FILE = path.join(repoRoot, 'schemas/grade-result.v1.json');

export function basicsLesson(): Lesson {
  return loadLesson(path.join(LESSONS, '01-grade-basics'), { lang: 'en' });
}

const ok = (id: string, kind: string, seen: string): CheckResult => ({
  id,
  kind,
  pass: true,
  message: `${id} is right`,
  seen,
  evidence: [`${id}: ${seen}`],
});

const bad = (id: string, kind: string, expected: string, seen: string): CheckResult => ({
  id,
  kind,
  pass: false,
  message: `${id}: expected ${expected}, seen ${seen}`,
  expected,
  seen,
  evidence: [`container web: network mode bridge, endpoints ${seen}`],
});

/**
 * A stand-in for the live check: what a learner who did the first two steps of 01-grade-basics
 * (appnet made, web running on the default bridge, not on appnet) would get.
 */
export const halfDone: StepChecker = async (req) => {
  const ids = req.checks.map((c) => c.id ?? c.kind);
  const results = ids.map((id): CheckResult => {
    if (id === 'appnet') return ok(id, 'network-exists', 'bridge, 10.77.0.0/24, gateway 10.77.0.1');
    if (id === 'web-running') return ok(id, 'container-running', 'Up 3 seconds');
    if (id === 'web-on-appnet')
      return bad(id, 'container-on-network', 'appnet', 'bridge (172.17.0.2)');
    throw new Error(`unexpected check ${id}`);
  });
  return { results };
};

/** Every check passes. */
export const allDone: StepChecker = async (req) => ({
  results: req.checks.map((c) => ok(c.id ?? c.kind, c.kind, 'as expected')),
});

export function clock(start = Date.parse('2025-03-01T09:00:00.000Z')): () => Date {
  let t = start;
  return () => new Date((t += 1500));
}

export async function sampleResult(
  opts: { student?: string; check?: StepChecker; workshop?: Workshop; lessons?: Lesson[] } = {},
): Promise<GradeResult> {
  return gradeLessons({
    lessons: opts.lessons ?? [basicsLesson()],
    workshop: opts.workshop,
    student: opts.student ?? 'alice',
    check: opts.check ?? halfDone,
    topology: DEFAULT_TOPOLOGY,
    now: clock(),
  });
}
