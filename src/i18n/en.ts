import type { Catalogue } from './index.js';
import { checks } from './en/checks.js';
import { cli } from './en/cli.js';
import { cliHelp } from './en/cli-help.js';
import { grade } from './en/grade.js';
import { lessons } from './en/lessons.js';
import { tui } from './en/tui.js';
import { topo } from './en/topo.js';

/** English, the fallback for every string. Each area keeps its own file under en/. */
export const en: Catalogue = {
  ...cli,
  ...cliHelp,
  ...lessons,
  ...checks,
  ...tui,
  ...grade,
  ...topo,
};
