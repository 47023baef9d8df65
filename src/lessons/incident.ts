import fs from 'node:fs';
import path from 'node:path';
import { t } from '../i18n/index.js';
import type { LessonIssue } from './issues.js';
import type { LessonFile, StepFile } from './schema.js';
import {
  dataParamNames,
  drawFor,
  firstDraw,
  paramNames,
  type Draw,
  type ParamValue,
} from './seed.js';
import { isObj, pickVariant } from './text.js';

/**
 * Incidents and parameters (FORMAT.md): the lint rules on them, and the lesson data of one draw
 * (a seed's variant and params). The lesson layer stays pure: placeholders are filled in the
 * data, the variant merged into the one step; the rest of dnlab sees an ordinary lesson.
 */

type Path = (string | number)[];
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The params (name → choices) and variant ids of lesson.yaml as parsed (whatever its shape). */
export function drawSpace(raw: unknown): {
  params: Record<string, ParamValue[]>;
  variants: string[];
} {
  const params: Record<string, ParamValue[]> = {};
  if (isObj(raw) && isObj(raw.params)) {
    for (const [k, v] of Object.entries(raw.params)) {
      params[k] = arr(v).filter(
        (x): x is ParamValue => typeof x === 'string' || typeof x === 'number',
      );
    }
  }
  const incident = isObj(raw) && isObj(raw.incident) ? raw.incident : undefined;
  const variants = arr(incident?.variants)
    .map((v) => (isObj(v) && typeof v.id === 'string' ? v.id : ''))
    .filter(Boolean);
  return { params, variants };
}

export interface DrawOptions {
  /**
   * The learner's seed, or where to get it (asked only when the lesson has params or variants);
   * absent or undefined: the first variant and first choices (what lint judges).
   */
  seed?: string | (() => string | undefined);
  /** Force a variant (the self-test proves each). */
  variant?: string;
}

/** The draw for lesson.yaml data as parsed. */
export function drawOf(raw: unknown, opts: DrawOptions = {}): Draw {
  const { params, variants } = drawSpace(raw);
  const id = isObj(raw) && typeof raw.id === 'string' ? raw.id : '';
  const needed = variants.length > 0 || Object.keys(params).length > 0;
  const seed = typeof opts.seed === 'function' ? (needed ? opts.seed() : undefined) : opts.seed;
  if (seed === undefined) {
    const d = firstDraw(variants, params);
    return opts.variant ? { ...d, variant: opts.variant } : d;
  }
  return drawFor(seed, id, variants, params, opts.variant);
}

/** Validated data with the drawn variant merged into its step: setup, solution, wrong, explain. */
export function applyVariant(data: LessonFile, variant: string): LessonFile {
  const v = data.incident?.variants.find((x) => x.id === variant) ?? data.incident?.variants[0];
  const step = data.steps[0];
  if (!v || !step) return data;
  const merged: StepFile = {
    ...step,
    solution: v.solution,
    alternatives: [...(step.alternatives ?? []), ...(v.alternatives ?? [])],
    wrong: [...(step.wrong ?? []), ...(v.wrong ?? [])],
    explain: v.explain,
  };
  return {
    ...data,
    setup: [...(data.setup ?? []), ...v.setup],
    steps: [merged, ...data.steps.slice(1)],
  };
}

/** Lint rules of incidents and placeholders, on lesson.yaml as parsed (before any filling). */
export function incidentRules(raw: unknown, dir: string): LessonIssue[] {
  if (!isObj(raw)) return [];
  const out: LessonIssue[] = [];
  const incident = isObj(raw.incident) ? raw.incident : undefined;
  const steps = arr(raw.steps);
  steps.forEach((s, i) => {
    if (!isObj(s)) return;
    if (incident && s.solution !== undefined)
      out.push({ path: ['steps', i, 'solution'], message: t('lessons.rule.incidentSolution') });
    if (!incident && s.solution === undefined)
      out.push({ path: ['steps', i, 'id'], message: t('lessons.rule.noSolution') });
  });
  if (incident) {
    if (steps.length !== 1)
      out.push({
        path: ['steps'],
        message: t('lessons.rule.incidentOneStep', { count: steps.length }),
      });
    out.push(...variantRules(raw, incident, dir));
  }
  out.push(...paramRules(raw, dir));
  return out;
}

function variantRules(
  raw: Record<string, unknown>,
  incident: Record<string, unknown>,
  dir: string,
): LessonIssue[] {
  const out: LessonIssue[] = [];
  const step = arr(raw.steps)[0];
  const checkIds = isObj(step)
    ? arr(step.checks).flatMap((c) => (isObj(c) && typeof c.id === 'string' ? [c.id] : []))
    : [];
  const symptoms = ['en', 'zh-CN'].map((lang) => {
    const p = pickVariant(dir, incident.symptom, 'doc', lang as 'en');
    return p?.file ? readOr(path.join(dir, p.file)) : '';
  });
  const seen = new Set<string>();
  arr(incident.variants).forEach((v, i) => {
    if (!isObj(v) || typeof v.id !== 'string') return;
    const at: Path = ['incident', 'variants', i];
    if (seen.has(v.id))
      out.push({ path: [...at, 'id'], message: t('lessons.rule.duplicateVariant', { id: v.id }) });
    seen.add(v.id);
    const words = v.id.toLowerCase();
    if (
      symptoms.some(
        (s) =>
          s.toLowerCase().includes(words) || s.toLowerCase().includes(words.replace(/-/g, ' ')),
      )
    )
      out.push({
        path: ['incident', 'symptom'],
        message: t('lessons.rule.symptomNamesVariant', { variant: v.id }),
      });
    arr(v.wrong).forEach((w, j) => {
      const fails = isObj(w) && typeof w.fails === 'string' ? w.fails : undefined;
      if (fails !== undefined && !checkIds.includes(fails))
        out.push({
          path: [...at, 'wrong', j, 'fails'],
          message: t('lessons.rule.unknownCheck', { id: fails, ids: checkIds.join(', ') }),
        });
    });
  });
  return out;
}

/** Every `{{name}}` (lesson.yaml, its translations, its markdown) defined; every param used. */
function paramRules(raw: Record<string, unknown>, dir: string): LessonIssue[] {
  const out: LessonIssue[] = [];
  const { params } = drawSpace(raw);
  const defined = Object.keys(params);
  const used = new Set<string>();
  const undefinedAt = (name: string, p: Path, file?: string): void => {
    used.add(name);
    if (defined.includes(name)) return;
    const where = file ? `${file}: ` : '';
    out.push({
      path: p,
      message:
        where +
        t('lessons.rule.undefinedParam', {
          placeholder: `{{${name}}}`,
          params: defined.join(', ') || t('lessons.translation.none'),
        }),
    });
  };
  const rest = Object.fromEntries(Object.entries(raw).filter(([k]) => k !== 'params'));
  for (const u of dataParamNames(rest)) undefinedAt(u.name, u.path);
  for (const file of folderTexts(dir)) {
    for (const name of paramNames(readOr(path.join(dir, file)))) undefinedAt(name, ['id'], file);
  }
  for (const name of defined) {
    if (!used.has(name))
      out.push({
        path: ['params', name],
        message: t('lessons.rule.unusedParam', { name, placeholder: `{{${name}}}` }),
      });
  }
  return out;
}

/** The markdown and translation files of a lesson folder (relative), where placeholders may be. */
function folderTexts(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(dir, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.md') || (/^lesson\..+\.yaml$/.test(e.name) && rel === ''))
        out.push(p);
    }
  };
  walk('');
  return out.sort();
}

function readOr(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
