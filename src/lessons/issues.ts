import type { z } from 'zod';
import { isMessageKey, t, type MessageKey, type Vars } from '../i18n/index.js';

/**
 * One problem found in a lesson, before it has a position: where in the lesson data it is (the
 * path of keys and indexes, as zod reports it) and what was expected. `at: 'key'` points at the
 * key itself (an unknown field), otherwise at the value.
 */
export interface LessonIssue {
  path: PropertyKey[];
  message: string;
  at?: 'key' | 'value';
  severity?: 'error' | 'warning';
}

type RawIssue = Parameters<z.core.$ZodErrorMap>[0];

/** How a value the author wrote reads in a message: `"ten"`, `5`, `a list`, `nothing`. */
export function describeGot(input: unknown): string {
  if (input === undefined) return t('lessons.got.missing');
  if (input === null) return t('lessons.got.empty');
  if (typeof input === 'string') {
    const s = input.length > 40 ? `${input.slice(0, 37)}...` : input;
    return JSON.stringify(s);
  }
  if (Array.isArray(input)) {
    return input.length === 0
      ? t('lessons.got.emptyList')
      : t('lessons.got.list', { n: input.length });
  }
  if (typeof input === 'object') return t('lessons.got.mapping');
  return String(input);
}

/** "expected <what>, got <value>", or "missing: expected <what>" when the field is absent. */
export function expected(what: string, input: unknown): string {
  return input === undefined
    ? t('lessons.issue.missing', { what })
    : t('lessons.issue.expected', { what, got: describeGot(input) });
}

/**
 * A zod `error` option whose message says what a field expects (a catalogue key under
 * `lessons.what.*`), resolved when the issue is raised so the language in effect is used.
 * Unknown-field issues are left to the parse-wide map, which lists the fields that are allowed.
 */
export function expecting(whatKey: MessageKey, vars?: () => Vars): { error: z.core.$ZodErrorMap } {
  return {
    error: (iss) =>
      iss.code === 'unrecognized_keys' ? undefined : expected(t(whatKey, vars?.()), iss.input),
  };
}

const TYPE_WORDS: Record<string, MessageKey> = {
  string: 'lessons.what.string',
  number: 'lessons.what.number',
  int: 'lessons.what.int',
  boolean: 'lessons.what.boolean',
  array: 'lessons.what.list',
  object: 'lessons.what.mapping',
};

/** The parse-wide error map: words for issues no field gave its own message (checker params too). */
export const lessonErrorMap: z.core.$ZodErrorMap = (iss: RawIssue) => {
  switch (iss.code) {
    case 'invalid_type':
      return expected(
        TYPE_WORDS[iss.expected] ? t(TYPE_WORDS[iss.expected]!) : iss.expected,
        iss.input,
      );
    case 'too_small':
      return expected(t(rangeKey(iss.origin, 'min'), { n: String(iss.minimum) }), iss.input);
    case 'too_big':
      return expected(t(rangeKey(iss.origin, 'max'), { n: String(iss.maximum) }), iss.input);
    case 'invalid_value':
      return expected(
        t('lessons.what.oneOf', { values: iss.values.map((v) => String(v)).join(', ') }),
        iss.input,
      );
    case 'invalid_format':
      return expected(
        iss.format === 'regex' && iss.pattern
          ? t('lessons.what.pattern', { pattern: iss.pattern })
          : formatWords(iss.format),
        iss.input,
      );
    case 'unrecognized_keys':
      return unknownFields(iss.keys, shapeKeys(iss.inst));
    default:
      return undefined;
  }
};

/** `cidrv4` → "an IPv4 network like 10.10.0.0/24" where the catalogue has words for it. */
function formatWords(format: string): string {
  const key = `lessons.format.${format}`;
  return isMessageKey(key) ? t(key) : t('lessons.what.format', { format });
}

function rangeKey(origin: string, side: 'min' | 'max'): MessageKey {
  const kind =
    origin === 'array' || origin === 'set' ? 'items' : origin === 'string' ? 'chars' : 'n';
  return `lessons.what.${side}.${kind}`;
}

function shapeKeys(inst: unknown): string[] {
  const shape = (inst as { shape?: unknown } | undefined)?.shape;
  return shape && typeof shape === 'object' ? Object.keys(shape) : [];
}

/** "unknown field; did you mean "hints"? (fields here: id, title, …)" */
export function unknownFields(keys: string[], allowed: string[]): string {
  const list = allowed.join(', ');
  const guess = keys.length === 1 && keys[0] !== undefined ? closest(keys[0], allowed) : undefined;
  return guess
    ? t('lessons.issue.unknownFieldGuess', { guess, allowed: list })
    : t('lessons.issue.unknownField', { allowed: list });
}

/** The closest word by edit distance, if it is close enough to be a likely typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  const prefixed = candidates.filter((c) => {
    const l = c.toLowerCase();
    return Math.min(w.length, l.length) >= 2 && (l.startsWith(w) || w.startsWith(l));
  });
  if (prefixed.length === 1) return prefixed[0];
  let best: string | undefined;
  let bestDist = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDist) [best, bestDist] = [c, d];
  }
  return bestDist <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/**
 * zod's issues as lesson issues: an unknown-field issue becomes one issue per key (pointing at the
 * key), and a union that failed is explained by the one alternative that matched the value's
 * shape (so `title: {en: 5}` reports `title.en`), or by the union's own message.
 */
export function fromZod(
  issues: readonly z.core.$ZodIssue[],
  prefix: PropertyKey[] = [],
): LessonIssue[] {
  const out: LessonIssue[] = [];
  for (const iss of issues) {
    const path = [...prefix, ...iss.path];
    if (iss.code === 'unrecognized_keys') {
      for (const key of iss.keys)
        out.push({ path: [...path, key], message: iss.message, at: 'key' });
    } else if (iss.code === 'invalid_union' && 'errors' in iss) {
      const shaped = iss.errors.filter(
        (branch) => !branch.some((b) => b.code === 'invalid_type' && b.path.length === 0),
      );
      const only = shaped.length === 1 ? shaped[0] : undefined;
      if (only) out.push(...fromZod(only, path));
      else out.push({ path, message: iss.message });
    } else {
      out.push({ path, message: iss.message });
    }
  }
  return out;
}
