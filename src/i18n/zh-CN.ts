import type { MessageKey } from './en.js';
import { checks } from './zh-CN/checks.js';
import { cli } from './zh-CN/cli.js';
import { cliHelp } from './zh-CN/cli-help.js';
import { grade } from './zh-CN/grade.js';
import { lessons } from './zh-CN/lessons.js';
import { tui } from './zh-CN/tui.js';
import { topo } from './zh-CN/topo.js';

/**
 * 简体中文. A key missing here falls back to English. Terms follow docs/glossary.md; what a
 * learner types (commands, flags, interface names) stays in English.
 */
export const zhCN: Record<MessageKey, string> = {
  ...cli,
  ...cliHelp,
  ...lessons,
  ...checks,
  ...tui,
  ...grade,
  ...topo,
};
