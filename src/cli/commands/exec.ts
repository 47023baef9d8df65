import type { Command } from 'commander';
import { t } from '../../i18n/index.js';
import { requireRoot } from '../root.js';

export function register(program: Command): void {
  program
    .command('exec <host> <command...>')
    .description(t('cli.exec.description'))
    .addHelpText('after', `\n${t('cli.exec.help')}`)
    .action(async (host: string, argv: string[]) => {
      requireRoot('dnlab exec');
      const { runExec } = await import('../actions/shell.js');
      await runExec(host, argv);
    });
}
