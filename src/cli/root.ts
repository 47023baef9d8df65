import { t } from '../i18n/index.js';
import { LabError } from '../lab/errors.js';

/** Commands that touch namespaces need root; say so in one sentence rather than fail later. */
export function requireRoot(command: string): void {
  if (process.getuid?.() !== 0) {
    throw new LabError(t('cli.needsRoot', { command }));
  }
}
