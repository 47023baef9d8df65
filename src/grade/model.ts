import { z } from 'zod';

/**
 * The grade result, version 1: what `dnlab grade --format json` writes and `dnlab class-report`
 * reads. This zod schema is the one source of truth: `schemas/grade-result.v1.json` is generated
 * from it (`z.toJSONSchema`), and a unit test fails when the two differ.
 *
 * Compatible changes (a new optional field) keep `version: 1` and update the schema file; a
 * change that breaks readers makes `version: 2` and a new schema file beside this one.
 */

export const GRADE_FORMAT = 'dnlab-grade-result';
export const GRADE_VERSION = 1;
export const GRADE_SCHEMA_ID = 'urn:dnlab:schema:grade-result:v1';

const count = z.number().int().nonnegative();
const text = z.string();

export const CheckStatusSchema = z.enum(['pass', 'fail', 'waiting', 'skipped']).meta({
  description:
    'pass: the state is right. fail: it is not (message says what differs). waiting: not judged because a check it needs failed (counts as failed). skipped: cannot run on this machine (a missing kernel feature); not counted.',
});

export const GradedCheckSchema = z
  .object({
    id: text.meta({ description: "The check's id in the lesson (its own, else its kind)." }),
    kind: text.meta({ description: 'The checker kind, e.g. container-running.' }),
    status: CheckStatusSchema,
    message: text.meta({ description: 'One sentence: what is right, or what differs.' }),
    expected: text.optional().meta({ description: 'What the check wanted, when it says.' }),
    seen: text.optional().meta({ description: 'What the lab showed, when it says.' }),
    evidence: z
      .array(text)
      .meta({ description: 'What was looked at in the live lab (the seen state), one line each.' }),
    waitingOn: text.optional().meta({ description: 'The check this one needs and that failed.' }),
    skipped: text.optional().meta({ description: 'Why the check could not run here.' }),
    detail: text
      .optional()
      .meta({ description: "The checker's own sentence when the lesson replaced the message." }),
  })
  .strict()
  .meta({ title: 'GradedCheck' });

export const StepStatusSchema = z.enum(['pass', 'fail', 'skipped']).meta({
  description:
    'pass: every check passed (the step earns its points). fail: some check failed or waits. skipped: a check could not run on this machine and none failed; its points are not counted.',
});

export const GradedStepSchema = z
  .object({
    id: text,
    index: count.meta({ description: '0-based position in the lesson.' }),
    title: text,
    host: text.meta({ description: "The step's default lab host." }),
    status: StepStatusSchema,
    points: count.meta({
      description: 'Points earned: all of `possible` when the step passes, else 0.',
    }),
    possible: count.meta({
      description: "The step's points (lesson.yaml `points`, default 1); 0 when skipped.",
    }),
    ms: z.number().nonnegative().meta({ description: 'Time the live check took.' }),
    checks: z.array(GradedCheckSchema),
  })
  .strict()
  .meta({ title: 'GradedStep' });

export const GradedLessonSchema = z
  .object({
    id: text,
    title: text,
    contentHash: text.meta({
      description:
        'sha256 over every file of the lesson folder: the content this grade was earned on.',
    }),
    points: count,
    possible: count,
    seed: text.optional().meta({
      description: "The learner's seed the lesson's variant and params were drawn with (re-check with DNLAB_SEED).",
    }),
    variant: text.optional().meta({ description: "An incident's variant, drawn from the seed." }),
    params: z
      .record(z.string(), z.string())
      .optional()
      .meta({ description: "The values of the lesson's {{placeholders}} for this learner, as text." }),
    steps: z.array(GradedStepSchema),
  })
  .strict()
  .meta({ title: 'GradedLesson' });

export const TotalsSchema = z
  .object({
    points: count,
    possible: count,
    steps: count.meta({ description: 'Steps graded (not skipped).' }),
    stepsPassed: count,
    stepsSkipped: count,
    checks: count.meta({ description: 'Checks judged (not skipped).' }),
    checksPassed: count,
    checksFailed: count.meta({ description: 'Failed or waiting.' }),
    checksSkipped: count,
    pass: z
      .boolean()
      .meta({ description: 'Every graded step passed (the exit status of dnlab grade is 0).' }),
  })
  .strict()
  .meta({ title: 'Totals' });

export const WorkshopInfoSchema = z
  .object({
    file: text.meta({ description: 'The workshop.yaml the grade applied, as given.' }),
    title: text,
    lessons: z.array(text),
    timeLimitMinutes: count.optional(),
    showHints: z.boolean(),
    showSolutions: z.boolean(),
  })
  .strict()
  .meta({ title: 'WorkshopInfo' });

export const GradeResultSchema = z
  .object({
    format: z.literal(GRADE_FORMAT),
    version: z.literal(GRADE_VERSION),
    dnlab: z.object({ version: text }).strict(),
    student: text.meta({
      description: 'Who was graded: --student, else DNLAB_STUDENT, else the machine hostname.',
    }),
    startedAt: z.iso.datetime().meta({ description: 'When grading started (ISO 8601, UTC).' }),
    finishedAt: z.iso.datetime(),
    lab: z
      .object({
        instance: text.meta({ description: "The lab instance ('' for the default one)." }),
        hosts: z.array(text).meta({ description: 'The lab host names of the topology in use.' }),
        engine: z
          .object({
            name: text.meta({ description: "The engine chosen with --engine: '28.5', '26.1', '20.10' or 'system'." }),
            version: text.meta({ description: 'What its dockerd --version said (28.5.2+dfsg4).' }),
          })
          .strict()
          .optional()
          .meta({ description: 'The Docker engine the lab ran; absent when no lab was up.' }),
      })
      .strict(),
    workshop: WorkshopInfoSchema.optional(),
    totals: TotalsSchema,
    lessons: z.array(GradedLessonSchema),
  })
  .strict()
  .meta({
    $id: GRADE_SCHEMA_ID,
    title: 'dnlab grade result, version 1',
    description:
      'What `dnlab grade --format json` writes: every graded step re-verified against the live lab, with points and the evidence of each check.',
  });

export type CheckStatus = z.infer<typeof CheckStatusSchema>;
export type StepStatus = z.infer<typeof StepStatusSchema>;
export type GradedCheck = z.infer<typeof GradedCheckSchema>;
export type GradedStep = z.infer<typeof GradedStepSchema>;
export type GradedLesson = z.infer<typeof GradedLessonSchema>;
export type GradeTotals = z.infer<typeof TotalsSchema>;
export type WorkshopInfo = z.infer<typeof WorkshopInfoSchema>;
export type GradeResult = z.infer<typeof GradeResultSchema>;

/** The JSON Schema of a grade result (what schemas/grade-result.v1.json holds). */
export function gradeResultJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(GradeResultSchema, { target: 'draft-2020-12', io: 'output' }) as Record<
    string,
    unknown
  >;
}
