import type { Command } from 'commander';
import { t } from '../../i18n/index.js';
import { LabError } from '../../lab/lab.js';
import { FORMATS, renderMap, type MapFormat } from '../../topo/index.js';
import { observeForMap } from '../../topo/live.js';
import { requireRoot } from '../root.js';

export function register(program: Command): void {
  program
    .command('topo')
    .description(t('cli.topo.description'))
    .option('--host <host>', t('cli.topo.hostOpt'))
    .option('--format <format>', t('cli.topo.formatOpt'), 'ascii')
    .option('--width <columns>', t('cli.topo.widthOpt'))
    .addHelpText('after', `\n${t('cli.topo.help')}`)
    .action(async (opts: { host?: string; format: string; width?: string }) => {
      requireRoot('dnlab topo');
      const format = opts.format as MapFormat;
      if (!FORMATS.includes(format))
        throw new LabError(t('topo.badFormat', { format: opts.format }));
      const { topology, facts } = await observeForMap(opts.host);
      const width = opts.width ? Number(opts.width) : (process.stdout.columns ?? 80);
      process.stdout.write(
        renderMap(facts, topology, {
          format,
          width: Number.isFinite(width) && width > 0 ? width : 80,
          ...(opts.host ? { host: opts.host } : {}),
        }),
      );
    });
}
