import { createHash } from 'node:crypto';

/**
 * Per-learner parameters (FORMAT.md, "Incidents and parameters"): a seed — a learner's id in a
 * workshop, or one drawn at random and kept in progress — picks an incident's variant and each
 * of the lesson's `params` (the subnets, ports, names its texts and checks use as `{{name}}`).
 * Pure and deterministic: the same seed and lesson always give the same draw, so a grade can be
 * re-checked later.
 */

export type ParamValue = string | number;

export interface Draw {
  seed: string;
  /** The variant's id ('' when the lesson has no variants). */
  variant: string;
  params: Record<string, ParamValue>;
}

/** A number in [0, n) from sha256(seed, lesson, what): independent for each thing drawn. */
export function pick(seed: string, lesson: string, what: string, n: number): number {
  if (n <= 1) return 0;
  const h = createHash('sha256').update(`${seed}\0${lesson}\0${what}`).digest();
  return h.readUIntBE(0, 6) % n;
}

/**
 * The draw for a seed: a variant of `variants` and one choice of each param. `variant` forces one
 * variant (the self-test proves each); params are still the seed's.
 */
export function drawFor(
  seed: string,
  lesson: string,
  variants: readonly string[],
  params: Readonly<Record<string, readonly ParamValue[]>>,
  variant?: string,
): Draw {
  const chosen: Record<string, ParamValue> = {};
  for (const name of Object.keys(params).sort()) {
    const choices = params[name] ?? [];
    const v = choices[pick(seed, lesson, `param:${name}`, choices.length)];
    if (v !== undefined) chosen[name] = v;
  }
  const v = variant ?? variants[pick(seed, lesson, 'variant', variants.length)] ?? '';
  return { seed, variant: v, params: chosen };
}

/** The draw lint uses: the first variant and the first choice of every param. */
export function firstDraw(
  variants: readonly string[],
  params: Readonly<Record<string, readonly ParamValue[]>>,
): Draw {
  const chosen: Record<string, ParamValue> = {};
  for (const [name, choices] of Object.entries(params)) {
    if (choices[0] !== undefined) chosen[name] = choices[0];
  }
  return { seed: '', variant: variants[0] ?? '', params: chosen };
}

const PLACEHOLDER = /\{\{\s*([a-z][a-zA-Z0-9_]*)\s*\}\}/g;

/**
 * Words of Docker's Go templates (`-f '{{range .X}}…{{end}}'`), never placeholders: a param may
 * not be named so, and lint does not ask for their choices.
 */
export const TEMPLATE_WORDS: readonly string[] = [
  'end',
  'else',
  'println',
  'print',
  'printf',
  'json',
  'len',
  'nil',
];

/** The `{{name}}` placeholders of a text (Go template words left out). */
export function paramNames(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)]
    .map((m) => m[1] ?? '')
    .filter((n) => !TEMPLATE_WORDS.includes(n));
}

/** A text with its placeholders filled; a name without a value is left as written. */
export function fillText(text: string, params: Readonly<Record<string, ParamValue>>): string {
  return text.replace(PLACEHOLDER, (all, name: string) =>
    params[name] === undefined ? all : String(params[name]),
  );
}

/**
 * Data (as parsed from YAML) with every string's placeholders filled. A string that is exactly
 * one placeholder takes the value's own type, so `port: '{{port}}'` is a number for the checker.
 */
export function fillData(v: unknown, params: Readonly<Record<string, ParamValue>>): unknown {
  if (typeof v === 'string') {
    const whole = /^\{\{\s*([a-z][a-zA-Z0-9_]*)\s*\}\}$/.exec(v);
    const value = whole ? params[whole[1] ?? ''] : undefined;
    return value !== undefined ? value : fillText(v, params);
  }
  if (Array.isArray(v)) return v.map((x) => fillData(x, params));
  if (typeof v === 'object' && v !== null) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fillData(x, params)]));
  }
  return v;
}

/** Every placeholder name used in data (as parsed from YAML), with the path of each string. */
export function dataParamNames(
  v: unknown,
  at: (string | number)[] = [],
): { name: string; path: (string | number)[] }[] {
  if (typeof v === 'string') return paramNames(v).map((name) => ({ name, path: at }));
  if (Array.isArray(v)) return v.flatMap((x, i) => dataParamNames(x, [...at, i]));
  if (typeof v === 'object' && v !== null) {
    return Object.entries(v).flatMap(([k, x]) => dataParamNames(x, [...at, k]));
  }
  return [];
}
