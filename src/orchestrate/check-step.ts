import { checkIds, collectProbes, evaluateChecks, type StepCheck } from '../checks/evaluate.js';
import { t } from '../i18n/index.js';
import type { CheckContext, CheckResult } from '../checks/types.js';
import { engineInRange } from '../lab/engines.js';
import { kernelFeatures } from '../lab/features.js';
import { DEFAULT_TOPOLOGY, addressOnly } from '../lab/topology.js';
import type { LabFacts } from '../observe/facts.js';
import { judgeLazily, resolveDeferredReads } from '../observe/lazy.js';
import { observeLab, runLabProbes } from '../observe/observe.js';
import { featureSkip } from './step-features.js';
import { UserError } from '../errors.js';

export interface StepCheckRequest {
  checks: readonly StepCheck[];
  /** The step's host: checks that name none run there. */
  defaultHost: string;
  /** Every lab host the lesson uses (all are observed in the same round). */
  hosts: readonly string[];
  /** Kernel features the step needs (src/orchestrate/step-features.ts): when one is missing, every check is skipped. */
  features?: readonly string[];
}

export interface StepCheckRun {
  results: CheckResult[];
  facts: LabFacts;
  ms: number;
  /** Where the time went (ms): reading the lab, the behaviour probes, judging (self-test profile). */
  timing?: { observe: number; probes: number; judge: number };
}

/**
 * Lab host names → LAN addresses, so a check can name `host1` as a target. They come from the
 * topology in dnlab's code, never from the lab's state file, which a learner who is root in the
 * lab could edit to point such a check at another host.
 */
export function hostAddresses(): Record<string, string> {
  const topology = DEFAULT_TOPOLOGY;
  const out: Record<string, string> = {};
  for (const h of topology.hosts) out[h.name] = addressOnly(h.lanAddress);
  if (topology.internet) out[topology.internet.name] = addressOnly(topology.internet.publicAddress);
  return out;
}

/** The facts of a step that was not observed (it needs a kernel feature this machine lacks). */
const notObserved = (): LabFacts => ({
  hosts: {},
  features: {},
  observedAt: new Date().toISOString(),
});

/** A step's check answers within this, or says which read it was still waiting for. */
export const STEP_DEADLINE_MS = 5000;

/**
 * The step deadline of headless judging (grade, the self-test). Every read still has its own
 * short deadline, so a stuck engine is named within seconds; only a slow but answering machine
 * (a busy CI runner, a loaded classroom server) gets the extra time, so that it is judged on its
 * state rather than failed for its load.
 */
export const HEADLESS_STEP_DEADLINE_MS = 20_000;

/** A check run (or a graded step) that did not answer in time; says what it was waiting for. */
export class CheckTimeoutError extends UserError {
  constructor(
    readonly ms: number,
    readonly waitingFor: string,
  ) {
    super(t('check.deadline.passed', { seconds: Math.round(ms / 100) / 10, what: waitingFor }));
    this.name = 'CheckTimeoutError';
  }
}

/**
 * `work` or, at the deadline, a CheckTimeoutError naming `waitingFor()` (asked then). The work
 * goes on in the background; each of its reads has its own shorter deadline.
 */
export async function withDeadline<T>(
  work: Promise<T>,
  ms: number,
  waitingFor: () => string,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CheckTimeoutError(ms, waitingFor())), ms);
  });
  work.catch(() => undefined);
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * One check run of a step: read the lab once, then run the behaviour probes the checks ask for
 * (they may need the facts, e.g. a container's address), then judge every check. The costly
 * reads (a container's own links and routes, the firewall) are lazy: made only for what the
 * checks look at (see src/observe/lazy.ts), so a step pays for its own checks only. It answers
 * within `deadlineMs` (default 5 s), or throws a CheckTimeoutError naming the read under way.
 */
export function checkStep(
  req: StepCheckRequest,
  deadlineMs = STEP_DEADLINE_MS,
): Promise<StepCheckRun> {
  const phase = { now: '' };
  return withDeadline(runStep(req, phase), deadlineMs, () => phase.now);
}

async function runStep(req: StepCheckRequest, phase: { now: string }): Promise<StepCheckRun> {
  const t0 = performance.now();
  const skipped = await featureSkip(req.checks, req.features);
  if (skipped) return { results: skipped, facts: notObserved(), ms: performance.now() - t0 };
  const ctx: CheckContext = { defaultHost: req.defaultHost, hostAddresses: hostAddresses() };
  const hosts = [...new Set([req.defaultHost, ...req.hosts])];
  phase.now = t('check.phase.observe', { hosts: hosts.join(', ') });
  const [facts, features] = await Promise.all([
    observeLab({ hosts, lazy: true }),
    kernelFeatures(),
  ]);
  const observed = performance.now();
  facts.features = features;
  const version = facts.hosts[req.defaultHost]?.engine.version ?? '';
  const checks = forEngine(req.checks, version);
  if (checks.length === 0 && req.checks.length > 0) {
    return { results: notForEngine(req.checks, version), facts, ms: performance.now() - t0 };
  }
  let probes = collectProbes(checks, ctx, facts);
  // Probes declared from facts that were not read yet: read them, and declare again.
  phase.now = t('check.phase.deferred', { hosts: hosts.join(', ') });
  if (await resolveDeferredReads(facts)) probes = collectProbes(checks, ctx, facts);
  const probeHosts = [...new Set(probes.map((p) => p.host))].join(', ');
  phase.now = t('check.phase.probes', { count: probes.length, hosts: probeHosts });
  if (probes.length > 0) await runLabProbes(facts, probes);
  const probed = performance.now();
  phase.now = t('check.phase.deferred', { hosts: hosts.join(', ') });
  const results = await judgeLazily(facts, (f) => evaluateChecks(checks, f, ctx));
  const end = performance.now();
  const timing = { observe: observed - t0, probes: probed - observed, judge: end - probed };
  return { results, facts, ms: end - t0, timing };
}

/**
 * The checks judged on this engine (version as its daemon reports it, which a learner cannot
 * fake from a shell): a check with an `engines` range outside it is left out, and so is any
 * `needs` on it. With no version (the engine does not answer) every check is judged.
 */
export function forEngine(checks: readonly StepCheck[], version: string): StepCheck[] {
  if (!version) return [...checks];
  const kept = checks.filter((c) => c.engines === undefined || engineInRange(c.engines, version));
  const gone = new Set(checks.filter((c) => !kept.includes(c)).map((c) => c.id));
  return kept.map((c) =>
    c.needs?.some((n) => gone.has(n)) ? { ...c, needs: c.needs.filter((n) => !gone.has(n)) } : c,
  );
}

/** A step none of whose checks applies to this engine: every check skipped, saying why. */
function notForEngine(checks: readonly StepCheck[], version: string): CheckResult[] {
  return checkIds(checks).map((id, i) => {
    const message = t('check.eval.notForEngine', { range: checks[i]!.engines ?? '', version });
    return {
      id,
      kind: checks[i]!.kind,
      pass: false,
      message,
      skipped: message,
      evidence: [`engine ${version}`],
    };
  });
}
