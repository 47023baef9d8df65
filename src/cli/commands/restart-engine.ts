import type { Command } from 'commander';
import { t } from '../../i18n/index.js';
import { requireRoot } from '../root.js';

export function register(program: Command): void {
  program
    .command('restart-engine <host>')
    .description(t('cli.restartEngine.description'))
    .addHelpText('after', `\n${t('cli.restartEngine.help')}`)
    .action(async (host: string) => {
      requireRoot('dnlab restart-engine');
      const { runRestartEngine } = await import('../actions/restart-engine.js');
      await runRestartEngine(host);
    });
}
