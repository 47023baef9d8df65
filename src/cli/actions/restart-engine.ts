import { t } from '../../i18n/index.js';
import { restartDockerd } from '../../lab/daemon.js';
import { LabError, requireHost } from '../../lab/lab.js';
import { green, OK, seconds } from '../output.js';

/** `dnlab restart-engine <host>`: the host's dockerd restarted, as `systemctl restart docker`. */
export async function runRestartEngine(host: string): Promise<void> {
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
}
