import type { Command } from 'commander';
import { t } from '../../i18n/index.js';
import { requireRoot } from '../root.js';

export function register(program: Command): void {
  program
    .command('shell <host>')
    .description(t('cli.shell.description'))
    .addHelpText('after', `\n${t('cli.shell.help')}`)
    .action(async (host: string) => {
      requireRoot('dnlab shell');
      const { runShell } = await import('../actions/shell.js');
      await runShell(host);
    });
}
