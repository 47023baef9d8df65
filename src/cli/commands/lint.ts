import type { Command } from 'commander';
import { t } from '../../i18n/index.js';

/** Where a command writes: stdout and stderr (the command's commander output by default). */
export interface Out {
  out(text: string): void;
  err(text: string): void;
}

/** `dnlab lint [path] [--json]`: every problem as `file:line:col: field: message`; exit 1 on any error. */
export function register(program: Command): Command {
  return program
    .command('lint')
    .summary(t('lessons.cli.lint.summary'))
    .description(t('lessons.cli.lint.description'))
    .argument('[path]', t('lessons.cli.lint.pathArg'))
    .option('--json', t('lessons.cli.lint.jsonOpt'))
    .addHelpText('after', () => `\n${t('lessons.cli.lint.examples')}\n`)
    .action(async (target: string | undefined, opts: { json?: boolean }, cmd: Command) => {
      const o = cmd.configureOutput();
      const write = (fn: ((s: string) => void) | undefined, s: string): void =>
        fn ? fn(s) : void process.stdout.write(s);
      const { runLint } = await import('../actions/lint.js');
      process.exitCode = runLint(target, opts, {
        out: (s) => write(o.writeOut, s),
        err: (s) => write(o.writeErr, s),
      });
    });
}
