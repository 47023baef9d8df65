import type { Command } from 'commander';
import { t } from '../../i18n/index.js';

export function register(program: Command): void {
  program
    .command('doctor')
    .description(t('cli.doctor.description'))
    .option('--fix', t('cli.doctor.fixOpt'))
    .option('--json', t('cli.opt.json'))
    .addHelpText('after', `\n${t('cli.doctor.help')}`)
    .action(async (opts: { fix?: boolean; json?: boolean }) => {
      const { runDoctor } = await import('../actions/doctor.js');
      await runDoctor(opts);
    });
}
