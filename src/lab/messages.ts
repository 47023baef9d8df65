import { en } from '../i18n/en.js';
import { format, t, type MessageKey, type Vars } from '../i18n/index.js';

/** Turns a catalogue key into text: `t` (the current language) or `english`. */
export type Translate = (key: MessageKey, vars?: Vars) => string;

/** Always English: for machine output (`--json`), whose texts do not follow `--lang`. */
export const english: Translate = (key, vars) => format(en[key], vars);

export { t };
