import type { Command } from 'commander';
import { LabError } from '../../lab/lab.js';
import { confirmTrace } from '../../topo/confirm.js';
import { observeForMap } from '../../topo/live.js';
import { renderTrace } from '../../topo/trace-text.js';
import { TraceError, parseTraceTarget, planTrace } from '../../topo/trace.js';
import { requireRoot } from '../root.js';

export function register(program: Command): void {
  program
    .command('trace <from> <to>')
    .description(
      'the path a packet takes and the rules it meets, confirmed by one probe and the rule counters it moved',
    )
    .option(
      '--host <host>',
      'where bare container names are looked for first (default: the first lab host)',
    )
    .option('--no-probe', 'only plan the path from the observed state; send nothing')
    .option('--json', 'print machine-readable JSON')
    .addHelpText(
      'after',
      [
        '',
        '<from> is a lab host, the internet namespace, a container (name, or host:container) or an IP.',
        '<to> is the same, then :port and /tcp, /udp or /icmp (tcp when a port is given, else icmp).',
        '',
        'The path is planned from the observed routes and firewall rules; then the rule counters of',
        'the hosts on the path are read, ONE probe is sent (busybox nc, nslookup or ping from <from>),',
        'the counters are read again and those that moved are shown: where the packet was NATed,',
        'accepted, or dropped.',
        '',
        'Examples:',
        '  sudo dnlab trace host2 host1:8080/tcp',
        '  sudo dnlab trace host1:web db:80',
        '  sudo dnlab trace web 10.10.2.3:80 --no-probe',
      ].join('\n'),
    )
    .action(
      async (
        fromArg: string,
        toArg: string,
        opts: { host?: string; probe: boolean; json?: boolean },
      ) => {
        requireRoot('dnlab trace');
        const { topology, facts } = await observeForMap(opts.host);
        const defaultHost = opts.host ?? topology.hosts[0]?.name;
        let plan;
        try {
          const from = parseTraceTarget(fromArg, facts, topology, defaultHost);
          if (from.port !== undefined) throw new TraceError(`the source has no port: ${fromArg}`);
          const to = parseTraceTarget(toArg, facts, topology, defaultHost);
          plan = planTrace(facts, from.end, to, topology);
        } catch (e) {
          if (e instanceof TraceError) throw new LabError(e.message, 'dnlab trace --help');
          throw e;
        }
        const confirmation = opts.probe ? await confirmTrace(facts, plan, topology) : undefined;
        if (opts.json) {
          process.stdout.write(
            `${JSON.stringify({ plan, ...(confirmation ? { confirmation } : {}) }, null, 2)}\n`,
          );
          return;
        }
        process.stdout.write(`${renderTrace(plan, confirmation).join('\n')}\n`);
      },
    );
}
