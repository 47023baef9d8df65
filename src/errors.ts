/**
 * The one error type for what the user can do something about: a message, what to try, further
 * steps, and the exit code the CLI should end with. Every user-facing error (LabError, RootError,
 * EngineError, LessonError, ...) is built on it; the CLI (`cli/output.ts`) and the TUI
 * (`tui/hooks/useLabStart.ts`) read these typed fields. No dependency: every layer may use it.
 */
export interface UserErrorOptions {
  /** One thing to try, printed as `Try: …` (never folded into the message). */
  tryMessage?: string;
  /** Further steps, in order. */
  nextSteps?: readonly string[];
  /** The exit code to end with; unset, the command's usual code for a failure (1). */
  exitCode?: number;
  cause?: unknown;
}

export class UserError extends Error {
  readonly tryMessage: string | undefined;
  readonly nextSteps: readonly string[];
  readonly exitCode: number | undefined;

  constructor(message: string, options: UserErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'UserError';
    this.tryMessage = options.tryMessage;
    this.nextSteps = options.nextSteps ?? [];
    this.exitCode = options.exitCode;
  }
}

/** What to try for any thrown value: a UserError's `tryMessage`, else nothing. */
export function tryMessageOf(err: unknown): string | undefined {
  return err instanceof UserError ? err.tryMessage : undefined;
}

/** The exit code `err` asks for, or `fallback` (1 unless the command says otherwise). */
export function exitCodeOf(err: unknown, fallback = 1): number {
  return err instanceof UserError && err.exitCode !== undefined ? err.exitCode : fallback;
}
