import { z } from 'zod';
import { parseEngineRange } from '../lab/engines.js';
import { FEATURE_NAMES } from '../lab/features.js';
import { expecting } from './issues.js';

/**
 * The shape of `lessons/<NN-id>/lesson.yaml`. This file checks shape only (types, names, required
 * fields, unknown fields); what needs more than one field — ids that must be unique or must name
 * a check, hosts that must be the lesson's, check params judged by their checker — is in
 * rules.ts, so that every problem is reported even when some field has the wrong type.
 */

/** `02-docker0`: two digits (the lesson's place in the course), then a slug. */
export const LESSON_ID = /^\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Step, check, host ids: lowercase letters and digits joined by single dashes. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Kernel features a lesson or step may need (`vxlan`, `macvlan`, `vlan`, …): the names the lab
 * probes (src/lab/features.ts). A step that needs one this machine lacks is shown as unavailable
 * and skipped by the self-test, never passed.
 */
export const KERNEL_FEATURES: readonly string[] = FEATURE_NAMES;

/** A reference to a markdown file inside the lesson folder: relative, no `..`, ends in `.md`. */
export function isDocPath(s: string): boolean {
  return (
    /^[^\s\\]+\.md$/.test(s) &&
    !s.startsWith('/') &&
    !s.split('/').some((part) => part === '..' || part === '')
  );
}

const LessonId = z
  .string(expecting('lessons.what.lessonId'))
  .regex(LESSON_ID, expecting('lessons.what.lessonId'));

const Slug = z.string(expecting('lessons.what.slug')).regex(SLUG, expecting('lessons.what.slug'));

const NonEmpty = z
  .string(expecting('lessons.what.string'))
  .min(1, expecting('lessons.what.string'));

/** Any text a learner reads: a string (English) or one per language; English is required. */
export const TextSchema = z.union(
  [NonEmpty, z.strictObject({ en: NonEmpty, 'zh-CN': NonEmpty.optional() })],
  expecting('lessons.what.text'),
);

const DocPath = z
  .string(expecting('lessons.what.mdFile'))
  .refine(isDocPath, expecting('lessons.what.mdFile'));

/** A step's text: a markdown file, or one per language. */
export const DocSchema = z.union(
  [DocPath, z.strictObject({ en: DocPath, 'zh-CN': DocPath.optional() })],
  expecting('lessons.what.doc'),
);

const featureWords = expecting('lessons.what.feature', () => ({
  features: KERNEL_FEATURES.join(', '),
}));
const Feature = z.string(featureWords).refine((f) => KERNEL_FEATURES.includes(f), featureWords);

/**
 * The Docker engine versions a step, check, wrong attempt or alternative applies to (FORMAT.md):
 * `>=28`, `<28.2.2`, `>=26 <28`, `20.10`. What does not apply to the lab's engine is not judged,
 * and the self-test skips it, saying why.
 */
export const EnginesSchema = z
  .string(expecting('lessons.what.engines'))
  .refine((s) => parseEngineRange(s) !== undefined, expecting('lessons.what.engines'));

/** A command as a learner types it, and the lab host it runs on (default: the step's host). */
export const CommandSchema = z.strictObject(
  { host: Slug.optional(), run: NonEmpty },
  expecting('lessons.what.command'),
);

const Commands = z.array(CommandSchema, expecting('lessons.what.commands'));

/**
 * A check, flat: `kind` and the optional `id`, `message` (replaces the checker's message when the
 * check fails) and `needs` (ids of checks of the same step that must pass first); every other
 * key is a param of the checker, validated by the checker's own schema (rules.ts).
 */
export const CheckSchema = z.looseObject(
  {
    kind: Slug,
    id: Slug.optional(),
    message: TextSchema.optional(),
    needs: z.array(Slug, expecting('lessons.what.ids')).optional(),
    engines: EnginesSchema.optional(),
  },
  expecting('lessons.what.check'),
);

/** Fields of a check that are not the checker's params. */
export const CHECK_FIELDS = ['kind', 'id', 'message', 'needs', 'engines'] as const;

/** A typical mistake: commands after which the named check must fail, saying `says`. */
export const WrongSchema = z.strictObject(
  {
    run: Commands.min(1, expecting('lessons.what.commands')),
    fails: Slug,
    says: TextSchema,
    engines: EnginesSchema.optional(),
  },
  expecting('lessons.what.wrong'),
);

/** Another valid solution: its commands, or `{ engines, run }` when it holds on some engines only. */
export const AlternativeSchema = z.union(
  [
    Commands.min(1, expecting('lessons.what.commands')),
    z.strictObject({
      engines: EnginesSchema,
      run: Commands.min(1, expecting('lessons.what.commands')),
    }),
  ],
  expecting('lessons.what.alternative'),
);

