import type { Command } from 'commander';
import { t } from '../../i18n/index.js';
import { status } from '../../lab/lab.js';
import { FAIL, OK, green, red } from '../output.js';
import { requireRoot } from '../root.js';

export function register(program: Command): void {
  program
    .command('status')
    .description('show whether the lab is up, and each host’s engine, containers and networks')
    .option('--json', 'print machine-readable JSON')
    .addHelpText('after', '\nExamples:\n  sudo dnlab status\n  sudo dnlab status --json')
    .action(async (opts: { json?: boolean }) => {
      requireRoot('dnlab status');
      const s = await status();
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(s, null, 2)}\n`);
        return;
      }
      process.stdout.write(`${s.up ? t('lab.status.up') : t('lab.status.down')}\n`);
      for (const h of s.hosts) {
        const mark = h.engine === 'running' ? green(OK) : red(FAIL);
        const detail =
          h.engine === 'running'
            ? `Docker ${h.version} (API ${h.apiVersion}), ${h.containers} containers, ${h.networks} networks, swarm ${h.swarm}`
            : h.engine;
        process.stdout.write(`${mark} ${h.name.padEnd(7)} ${h.lanAddress.padEnd(16)} ${detail}\n`);
      }
      if (s.internet) process.stdout.write(`  internet ${s.internet} (the lab's stand-in, inside the machine)\n`);
      if (s.leftovers.length) process.stdout.write(`${t('lab.status.leftovers', { items: s.leftovers.join(', ') })}\n`);
      if (!s.up) process.exitCode = 1;
    });
}
