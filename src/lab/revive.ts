import fs from 'node:fs';
import { hostPaths, netnsPath } from './config.js';
import {
  containerdAlive,
  engineFor,
  startContainerd,
  startDockerd,
  stopDockerd,
} from './daemon.js';
import { UserError } from '../errors.js';

/**
 * `up` on a lab that is partly up: start again only what is dead, keeping the host's files,
 * Engine objects and daemon.json.
 */

/** Can the host be revived in place (its namespaces and baseline are there)? */
export function revivable(host: string): boolean {
  const p = hostPaths(host);
  return [netnsPath(host), p.mnt, p.uts, p.baseline].every((f) => fs.existsSync(f));
}

export class EngineStartError extends UserError {
  constructor(
    readonly host: string,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'EngineStartError';
  }
}

/** Start the host's containerd and dockerd if they are dead. Returns what was started. */
export async function reviveHost(host: string): Promise<string[]> {
  const started: string[] = [];
  if (!containerdAlive(host)) {
    await startContainerd(host);
    started.push('containerd');
  }
  if (!(await engineFor(host).ping(2000))) {
    // A hung one is stopped first; a dead one has nothing to stop.
    await stopDockerd(host);
    try {
      await startDockerd(host);
    } catch (err) {
      throw new EngineStartError(host, (err as Error).message);
    }
    started.push('dockerd');
  }
  return started;
}
