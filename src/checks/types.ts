import type { z } from 'zod';
import type { LabFacts } from '../observe/facts.js';

/** Probes are observation: declared in observe, named here too for the checkers. */
import type { Probe } from '../observe/facts.js';
export type { Probe };

export interface CheckResult {
  /** The check's id (from the lesson, or `<kind>` + index). */
  id: string;
  kind: string;
  pass: boolean;
  /** One sentence in the learner's terms: what is right, or what differs. */
  message: string;
  expected?: string;
  seen?: string;
  /** What was looked at, for graders and for "show me why". */
  evidence: string[];
  /** Set when the check did not run because a check it needs has not passed. */
  waitingOn?: string;
  /** Set when the check could not run on this machine (a missing kernel feature). */
  skipped?: string;
  /** The checker's own sentence, kept when a lesson's `message` override replaced `message`. */
  detail?: string;
}

export type CheckOutcome = Omit<CheckResult, 'id' | 'kind'>;

export interface CheckContext {
  /** The host a step runs on unless a check names another. */
  defaultHost: string;
  /**
   * Lab host name → its LAN IPv4 address (from the topology), so a probe can target a lab host by
   * name before any facts are read. Optional: without it the address is taken from the facts.
   */
  hostAddresses?: Record<string, string>;
}

export interface Checker<P extends z.ZodTypeAny = z.ZodTypeAny> {
  kind: string;
  /** What it checks, for `dnlab lint` and the docs. */
  description: string;
  params: P;
  /**
   * Behaviour probes this check needs (default: none). `facts` are the state facts read before the
   * probes run (without probe results): a probe that targets a container by name needs them to
   * know its address. Without facts such a probe cannot be declared and is left out; `run` then
   * says what could not be resolved.
   */
  probes?(params: z.infer<P>, ctx: CheckContext, facts?: LabFacts): Probe[];
  /** Kernel features this check needs (default: none). */
  features?(params: z.infer<P>): string[];
  /** A pure function of observed facts. */
  run(facts: LabFacts, params: z.infer<P>, ctx: CheckContext): CheckOutcome;
}
