import type { Command } from 'commander';
import { t } from '../../i18n/index.js';
import { ensureInternetDns } from '../../lab/internet.js';
import { LabError, reset } from '../../lab/lab.js';
import { readState } from '../../lab/state.js';
import { ProgressPrinter, seconds } from '../output.js';
import { requireRoot } from '../root.js';

export function register(program: Command): void {
  program
    .command('reset [host]')
    .description(t('cli.reset.description'))
    .addHelpText('after', `\n${t('cli.reset.help')}`)
    .action(async (host: string | undefined) => {
      requireRoot('dnlab reset');
      const state = readState();
      if (!state?.complete) throw new LabError(t('lab.notUp'), t('lab.startIt'));
      const hosts = host ? [host] : state.topology.hosts.map((h) => h.name);
      const printer = new ProgressPrinter();
      try {
        for (const h of hosts) {
          const r = await reset(h, { onProgress: printer.onProgress });
          printer.stop();
          process.stdout.write(
            `${t('lab.resetDone', { host: h, time: seconds(r.ms), how: t(`lab.resetHow.${r.how}`) })}\n`,
          );
        }
        // The whole lab back to fresh includes the internet's DNS server, if it has died.
        if (!host && (await ensureInternetDns(state.topology)))
          process.stdout.write(`${t('lab.dnsRestarted')}\n`);
      } finally {
        printer.stop();
      }
    });
}
