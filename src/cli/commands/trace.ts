import type { Command } from 'commander';
import { t } from '../../i18n/index.js';
import { requireRoot } from '../root.js';

export function register(program: Command): void {
  program
    .command('trace <from> <to>')
    .description(t('cli.trace.description'))
    .option('--host <host>', t('cli.trace.hostOpt'))
    .option('--no-probe', t('cli.trace.noProbeOpt'))
    .option('--json', t('cli.opt.json'))
    .addHelpText('after', `\n${t('cli.trace.help')}`)
    .action(
      async (
        fromArg: string,
        toArg: string,
        opts: { host?: string; probe: boolean; json?: boolean },
      ) => {
        requireRoot('dnlab trace');
        const { runTrace } = await import('../actions/trace.js');
        await runTrace(fromArg, toArg, opts);
      },
    );
}
