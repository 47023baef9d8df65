import type { Command } from 'commander';
import { restartDockerd } from '../../lab/daemon.js';
import { LabError, requireHost } from '../../lab/lab.js';
import { green, OK, seconds } from '../output.js';
import { requireRoot } from '../root.js';

export function register(program: Command): void {
  program
    .command('restart-engine <host>')
    .description("restart a lab host's Docker engine so it re-reads /etc/docker/daemon.json")
    .addHelpText(
      'after',
      "\nInside a lab host's shell the same is `restart-docker`. When the engine does not come back\n(say, daemon.json is not valid JSON), the engine's own error is shown.\n\nExamples:\n  sudo dnlab restart-engine host1\n  root@host1:~# restart-docker",
    )
    .action(async (host: string) => {
      requireRoot('dnlab restart-engine');
      requireHost(host);
      const t0 = performance.now();
      try {
        await restartDockerd(host);
      } catch (err) {
        throw new LabError(
          `The Docker engine of ${host} did not start again: ${(err as Error).message}`,
          'fix /etc/docker/daemon.json on the host, then restart-docker again (dnlab reset restores a fresh one)',
        );
      }
      process.stdout.write(`${green(OK)} ${host}: engine restarted in ${seconds(performance.now() - t0)}\n`);
    });
}
