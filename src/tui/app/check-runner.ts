import type { CheckResult } from '../../checks/types.js';
import { safeDeep, safeError } from '../../text/safe.js';

export interface CheckRunnerOptions {
  /** One check round of the step. */
  run: () => Promise<CheckResult[]>;
  onResults: (results: CheckResult[]) => void;
  onRunning: (running: boolean) => void;
  onError: (err: unknown) => void;
  /** Requests within this window become one round (a burst of prompts, a paste of lines). */
  debounceMs?: number;
}

/**
 * Runs a step's checks in the background: requests are debounced, one round at a time (a request
 * during a round runs one more round after it), and once disposed (the step changed) results
 * still in flight are dropped.
 */
export class CheckRunner {
  private timer: NodeJS.Timeout | undefined;
  private inFlight = false;
  private again = false;
  private disposed = false;

  constructor(private readonly opts: CheckRunnerOptions) {}

  /** Check soon (debounced), or now. */
  request(now = false): void {
    if (this.disposed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (now) this.fire();
    else this.timer = setTimeout(() => this.fire(), this.opts.debounceMs ?? 150);
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private fire(): void {
    this.timer = undefined;
    if (this.disposed) return;
    if (this.inFlight) {
      this.again = true;
      return;
    }
    this.inFlight = true;
    this.opts.onRunning(true);
    this.opts
      .run()
      .then(
        (results) => {
          // Messages quote names the learner chose: no escape sequence reaches the screen.
          if (!this.disposed && !this.again) this.opts.onResults(results.map((r) => safeDeep(r)));
        },
        (err: unknown) => {
          if (!this.disposed && !this.again) this.opts.onError(new Error(safeError(err)));
        },
      )
      .finally(() => {
        this.inFlight = false;
        if (this.disposed) return;
        if (this.again) {
          this.again = false;
          this.fire();
        } else this.opts.onRunning(false);
      });
  }
}
