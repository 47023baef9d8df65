import type { Command } from 'commander';
import { t } from '../../i18n/index.js';
import { requireRoot } from '../root.js';

export function register(program: Command): void {
  program
    .command('topo')
    .description(t('cli.topo.description'))
    .option('--host <host>', t('cli.topo.hostOpt'))
    .option('--format <format>', t('cli.topo.formatOpt'), 'ascii')
    .option('--width <columns>', t('cli.topo.widthOpt'))
    .addHelpText('after', `\n${t('cli.topo.help')}`)
    .action(async (opts: { host?: string; format: string; width?: string }) => {
      requireRoot('dnlab topo');
      const { runTopo } = await import('../actions/topo.js');
      await runTopo(opts);
    });
}
