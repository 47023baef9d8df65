import { t } from '../../i18n/index.js';
import { down } from '../../lab/lab.js';
import { seconds } from '../output.js';

/** `dnlab down`: remove the lab, and say what was removed. */
export async function runDown(): Promise<void> {
  const r = await down();
  process.stdout.write(
    r.namespaces + r.processes === 0
      ? `${t('lab.downNothing')}\n`
      : `${t('lab.downDone', { time: seconds(r.ms), namespaces: r.namespaces, processes: r.processes, mounts: r.mounts })}\n`,
  );
}
