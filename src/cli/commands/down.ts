import type { Command } from 'commander';
import { t } from '../../i18n/index.js';
import { down } from '../../lab/lab.js';
import { seconds } from '../output.js';
import { requireRoot } from '../root.js';

export function register(program: Command): void {
  program
    .command('down')
    .description(t('cli.down.description'))
    .addHelpText('after', `\n${t('cli.down.help')}`)
    .action(async () => {
      requireRoot('dnlab down');
      const r = await down();
      process.stdout.write(
        r.namespaces + r.processes === 0
          ? `${t('lab.downNothing')}\n`
          : `${t('lab.downDone', { time: seconds(r.ms), namespaces: r.namespaces, processes: r.processes, mounts: r.mounts })}\n`,
      );
    });
}
