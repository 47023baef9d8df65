import type { StepCheck } from '../checks/evaluate.js';

import type { Lang } from '../i18n/index.js';

/**
 * The lesson model the rest of dnlab uses (lab, checks, TUI, grading): validated, defaults
 * applied, every text resolved for one language (English where a text has no translation).
 */

/** A command as a learner types it, and the lab host it runs on. */
export interface Command {
  host: string;
  run: string;
}

/** A check as the check evaluator takes it (one declaration, in checks/evaluate.ts). */
export type { StepCheck };

/** A typical mistake: after these commands, check `fails` must fail and its message contain `says`. */
export interface WrongAttempt {
  run: Command[];
  fails: string;
  says: string;
  /** Engine range the attempt is wrong on; the self-test skips it on other engines. */
  engines?: string;
}

export interface Step {
  id: string;
  /** 0-based position in the lesson. */
  index: number;
  title: string;
  /** The step's markdown. */
  text: string;
  /** The markdown file `text` was read from (absolute). */
  textFile: string;
  /** The step's default host: its shell pane, and the host of checks that name none. */
  host: string;
  /** A packet path worth tracing in this step, as `dnlab trace` takes its two ends. */
  trace?: { from: string; to: string };
  /** Every kernel feature the step needs: the lesson's, the step's own and its checkers'. */
  features: string[];
  points: number;
  checks: StepCheck[];
  /** Progressive hints, shown one at a time. */
  hints: string[];
  solution: Command[];
  /** Other valid solutions; the self-test proves each. */
  alternatives: Command[][];
  /** The engine range of each alternative that has one (same index as `alternatives`). */
  alternativesEngines?: (string | undefined)[];
  /** Engine range the whole step applies to (FORMAT.md); absent: every engine. */
  engines?: string;
  wrong: WrongAttempt[];
  /** Markdown shown once the step passes ('' when the step has none). */
  explain: string;
}

export interface Lesson {
  id: string;
  /** The lesson folder (absolute). */
  dir: string;
  /** The language texts were resolved for. */
  lang: Lang;
  /** Languages the lesson has texts in (always `en`, then any translation). */
  languages: Lang[];
  title: string;
  summary: string;
  minutes: number;
  hosts: string[];
  /** Kernel features the whole lesson needs. */
  features: string[];
  /** Commands that bring the hosts to the first step's start state. */
  setup: Command[];
  steps: Step[];
  /** sha256 over every file of the lesson folder: which content a grade was earned on. */
  contentHash: string;
  /** The seed the variant and params were drawn with ('' : lint's draw, the first of each). */
  seed?: string;
  /** The values of the lesson's `{{placeholders}}` for this learner. */
  params?: Record<string, string | number>;
  /** Set for an incident: its symptom and the variant drawn (its explain is the step's). */
  incident?: Incident;
}

export interface Incident {
  /** The symptom as a user reports it (markdown): what the learner sees first. */
  symptom: string;
  /** The id of the variant this lesson was built with. */
  variant: string;
  /** Every variant's id, in lesson.yaml's order. */
  variants: string[];
}
