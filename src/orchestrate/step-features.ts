import { checkIds, type StepCheck } from '../checks/evaluate.js';
import type { CheckResult } from '../checks/types.js';
import { t } from '../i18n/index.js';
import { kernelFeatures, missingFeatures } from '../lab/features.js';
import type { Lesson, Step } from '../lessons/model.js';
import type { StepCheckRequest } from './check-step.js';

/**
 * Step-level kernel features, honoured the same way by `check`, `grade`, the TUI and the
 * self-test: a step that needs a feature this machine lacks is not observed at all; every one
 * of its checks is skipped with the reason ("needs vlan, not available on this machine"), so a
 * grade leaves its points out rather than failing it. Features are probed in this process
 * (src/lab/features.ts), never read from a file a learner could edit.
 */

/** The request that checks one lesson step: its checks, its host, the lesson's hosts, its features. */
export function stepRequest(lesson: Pick<Lesson, 'hosts'>, step: Step): StepCheckRequest {
  return {
    checks: step.checks,
    defaultHost: step.host,
    hosts: lesson.hosts,
    features: step.features,
  };
}

/** Why a step with these needed features cannot run here, or undefined when it can. */
export async function featureSkipReason(
  needed: readonly string[] = [],
): Promise<string | undefined> {
  if (needed.length === 0) return undefined;
  const missing = missingFeatures(needed, await kernelFeatures());
  return missing.length > 0 ? t('check.eval.skipped', { feature: missing.join(', ') }) : undefined;
}

/** Every check of a step skipped for the same reason. */
export function skippedResults(
  checks: readonly StepCheck[],
  reason: string,
  missing: readonly string[],
): CheckResult[] {
  return checkIds(checks).map((id, i) => ({
    id,
    kind: checks[i]!.kind,
    pass: false,
    message: reason,
    skipped: reason,
    evidence: missing.map((f) => `features.${f} = false`),
  }));
}

/** The step's results when it needs a feature this machine lacks; undefined when it can run. */
export async function featureSkip(
  checks: readonly StepCheck[],
  needed: readonly string[] = [],
): Promise<CheckResult[] | undefined> {
  const reason = await featureSkipReason(needed);
  if (!reason) return undefined;
  const missing = missingFeatures(needed, await kernelFeatures());
  return skippedResults(checks, reason, missing);
}
