import { checks } from './en/checks.js';
import { cli } from './en/cli.js';
import { cliHelp } from './en/cli-help.js';
import { grade } from './en/grade.js';
import { lessons } from './en/lessons.js';
import { tui } from './en/tui.js';
import { topo } from './en/topo.js';

/** English, the fallback for every string. Each area keeps its own file under en/. */
export const en = {
  ...cli,
  ...cliHelp,
  ...lessons,
  ...checks,
  ...tui,
  ...grade,
  ...topo,
};

/** Every message key: `t()` takes only these, so tsc rejects an unknown key. */
export type MessageKey = keyof typeof en;
