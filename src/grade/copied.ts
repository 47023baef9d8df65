import type { GradeResult } from './model.js';

/**
 * Results whose evidence is identical across students who had different seeds (#19). Each
 * learner's incident and params come from their seed, so two honest labs built from different
 * seeds show different names, ports and addresses: the same evidence on a passed step means the
 * same lab state was graded twice (one result copied, or one lab graded under two names).
 */
export interface CopiedEvidence {
  lesson: string;
  step: string;
  /** The students (as shown in the report) whose evidence is the same. */
  students: string[];
}

export function copiedEvidence(
  results: readonly { student: string; result: GradeResult }[],
): CopiedEvidence[] {
  const groups = new Map<string, { lesson: string; step: string; who: Map<string, string> }>();
  for (const { student, result } of results) {
    for (const l of result.lessons) {
      if (!l.seed) continue;
      for (const s of l.steps) {
        if (s.status !== 'pass') continue;
        const evidence = JSON.stringify(s.checks.map((c) => [c.id, c.seen ?? '', c.evidence]));
        const k = `${l.id}\0${s.id}\0${evidence}`;
        const g = groups.get(k) ?? { lesson: l.id, step: s.id, who: new Map<string, string>() };
        g.who.set(student, l.seed);
        groups.set(k, g);
      }
    }
  }
  return [...groups.values()]
    .filter((g) => new Set(g.who.values()).size > 1)
    .map((g) => ({ lesson: g.lesson, step: g.step, students: [...g.who.keys()].sort() }))
    .sort((a, b) => `${a.lesson}/${a.step}`.localeCompare(`${b.lesson}/${b.step}`));
}
