import { z } from 'zod';
import { allCheckers, getChecker } from '../checks/registry.js';
import { t } from '../i18n/index.js';
import { DEFAULT_TOPOLOGY } from '../lab/topology.js';
import { closest, fromZod, lessonErrorMap, type LessonIssue } from './issues.js';
import { CHECK_FIELDS } from './schema.js';

/**
 * Rules that span fields, on lesson.yaml data as parsed (each rule looks only at the parts that
 * have the right shape, so a wrong type elsewhere hides nothing): unique ids, references to
 * checks, hosts, and check params judged by their checker's own schema.
 */

type Path = (string | number)[];
type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export interface RuleOptions {
  /** Host names the lab has (default: the default topology's). */
  labHosts?: string[];
}

export function lessonRules(raw: unknown, opts: RuleOptions = {}): LessonIssue[] {
  if (!isObj(raw)) return [];
  const out: LessonIssue[] = [];
  const labHosts = opts.labHosts ?? DEFAULT_TOPOLOGY.hosts.map((h) => h.name);
  const hosts = hostRules(raw.hosts, labHosts, out);
  const knownHost = (v: unknown, p: Path): void => {
    const h = str(v);
    if (hosts && h !== undefined && !hosts.includes(h)) {
      out.push({
        path: p,
        message: t('lessons.rule.hostNotInLesson', { host: h, hosts: hosts.join(', ') }),
      });
    }
  };
  arr(raw.setup).forEach((c, i) => isObj(c) && knownHost(c.host, ['setup', i, 'host']));

  const stepIds = new Map<string, number>();
  arr(raw.steps).forEach((step, i) => {
    if (!isObj(step)) return;
    const sp: Path = ['steps', i];
    const id = str(step.id);
    if (id !== undefined) {
      const first = stepIds.get(id);
      if (first !== undefined) {
        out.push({
          path: [...sp, 'id'],
          message: t('lessons.rule.duplicateStep', { id, first: first + 1 }),
        });
      } else stepIds.set(id, i);
    }
    knownHost(step.host, [...sp, 'host']);
    commandHosts(step, sp, knownHost);
    const checkIds = checkRules(step, sp, knownHost, out);
    arr(step.wrong).forEach((w, j) => {
      const fails = isObj(w) ? str(w.fails) : undefined;
      if (fails !== undefined && !checkIds.includes(fails)) {
        out.push({ path: [...sp, 'wrong', j, 'fails'], message: unknownCheck(fails, checkIds) });
      }
    });
    if (arr(step.hints).length === 0) {
      out.push({ path: [...sp, 'id'], message: t('lessons.rule.noHints'), severity: 'warning' });
    }
    if (step.explain === undefined && !isObj(raw.incident)) {
      out.push({ path: [...sp, 'id'], message: t('lessons.rule.noExplain'), severity: 'warning' });
    }
  });
  return out;
}

/** The lesson's hosts, or undefined when `hosts` is not a list of names (reported by the schema). */
function hostRules(v: unknown, labHosts: string[], out: LessonIssue[]): string[] | undefined {
  if (!Array.isArray(v) || !v.every((h) => typeof h === 'string')) return undefined;
  const hosts = v as string[];
  hosts.forEach((h, i) => {
    if (!labHosts.includes(h)) {
      out.push({
        path: ['hosts', i],
        message: t('lessons.rule.unknownLabHost', { host: h, hosts: labHosts.join(', ') }),
      });
    } else if (hosts.indexOf(h) !== i) {
      out.push({ path: ['hosts', i], message: t('lessons.rule.duplicateHost', { host: h }) });
    }
  });
  return hosts;
}

function commandHosts(step: Obj, sp: Path, knownHost: (v: unknown, p: Path) => void): void {
  const each = (list: unknown, p: Path): void =>
    arr(list).forEach((c, i) => isObj(c) && knownHost(c.host, [...p, i, 'host']));
  each(step.solution, [...sp, 'solution']);
  arr(step.alternatives).forEach((alt, i) =>
    isObj(alt) ? each(alt.run, [...sp, 'alternatives', i, 'run']) : each(alt, [...sp, 'alternatives', i]),
  );
  arr(step.wrong).forEach((w, i) => isObj(w) && each(w.run, [...sp, 'wrong', i, 'run']));
}

