/**
 * An error the learner can act on: what went wrong, and what to try. Alone in this module so that
 * the CLI's light parts (its help, its argument checks) can throw it without loading the lab.
 */
export class LabError extends Error {
  constructor(
    message: string,
    readonly fix?: string,
  ) {
    super(message);
    this.name = 'LabError';
  }
}
