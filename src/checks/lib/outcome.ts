import { t, type MessageKey, type Vars } from '../../i18n/index.js';
import type { CheckOutcome } from '../types.js';

export interface Detail {
  expected?: string | undefined;
  seen?: string | undefined;
  evidence?: string[];
}

function build(pass: boolean, key: MessageKey, vars: Vars, d: Detail): CheckOutcome {
  const out: CheckOutcome = { pass, message: t(key, vars), evidence: d.evidence ?? [] };
  if (d.expected !== undefined) out.expected = d.expected;
  if (d.seen !== undefined) out.seen = d.seen;
  return out;
}

/** A passing outcome whose sentence is the catalogue entry `key`. */
export function ok(key: MessageKey, vars: Vars = {}, d: Detail = {}): CheckOutcome {
  return build(true, key, vars, d);
}

/** A failing outcome whose sentence is the catalogue entry `key`. */
export function bad(key: MessageKey, vars: Vars = {}, d: Detail = {}): CheckOutcome {
  return build(false, key, vars, d);
}

/** Join a list for a sentence: `a, b, c`; `none` (localised) when empty. */
export function list(items: readonly string[]): string {
  return items.length ? items.join(', ') : t('check.common.none');
}