/** Kinds, params, unique ids and `needs` of a step's checks; returns the step's check ids. */
function checkRules(
  step: Obj,
  sp: Path,
  knownHost: (v: unknown, p: Path) => void,
  out: LessonIssue[],
): string[] {
  const checks = arr(step.checks);
  const ids: string[] = [];
  checks.forEach((c, j) => {
    const id = isObj(c) ? str(c.id) : undefined;
    // A check judged on some engines only is named, so `needs` and wrong attempts stay exact.
    if (id === undefined && isObj(c) && c.engines !== undefined)
      out.push({ path: [...sp, 'checks', j, 'engines'], message: t('lessons.rule.enginesNeedsId') });
    if (id === undefined) return;
    if (ids.includes(id)) {
      out.push({
        path: [...sp, 'checks', j, 'id'],
        message: t('lessons.rule.duplicateCheck', { id }),
      });
    } else ids.push(id);
  });
  const needsOf = new Map<string, string[]>();
  checks.forEach((c, j) => {
    if (!isObj(c)) return;
    const cp: Path = [...sp, 'checks', j];
    out.push(...paramRules(c, cp));
    knownHost(c.host, [...cp, 'host']);
    const own = str(c.id);
    const needs = arr(c.needs).filter((n): n is string => typeof n === 'string');
    arr(c.needs).forEach((n, k) => {
      if (typeof n !== 'string') return;
      if (n === own) out.push({ path: [...cp, 'needs', k], message: t('lessons.rule.needsSelf') });
      else if (!ids.includes(n))
        out.push({ path: [...cp, 'needs', k], message: unknownCheck(n, ids) });
    });
    if (own !== undefined) needsOf.set(own, needs);
  });
  const cycle = findCycle(needsOf);
  if (cycle) {
    const j = checks.findIndex((c) => isObj(c) && c.id === cycle[0]);
    out.push({
      path: [...sp, 'checks', j, 'needs'],
      message: t('lessons.rule.needsCycle', { cycle: cycle.join(' → ') }),
    });
  }
  return ids;
}

function unknownCheck(id: string, ids: string[]): string {
  const guess = closest(id, ids);
  return ids.length === 0
    ? t('lessons.rule.noCheckIds', { id })
    : guess
      ? t('lessons.rule.unknownCheckGuess', { id, guess, ids: ids.join(', ') })
      : t('lessons.rule.unknownCheck', { id, ids: ids.join(', ') });
}

/** A check's params against its checker's schema; unknown kinds and unknown params too. */
function paramRules(check: Obj, cp: Path): LessonIssue[] {
  const kind = str(check.kind);
  if (kind === undefined) return [];
  const checker = getChecker(kind);
  if (!checker) {
    const kinds = allCheckers()
      .map((c) => c.kind)
      .sort();
    const guess = closest(kind, kinds);
    const message = guess
      ? t('lessons.rule.unknownKindGuess', { kind, guess })
      : t('lessons.rule.unknownKind', { kind, kinds: kinds.join(', ') || '-' });
    return [{ path: [...cp, 'kind'], message }];
  }
  const params = checkParams(check);
  const out: LessonIssue[] = [];
  const shape = checker.params instanceof z.ZodObject ? (checker.params.shape as Obj) : undefined;
  if (shape) {
    const names = Object.keys(shape);
    const listed = names.map((n) => (isOptional(shape[n]) ? `${n}?` : n)).join(', ');
    for (const key of Object.keys(params)) {
      if (names.includes(key)) continue;
      const guess = closest(key, names);
      const message = guess
        ? t('lessons.rule.unknownParamGuess', { kind, guess, params: listed })
        : t('lessons.rule.unknownParam', { kind, params: listed });
      out.push({ path: [...cp, key], message, at: 'key' });
    }
  }
  const parsed = checker.params.safeParse(params, { error: lessonErrorMap });
  if (!parsed.success) {
    const issues = parsed.error.issues.filter((i) => !(shape && i.code === 'unrecognized_keys'));
    out.push(...fromZod(issues, cp));
  }
  return out;
}

function isOptional(schema: unknown): boolean {
  return schema instanceof z.ZodType && schema.safeParse(undefined).success;
}

/** A check's params: every key but the fields every check has. */
export function checkParams(check: Obj): Obj {
  return Object.fromEntries(
    Object.entries(check).filter(([k]) => !(CHECK_FIELDS as readonly string[]).includes(k)),
  );
}

/** A cycle in `needs` (as a list of ids, first repeated at the end), if there is one. */
function findCycle(needsOf: Map<string, string[]>): string[] | undefined {
  const done = new Set<string>();
  const visit = (id: string, trail: string[]): string[] | undefined => {
    const at = trail.indexOf(id);
    if (at >= 0) return [...trail.slice(at), id];
    if (done.has(id)) return undefined;
    for (const next of needsOf.get(id) ?? []) {
      if (next === id) continue;
      const found = visit(next, [...trail, id]);
      if (found) return found;
    }
    done.add(id);
    return undefined;
  };
  for (const id of needsOf.keys()) {
    const found = visit(id, []);
    if (found) return found;
  }
  return undefined;
}
