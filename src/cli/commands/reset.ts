import type { Command } from 'commander';
import { t } from '../../i18n/index.js';
import { requireRoot } from '../root.js';

export function register(program: Command): void {
  program
    .command('reset [host]')
    .description(t('cli.reset.description'))
    .addHelpText('after', `\n${t('cli.reset.help')}`)
    .action(async (host: string | undefined) => {
      requireRoot('dnlab reset');
      const { runReset } = await import('../actions/reset.js');
      await runReset(host);
    });
}
