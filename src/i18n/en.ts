import type { Catalogue } from './index.js';

/**
 * English messages. Keys are grouped by area: `cli.*`, `doctor.*`, `lab.*`, `check.<kind>.*`,
 * `tui.*`, `grade.*`. Placeholders are `{name}`.
 */
export const en: Catalogue = {};
