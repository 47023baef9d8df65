import type { z } from 'zod';
import type { LabFacts } from '../observe/facts.js';
import { t } from '../i18n/index.js';
import { getChecker } from './registry.js';
import type { CheckContext, CheckResult, Checker, Probe } from './types.js';

/** A check as a lesson step declares it (the lesson loader produces this shape). */
export interface StepCheck {
  kind: string;
  /** The lesson's id for this check (referenced by `needs` and by `wrong[].fails`). */
  id?: string;
  /** Already localised; shown instead of the checker's own sentence when the check fails. */
  message?: string;
  /** Ids of checks of the same step that must pass first. */
  needs?: string[];
  /** The checker's params, parsed by its schema (defaults applied). */
  params: Record<string, unknown>;
  /** Engine range (`>=28`): on other engines the check is not judged (src/orchestrate/check-step.ts). */
  engines?: string;
}

/** A problem with one param: which one, and what was expected. */
export interface ParamIssue {
  param: string;
  problem: string;
}

/**
 * The id of each check: its own, else its kind, else `<kind>-<n>` (1-based, in order) when the
 * kind appears more than once among the checks without an id.
 */
export function checkIds(checks: readonly StepCheck[]): string[] {
  const unnamed = new Map<string, number>();
  for (const c of checks)
    if (c.id === undefined) unnamed.set(c.kind, (unnamed.get(c.kind) ?? 0) + 1);
  const seen = new Map<string, number>();
  const taken = new Set(checks.map((c) => c.id).filter((x): x is string => x !== undefined));
  return checks.map((c) => {
    if (c.id !== undefined) return c.id;
    if ((unnamed.get(c.kind) ?? 0) === 1 && !taken.has(c.kind)) return c.kind;
    let n = (seen.get(c.kind) ?? 0) + 1;
    while (taken.has(`${c.kind}-${n}`)) n++;
    seen.set(c.kind, n);
    return `${c.kind}-${n}`;
  });
}

function describeIssue(issue: z.core.$ZodIssue): ParamIssue {
  if (issue.code === 'unrecognized_keys') {
    const path = issue.path.map(String).join('.');
    return {
      param: [path, issue.keys.join(', ')].filter(Boolean).join('.'),
      problem: t('check.params.unknown'),
    };
  }
  const param = issue.path.map(String).join('.') || '(params)';
  let problem = issue.message.replace(/^Invalid (input|option): /, '');
  if (issue.code === 'invalid_type' && /received undefined$/.test(problem))
    problem = t('check.params.missing', { expected: issue.expected });
  return { param, problem };
}

/** Validate a check's params with its checker's schema: the parsed params, or what is wrong. */
export function validateCheckParams(
  kind: string,
  params: unknown,
):
  | { ok: true; checker: Checker; params: unknown }
  | { ok: false; checker?: Checker; issues: ParamIssue[] } {
  const checker = getChecker(kind);
  if (!checker)
    return {
      ok: false,
      issues: [{ param: 'kind', problem: t('check.params.unknownKind', { kind }) }],
    };
  const r = checker.params.safeParse(params ?? {});
  if (r.success) return { ok: true, checker, params: r.data };
  return { ok: false, checker, issues: r.error.issues.map(describeIssue) };
}

/**
 * Every probe the checks need, each once (by id). With `facts` (the state read before probes run),
 * probes that target a container by name can be resolved to its address; without them those are
 * left out. Checks with bad params or an unknown kind declare none.
 */
export function collectProbes(
  checks: readonly StepCheck[],
  ctx: CheckContext,
  facts?: LabFacts,
): Probe[] {
  const byId = new Map<string, Probe>();
  for (const c of checks) {
    const v = validateCheckParams(c.kind, c.params);
    if (!v.ok || !v.checker.probes) continue;
    if (facts && missingFeature(v.checker, v.params, facts)) continue;
    let probes: Probe[] = [];
    try {
      probes = v.checker.probes(v.params, ctx, facts);
    } catch {
      probes = [];
    }
    for (const p of probes) if (!byId.has(p.id)) byId.set(p.id, p);
  }
  return [...byId.values()];
}

