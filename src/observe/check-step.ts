import { collectProbes, evaluateChecks, type StepCheck } from '../checks/evaluate.js';
import type { CheckContext, CheckResult } from '../checks/types.js';
import { kernelFeatures } from '../lab/features.js';
import { readState } from '../lab/state.js';
import { DEFAULT_TOPOLOGY, addressOnly } from '../lab/topology.js';
import type { LabFacts } from './facts.js';
import { judgeLazily, resolveDeferredReads } from './lazy.js';
import { observeLab, runLabProbes } from './observe.js';
import { featureSkip } from './step-features.js';

export interface StepCheckRequest {
  checks: readonly StepCheck[];
  /** The step's host: checks that name none run there. */
  defaultHost: string;
  /** Every lab host the lesson uses (all are observed in the same round). */
  hosts: readonly string[];
  /** Kernel features the step needs (src/observe/step-features.ts): when one is missing, every check is skipped. */
  features?: readonly string[];
}

export interface StepCheckRun {
  results: CheckResult[];
  facts: LabFacts;
  ms: number;
}

/** Lab host names → LAN addresses, so a check can name `host1` as a target. */
export function hostAddresses(): Record<string, string> {
  const topology = readState()?.topology ?? DEFAULT_TOPOLOGY;
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

/**
 * One check run of a step: read the lab once, then run the behaviour probes the checks ask for
 * (they may need the facts, e.g. a container's address), then judge every check. The costly
 * reads (a container's own links and routes, the firewall) are lazy: made only for what the
 * checks look at (see src/observe/lazy.ts), so a step pays for its own checks only.
 */
export async function checkStep(req: StepCheckRequest): Promise<StepCheckRun> {
  const t0 = performance.now();
  const skipped = await featureSkip(req.checks, req.features);
  if (skipped) return { results: skipped, facts: notObserved(), ms: performance.now() - t0 };
  const ctx: CheckContext = { defaultHost: req.defaultHost, hostAddresses: hostAddresses() };
  const hosts = [...new Set([req.defaultHost, ...req.hosts])];
  const [facts, features] = await Promise.all([
    observeLab({ hosts, lazy: true }),
    kernelFeatures(),
  ]);
  facts.features = features;
  let probes = collectProbes(req.checks, ctx, facts);
  // Probes declared from facts that were not read yet: read them, and declare again.
  if (await resolveDeferredReads(facts)) probes = collectProbes(req.checks, ctx, facts);
  if (probes.length > 0) await runLabProbes(facts, probes);
  const results = await judgeLazily(facts, (f) => evaluateChecks(req.checks, f, ctx));
  return { results, facts, ms: performance.now() - t0 };
}
