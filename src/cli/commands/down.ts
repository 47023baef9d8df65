import type { Command } from 'commander';
import { t } from '../../i18n/index.js';
import { down } from '../../lab/lab.js';
import { seconds } from '../output.js';
import { requireRoot } from '../root.js';

export function register(program: Command): void {
  program
    .command('down')
    .description('stop the lab and remove everything it made (namespaces, daemons, mounts, files)')
    .addHelpText('after', '\nOnly objects named with the lab prefix are touched.\n\nExample:\n  sudo dnlab down')
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
