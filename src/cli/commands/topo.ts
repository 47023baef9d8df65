import type { Command } from 'commander';
import { t } from '../../i18n/index.js';
import { LabError } from '../../lab/lab.js';
import { FORMATS, renderMap, type MapFormat } from '../../topo/index.js';
import { observeForMap } from '../../topo/live.js';
import { requireRoot } from '../root.js';
import * as trace from './trace.js';

export function register(program: Command): void {
  program
    .command('topo')
    .description(
      'draw the lab’s network as it really is: hosts, LAN, bridges, veth pairs, containers, ports',
    )
    .option('--host <host>', 'only this lab host (with the LAN and its overlays)')
    .option('--format <format>', `ascii (default), mermaid, dot or json`, 'ascii')
    .option(
      '--width <columns>',
      'columns for the ascii map (default: the terminal’s width, 80 when piped)',
    )
    .addHelpText(
      'after',
      '\nDrawn from observed facts only (Engine API, ip -j, bridge ports, firewall).\n\nExamples:\n  sudo dnlab topo\n  sudo dnlab topo --host host1\n  sudo dnlab topo --format mermaid > lab.mmd\n  sudo dnlab topo --format dot | dot -Tsvg > lab.svg\n  sudo dnlab topo --format json | jq \'.nodes[] | select(.kind=="container")\'',
    )
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
  trace.register(program);
}
