import type { Command } from 'commander';
import { t } from '../../i18n/index.js';
import { requireRoot } from '../root.js';

export function register(program: Command): void {
  program
    .command('down')
    .description(t('cli.down.description'))
    .addHelpText('after', `\n${t('cli.down.help')}`)
    .action(async () => {
      requireRoot('dnlab down');
      const { runDown } = await import('../actions/down.js');
      await runDown();
    });
}
