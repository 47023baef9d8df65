import { UserError, type UserErrorOptions } from '../errors.js';

/**
 * A lab operation the user can act on; `fix` becomes the error's `tryMessage`. Alone in this
 * module so that the CLI's light parts (its help, its argument checks) can throw it without
 * loading the lab.
 */
export class LabError extends UserError {
  constructor(message: string, fix?: string, options: UserErrorOptions = {}) {
    super(message, { ...options, ...(fix === undefined ? {} : { tryMessage: fix }) });
    this.name = 'LabError';
  }
}
