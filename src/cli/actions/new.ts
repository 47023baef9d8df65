import { exitCodeOf } from '../../errors.js';
import path from 'node:path';
import { t } from '../../i18n/index.js';
import { displayPath } from '../../lessons/diagnostics.js';
import { lessonsRoot } from '../../lessons/load.js';
import { ScaffoldError, scaffoldLesson } from '../../lessons/scaffold.js';
import type { Out } from '../commands/lint.js';

/** Scaffold and print what was made and what to do next; returns the exit code. */
export function runNew(id: string, opts: { root?: string; title?: string }, io: Out): number {
  const root = opts.root ?? lessonsRoot();
  try {
    const { dir, files } = scaffoldLesson(root, id, opts.title ? { title: opts.title } : {});
    const shown = displayPath(dir);
    io.out(`${t('lessons.new.created', { dir: shown })}\n`);
    for (const f of files) io.out(`  ${path.join(shown, f)}\n`);
    io.out(`\n${t('lessons.new.next', { dir: shown, id })}\n`);
    return 0;
  } catch (e) {
    if (!(e instanceof ScaffoldError)) throw e;
    io.err(`${e.message}\n`);
    if (e.tryMessage) io.err(`${t('cli.tryLine', { try: t('cli.try'), fix: e.tryMessage })}\n`);
    return exitCodeOf(e);
  }
}