export const StepSchema = z.strictObject(
  {
    id: Slug,
    title: TextSchema,
    text: DocSchema,
    host: Slug.optional(),
    /** A packet path worth looking at in this step (`dnlab trace <from> <to>`; the TUI's `t`). */
    trace: z
      .strictObject({ from: NonEmpty, to: NonEmpty }, expecting('lessons.what.trace'))
      .optional(),
    features: z.array(Feature, expecting('lessons.what.list')).optional(),
    engines: EnginesSchema.optional(),
    points: z
      .number(expecting('lessons.what.points'))
      .int(expecting('lessons.what.points'))
      .min(0, expecting('lessons.what.points'))
      .optional(),
    checks: z
      .array(CheckSchema, expecting('lessons.what.checks'))
      .min(1, expecting('lessons.what.checks')),
    hints: z.array(TextSchema, expecting('lessons.what.texts')).optional(),
    /** Required, except in an incident: there each variant has its own fix. */
    solution: Commands.min(1, expecting('lessons.what.commands')).optional(),
    alternatives: z.array(AlternativeSchema, expecting('lessons.what.list')).optional(),
    wrong: z.array(WrongSchema, expecting('lessons.what.list')).optional(),
    explain: TextSchema.optional(),
  },
  expecting('lessons.what.step'),
);

/**
 * One way an incident's working system is broken (FORMAT.md, "Incidents"): `setup` breaks it after
 * the lesson's setup built it; `solution` is the fix the self-test proves; `wrong` the lazy fixes
 * that must be rejected; `explain` what was wrong, shown once solved or given up.
 */
export const VariantSchema = z.strictObject(
  {
    id: Slug,
    setup: Commands.min(1, expecting('lessons.what.commands')),
    solution: Commands.min(1, expecting('lessons.what.commands')),
    alternatives: z.array(AlternativeSchema, expecting('lessons.what.list')).optional(),
    wrong: z.array(WrongSchema, expecting('lessons.what.list')).optional(),
    explain: TextSchema,
  },
  expecting('lessons.what.variant'),
);

/** An incident: the symptom as a user reports it (a markdown file), and its variants. */
export const IncidentSchema = z.strictObject(
  {
    symptom: DocSchema,
    variants: z
      .array(VariantSchema, expecting('lessons.what.variants'))
      .min(2, expecting('lessons.what.variants')),
  },
  expecting('lessons.what.incident'),
);

const ParamChoice = z.union(
  [NonEmpty, z.number(expecting('lessons.what.paramChoices'))],
  expecting('lessons.what.paramChoices'),
);

/** `{{name}}` placeholders and the choices a seed picks from (at least two each). */
export const ParamsSchema = z.record(
  z.string().regex(/^[a-z][a-zA-Z0-9_]*$/, expecting('lessons.what.paramName')),
  z
    .array(ParamChoice, expecting('lessons.what.paramChoices'))
    .min(2, expecting('lessons.what.paramChoices')),
  expecting('lessons.what.params'),
);

export const LessonSchema = z.strictObject(
  {
    id: LessonId,
    title: TextSchema,
    summary: TextSchema,
    minutes: z
      .number(expecting('lessons.what.minutes'))
      .int(expecting('lessons.what.minutes'))
      .min(1, expecting('lessons.what.minutes')),
    hosts: z.array(Slug, expecting('lessons.what.hosts')).min(1, expecting('lessons.what.hosts')),
    features: z.array(Feature, expecting('lessons.what.list')).optional(),
    setup: Commands.optional(),
    params: ParamsSchema.optional(),
    incident: IncidentSchema.optional(),
    steps: z
      .array(StepSchema, expecting('lessons.what.steps'))
      .min(1, expecting('lessons.what.steps')),
  },
  expecting('lessons.what.lesson'),
);

/** lesson.yaml as written (after validation): texts not yet resolved, defaults not yet applied. */
export type LessonFile = z.output<typeof LessonSchema>;
export type StepFile = z.output<typeof StepSchema>;
export type CheckFile = z.output<typeof CheckSchema>;
export type CommandFile = z.output<typeof CommandSchema>;
export type AlternativeFile = z.output<typeof AlternativeSchema>;
export type WrongFile = z.output<typeof WrongSchema>;
export type VariantFile = z.output<typeof VariantSchema>;
/** A text as written: a string (English) or per language. */
export type TextFile = z.output<typeof TextSchema>;
/** A markdown file reference as written: a path or per language. */
export type DocFile = z.output<typeof DocSchema>;
