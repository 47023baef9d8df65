import { checkIds, collectProbes, evaluateChecks, type StepCheck } from '../checks/evaluate.js';
import { t } from '../i18n/index.js';
import type { CheckContext, CheckResult } from '../checks/types.js';
import { engineInRange } from '../lab/engines.js';
import { kernelFeatures } from '../lab/features.js';
import { readState } from '../lab/state.js';
import { DEFAULT_TOPOLOGY, addressOnly } from '../lab/topology.js';
import type { LabFacts } from './facts.js';
import { judgeLazily, resolveDeferredReads } from './lazy.js';
import { observeLab, runLabProbes } from './observe.js';

export interface StepCheckRequest {
  checks: readonly StepCheck[];
  /** The step's host: checks that name none run there. */
  defaultHost: string;
  /** Every lab host the lesson uses (all are observed in the same round). */
  hosts: readonly string[];
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

/**
 * One check run of a step: read the lab once, then run the behaviour probes the checks ask for
 * (they may need the facts, e.g. a container's address), then judge every check. The costly
 * reads (a container's own links and routes, the firewall) are lazy: made only for what the
 * checks look at (see src/observe/lazy.ts), so a step pays for its own checks only.
 */
export async function checkStep(req: StepCheckRequest): Promise<StepCheckRun> {
  const t0 = performance.now();
  const ctx: CheckContext = { defaultHost: req.defaultHost, hostAddresses: hostAddresses() };
  const hosts = [...new Set([req.defaultHost, ...req.hosts])];
  const [facts, features] = await Promise.all([
    observeLab({ hosts, lazy: true }),
    kernelFeatures(),
  ]);
  facts.features = features;
  const version = facts.hosts[req.defaultHost]?.engine.version ?? '';
  const checks = forEngine(req.checks, version);
  if (checks.length === 0 && req.checks.length > 0) {
    return { results: notForEngine(req.checks, version), facts, ms: performance.now() - t0 };
  }
  let probes = collectProbes(checks, ctx, facts);
  // Probes declared from facts that were not read yet: read them, and declare again.
  if (await resolveDeferredReads(facts)) probes = collectProbes(checks, ctx, facts);
  if (probes.length > 0) await runLabProbes(facts, probes);
  const results = await judgeLazily(facts, (f) => evaluateChecks(checks, f, ctx));
  return { results, facts, ms: performance.now() - t0 };
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
    return { id, kind: checks[i]!.kind, pass: false, message, skipped: message, evidence: [`engine ${version}`] };
  });
}
