/**
 * Where a self-test case's time goes (`dnlab test-lessons --profile`): each case carries the
 * milliseconds it spent in each phase, and the run adds them up. For lesson authors (which step
 * is slow, and why) and for whoever makes the self-test faster.
 */

/**
 * - reset: the lesson's hosts made fresh; setup: the lesson's setup lines;
 * - replay: the solutions of earlier steps, run again to reach the step's start state;
 * - commands: the case's own lines (the attempt, the alternative or the solution);
 * - settle: waiting until no container was started less than a second ago;
 * - observe / probes / judge: the check run (reading the lab; behaviour probes, where the
 *   not-reachable windows are; judging, with the reads made only for what a check looks at).
 */
export const PROFILE_PHASES = [
  'reset',
  'setup',
  'replay',
  'commands',
  'settle',
  'observe',
  'probes',
  'judge',
] as const;
export type ProfilePhase = (typeof PROFILE_PHASES)[number];

export interface CaseProfile {
  /** Milliseconds per phase. */
  ms: Partial<Record<ProfilePhase, number>>;
  /** Programs started in a lab host (one per command line, or one shell per batch of lines). */
  spawns: number;
  /** Milliseconds of command lines that start containers (within reset…commands above). */
  containerStartMs: number;
}

export const emptyProfile = (): CaseProfile => ({ ms: {}, spawns: 0, containerStartMs: 0 });

export function addMs(p: CaseProfile, phase: ProfilePhase, ms: number): void {
  p.ms[phase] = (p.ms[phase] ?? 0) + ms;
}

/** Run `fn`, adding its time to `phase` (also when it throws). */
export async function timePhase<T>(
  p: CaseProfile,
  phase: ProfilePhase,
  fn: () => Promise<T>,
): Promise<T> {
  const t0 = performance.now();
  try {
    return await fn();
  } finally {
    addMs(p, phase, performance.now() - t0);
  }
}

/** A shell line that starts a container (for the container-start figure only; never a verdict). */
export const startsContainer = (line: string): boolean =>
  /\bdocker\s+(container\s+)?(run|start|restart)\b|\bcompose\b.*\bup\b/.test(line);

export interface ProfileTotals {
  ms: Record<ProfilePhase, number>;
  spawns: number;
  containerStartMs: number;
  cases: number;
}

export function sumProfiles(profiles: readonly CaseProfile[]): ProfileTotals {
  const ms = Object.fromEntries(PROFILE_PHASES.map((p) => [p, 0])) as Record<ProfilePhase, number>;
  let spawns = 0;
  let containerStartMs = 0;
  for (const p of profiles) {
    for (const phase of PROFILE_PHASES) ms[phase] += p.ms[phase] ?? 0;
    spawns += p.spawns;
    containerStartMs += p.containerStartMs;
  }
  return { ms, spawns, containerStartMs, cases: profiles.length };
}

/** The phases by time spent, largest first, without the empty ones. */
export function topPhases(ms: Partial<Record<ProfilePhase, number>>): [ProfilePhase, number][] {
  return PROFILE_PHASES.map((p): [ProfilePhase, number] => [p, ms[p] ?? 0])
    .filter(([, v]) => v > 0)
    .sort((a, b) => b[1] - a[1]);
}
