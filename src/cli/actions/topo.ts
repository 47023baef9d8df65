import { t } from '../../i18n/index.js';
import { LabError } from '../../lab/lab.js';
import { FORMATS, renderMap, type MapFormat } from '../../topo/index.js';
import { observeForMap } from '../../topo/live.js';

/** `dnlab topo`: the lab drawn as it is now. */
export async function runTopo(opts: {
  host?: string;
  format: string;
  width?: string;
}): Promise<void> {
  const format = opts.format as MapFormat;
  if (!FORMATS.includes(format)) throw new LabError(t('topo.badFormat', { format: opts.format }));
  const { topology, facts } = await observeForMap(opts.host);
  const width = opts.width ? Number(opts.width) : (process.stdout.columns ?? 80);
  process.stdout.write(
    renderMap(facts, topology, {
      format,
      width: Number.isFinite(width) && width > 0 ? width : 80,
      ...(opts.host ? { host: opts.host } : {}),
    }),
  );
}
