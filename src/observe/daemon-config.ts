import type { HostFacts } from './facts.js';
import { t } from '../i18n/index.js';

export type DaemonConfigFacts = HostFacts['daemonConfig'];

/**
 * A host's daemon.json as dockerd would read it. `undefined` text means the file does not exist
 * (dockerd then runs with its defaults: an empty object). Anything but a JSON object is an error,
 * as it is for dockerd.
 */
export function parseDaemonConfig(text: string | undefined): DaemonConfigFacts {
  if (text === undefined || text.trim() === '') return { ok: true, value: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: t('check.observe.daemonJsonObject') };
  }
  return { ok: true, value: value as Record<string, unknown> };
}
