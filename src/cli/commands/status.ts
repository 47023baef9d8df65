import type { Command } from 'commander';
import { t } from '../../i18n/index.js';
import { requireRoot } from '../root.js';

export function register(program: Command): void {
  program
    .command('status')
    .description(t('cli.status.description'))
    .option('--json', t('cli.opt.json'))
    .addHelpText('after', `\n${t('cli.status.help')}`)
    .action(async (opts: { json?: boolean }) => {
      requireRoot('dnlab status');
      // Each action loads its code when it runs: `dnlab --help` does not read the lab.
      const { runStatus } = await import('../actions/status.js');
      await runStatus(opts);
    });
}
