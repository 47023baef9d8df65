import { exitCodeOf } from '../../errors.js';
import path from 'node:path';
import type { Command } from 'commander';
import { t } from '../../i18n/index.js';
import { displayPath } from '../../lessons/diagnostics.js';
import { lessonsRoot } from '../../lessons/load.js';
import { ScaffoldError, scaffoldLesson } from '../../lessons/scaffold.js';
import type { Out } from './lint.js';

/** `dnlab new <id> [--root DIR] [--title TEXT]`: scaffold a lesson that lints clean. */
export function register(program: Command): Command {
  return program
    .command('new')
    .summary(t('lessons.cli.new.summary'))
    .description(t('lessons.cli.new.description'))
    .argument('<id>', t('lessons.cli.new.idArg'))
    .option('--root <dir>', t('lessons.cli.new.rootOpt'))
    .option('--title <text>', t('lessons.cli.new.titleOpt'))
    .addHelpText('after', () => `\n${t('lessons.cli.new.examples')}\n`)
    .action((id: string, opts: { root?: string; title?: string }, cmd: Command) => {
      const o = cmd.configureOutput();
      const write = (fn: ((s: string) => void) | undefined, s: string): void =>
        fn ? fn(s) : void process.stdout.write(s);
      process.exitCode = runNew(id, opts, {
        out: (s) => write(o.writeOut, s),
        err: (s) => write(o.writeErr, s),
      });
    });
}

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
