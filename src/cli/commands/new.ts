import type { Command } from 'commander';
import { t } from '../../i18n/index.js';

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
    .action(async (id: string, opts: { root?: string; title?: string }, cmd: Command) => {
      const o = cmd.configureOutput();
      const write = (fn: ((s: string) => void) | undefined, s: string): void =>
        fn ? fn(s) : void process.stdout.write(s);
      const { runNew } = await import('../actions/new.js');
      process.exitCode = runNew(id, opts, {
        out: (s) => write(o.writeOut, s),
        err: (s) => write(o.writeErr, s),
      });
    });
}
