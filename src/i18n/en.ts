import type { Catalogue } from './index.js';
import { checks } from './en/checks.js';
import { cli } from './en/cli.js';
import { lessons } from './en/lessons.js';
import { tui } from './en/tui.js';

/** English, the fallback for every string. Each area keeps its own file under en/. */
export const en: Catalogue = { ...cli, ...lessons, ...checks, ...tui };
