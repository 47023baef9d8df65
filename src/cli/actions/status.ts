import { t } from '../../i18n/index.js';
import { leftovers } from '../../lab/cleanup.js';
import { status } from '../../lab/lab.js';
import { FAIL, OK, green, red } from '../output.js';
import { safeJson, safeText } from '../../text/safe.js';

/** `dnlab status [--json]`: each host's engine, the internet, leftovers; exit 1 when not up. */
export async function runStatus(opts: { json?: boolean }): Promise<void> {
  const s = await status();
  if (opts.json) {
    process.stdout.write(`${safeJson(s, 2)}\n`);
    return;
  }
  const stuck = !s.up && s.hosts.some((h) => h.engine !== 'running');
  const headline = s.up ? 'lab.status.up' : stuck ? 'lab.status.engineDown' : 'lab.status.down';
  process.stdout.write(`${t(headline)}\n`);
  for (const h of s.hosts) {
    const mark = h.engine === 'running' ? green(OK) : red(FAIL);
    const detail =
      h.engine === 'running'
        ? t('lab.status.host', {
            version: h.version,
            api: h.apiVersion,
            containers: h.containers,
            networks: h.networks,
            swarm: h.swarm,
          })
        : (h.problem ?? t('lab.status.notAnswering'));
    process.stdout.write(
      `${mark} ${safeText(h.name).padEnd(7)} ${safeText(h.lanAddress).padEnd(16)} ${safeText(detail)}\n`,
    );
  }
  if (s.internet) process.stdout.write(`  ${t('lab.status.internet', { address: s.internet })}\n`);
  if (s.internetDns === 'not answering') {
    process.stdout.write(`${red(FAIL)} ${t('lab.status.dnsDead')}\n`);
    process.exitCode = 1;
  }
  // The JSON above keeps the English names; the sentence names them in the current language.
  const left = s.leftovers.length ? leftovers(t) : [];
  if (left.length)
    process.stdout.write(`${t('lab.status.leftovers', { items: left.join(', ') })}\n`);
  if (!s.up) process.exitCode = 1;
}
