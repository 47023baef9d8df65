import type { Command } from 'commander';
import { t } from '../../i18n/index.js';
import { restartDockerd } from '../../lab/daemon.js';
import { LabError, requireHost } from '../../lab/lab.js';
import { green, OK, seconds } from '../output.js';
import { requireRoot } from '../root.js';

export function register(program: Command): void {
  program
    .command('restart-engine <host>')
    .description(t('cli.restartEngine.description'))
    .addHelpText('after', `\n${t('cli.restartEngine.help')}`)
    .action(async (host: string) => {
      requireRoot('dnlab restart-engine');
      requireHost(host);
      const t0 = performance.now();
      try {
        await restartDockerd(host);
      } catch (err) {
        throw new LabError(
          t('cli.restartEngine.failed', { host, error: (err as Error).message }),
          t('cli.restartEngine.fix'),
        );
      }
      process.stdout.write(
        `${green(OK)} ${t('cli.restartEngine.done', { host, time: seconds(performance.now() - t0) })}\n`,
      );
    });
}
