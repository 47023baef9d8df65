import { t } from '../../i18n/index.js';
import { ensureInternetDns } from '../../lab/internet.js';
import { requireLabUp, reset } from '../../lab/lab.js';
import { ProgressPrinter, interruptSignal, seconds, yellow } from '../output.js';

/** Reset hosts one by one; Ctrl-C (or SIGTERM) stops at the next stage, and the next reset repairs it. */
async function resetHosts(hosts: string[]): Promise<void> {
  const printer = new ProgressPrinter();
  const interrupt = interruptSignal();
  let current = '';
  try {
    for (const h of hosts) {
      current = h;
      const r = await reset(h, { onProgress: printer.onProgress, signal: interrupt.signal });
      printer.stop();
      process.stdout.write(
        `${t('lab.resetDone', { host: h, time: seconds(r.ms), how: t(`lab.resetHow.${r.how}`) })}\n`,
      );
      if (r.stopped > 0)
        process.stdout.write(`${t('lab.resetStopped', { host: h, count: r.stopped })}\n`);
    }
  } catch (err) {
    printer.stop();
    if (!interrupt.signal.aborted) throw err;
    process.stderr.write(`${yellow(t('lab.resetInterrupted', { host: current }))}\n`);
    process.exitCode = 130;
  } finally {
    printer.stop();
    interrupt.dispose();
  }
}

/** `dnlab reset [host]`: the hosts (all, or one) back to fresh. */
export async function runReset(host: string | undefined): Promise<void> {
  const state = requireLabUp();
  await resetHosts(host ? [host] : state.topology.hosts.map((h) => h.name));
  // The whole lab back to fresh includes the internet's DNS server, if it has died.
  if (!host && process.exitCode !== 130 && (await ensureInternetDns(state.topology)))
    process.stdout.write(`${t('lab.dnsRestarted')}\n`);
}
