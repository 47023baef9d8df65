import type { z } from 'zod';
import type { LabFacts } from '../observe/facts.js';

/**
 * A behaviour probe: a program run from a lab host or from inside one of its containers (by
 * name), whose result a checker then judges. Probes are gathered from all checks of a run, run
 * once each, and stored in `facts.hosts[host].probes[id]`.
 */
export interface Probe {
  /** Stable key, unique for the same (host, container, argv). */
  id: string;
  host: string;
  /** Run in this container's network namespace; absent: in the host's own. */
  container?: string;
  /** On the host: in this named namespace of the learner's (`ip netns add`) instead. */
  netns?: string;
  /**
   * What to run: a BusyBox applet (`ping`, `nc`, `nslookup`) or `ip`, always the machine's program
   * (src/observe/probes.ts); `cat <path>` is read in Node through the container's root.
   */
  argv: string[];
  /** Deadline of one try. */
  timeoutMs: number;
  /** Try again until a try succeeds or this window has passed (reachability). */
  windowMs?: number;
}

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
