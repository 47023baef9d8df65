import type { Command } from 'commander';
import { t } from '../../i18n/index.js';
import { engineNames } from '../../lab/engines.js';
import { requireRoot } from '../root.js';

export function register(program: Command): void {
  program
    .command('up')
    .description(t('cli.up.description'))
    .option('--engine <engine>', t('cli.up.engineOpt', { names: engineNames().join('|') }))
    .addHelpText('after', `\n${t('cli.up.help')}\n\n${t('cli.up.engineHelp')}`)
    .action(async (opts: { engine?: string }) => {
      requireRoot('dnlab up');
      // engines.ts reads the choice when the first daemon starts, and records it in the lab.
      if (opts.engine) process.env.DNLAB_ENGINE = opts.engine;
      const { upWithProgress } = await import('../actions/up.js');
      await upWithProgress();
    });
}