/** Kernel features the checks need, each once, sorted. */
export function requiredFeatures(checks: readonly StepCheck[]): string[] {
  const out = new Set<string>();
  for (const c of checks) {
    const v = validateCheckParams(c.kind, c.params);
    if (!v.ok || !v.checker.features) continue;
    try {
      for (const f of v.checker.features(v.params)) out.add(f);
    } catch {
      /* a features() that throws declares none */
    }
  }
  return [...out].sort();
}

function missingFeature(checker: Checker, params: unknown, facts: LabFacts): string | undefined {
  let feats: string[] = [];
  try {
    feats = checker.features?.(params) ?? [];
  } catch {
    feats = [];
  }
  return feats.find((f) => facts.features[f] === false);
}

/** Ids in an order where every check comes after the ones it needs (cycles keep lesson order). */
function order(ids: string[], needs: Map<string, string[]>): string[] {
  const done = new Set<string>();
  const visiting = new Set<string>();
  const out: string[] = [];
  const visit = (id: string) => {
    if (done.has(id) || visiting.has(id)) return;
    visiting.add(id);
    for (const n of needs.get(id) ?? []) if (needs.has(n)) visit(n);
    visiting.delete(id);
    done.add(id);
    out.push(id);
  };
  ids.forEach(visit);
  return out;
}

/**
 * Judge every check against the facts. Never throws: a bad param, an unknown kind, a `needs` on
 * an unknown check or a checker that throws each become a failing result saying so. Results come
 * back in the order the checks were given.
 */
export function evaluateChecks(
  checks: readonly StepCheck[],
  facts: LabFacts,
  ctx: CheckContext,
): CheckResult[] {
  const ids = checkIds(checks);
  const byId = new Map<string, { check: StepCheck; index: number }>();
  ids.forEach((id, index) => byId.set(id, { check: checks[index]!, index }));
  const needs = new Map(ids.map((id, i) => [id, checks[i]!.needs ?? []]));
  const results = new Map<string, CheckResult>();

  for (const id of order(ids, needs)) {
    const { check } = byId.get(id)!;
    results.set(id, evaluateOne(id, check, facts, ctx, results, needs));
  }
  return ids.map((id) => results.get(id)!);
}

function evaluateOne(
  id: string,
  check: StepCheck,
  facts: LabFacts,
  ctx: CheckContext,
  results: Map<string, CheckResult>,
  needs: Map<string, string[]>,
): CheckResult {
  const kind = check.kind;
  const v = validateCheckParams(kind, check.params);
  if (!v.ok) {
    const message = v.checker
      ? v.issues
          .map((i) => t('check.params.invalid', { id, kind, param: i.param, problem: i.problem }))
          .join(' ')
      : t('check.params.unknownKindResult', { id, kind });
    return {
      id,
      kind,
      pass: false,
      message,
      evidence: v.issues.map((i) => `${i.param}: ${i.problem}`),
    };
  }

  const feature = missingFeature(v.checker, v.params, facts);
  if (feature) {
    const message = t('check.eval.skipped', { feature });
    return {
      id,
      kind,
      pass: false,
      message,
      skipped: message,
      evidence: [`features.${feature} = false`],
    };
  }

  for (const n of check.needs ?? []) {
    if (!needs.has(n)) {
      return {
        id,
        kind,
        pass: false,
        message: t('check.eval.unknownNeed', { id, need: n }),
        evidence: [`known checks: ${[...needs.keys()].join(', ')}`],
      };
    }
    const r = results.get(n);
    if (!r) {
      // Not judged yet: only inside a `needs` cycle.
      return {
        id,
        kind,
        pass: false,
        message: t('check.eval.cycle', { id, need: n }),
        evidence: [],
      };
    }
    if (r.skipped)
      return {
        id,
        kind,
        pass: false,
        message: r.message,
        skipped: r.skipped,
        waitingOn: n,
        evidence: [`${n}: skipped`],
      };
    if (!r.pass) {
      return {
        id,
        kind,
        pass: false,
        message: t('check.eval.waiting', { need: n }),
        waitingOn: n,
        evidence: [`${n}: ${r.message}`],
      };
    }
  }

  let outcome;
  try {
    outcome = v.checker.run(facts, v.params, ctx);
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    return {
      id,
      kind,
      pass: false,
      message: t('check.eval.crashed', { kind, error }),
      evidence: [error],
    };
  }
  const result: CheckResult = { id, kind, ...outcome };
  if (!result.pass && check.message) {
    result.detail = result.message;
    result.message = check.message;
  }
  return result;
}
