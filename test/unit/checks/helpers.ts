import { evaluateChecks, type StepCheck } from '../../../src/checks/evaluate.js';
import type { CheckResult } from '../../../src/checks/types.js';
import type { LabFacts } from '../../../src/observe/facts.js';
import { ctx } from './facts-builder.js';

/** Run one check through the real evaluator (params validated, defaults applied). */
export function check(
  kind: string,
  params: Record<string, unknown>,
  facts: LabFacts,
  id?: string,
): CheckResult {
  const c: StepCheck = { kind, params, ...(id ? { id } : {}) };
  const [r] = evaluateChecks([c], facts, ctx);
  if (!r) throw new Error('no result');
  return r;
}
