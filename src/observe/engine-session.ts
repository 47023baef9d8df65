import fs from 'node:fs';
import { hostPaths } from '../lab/config.js';
import { engineFor } from '../lab/daemon.js';
import type { Engine } from '../lab/engine.js';
import type { VersionJson } from './engine-json.js';

/**
 * An Engine client per running daemon, pinned once. `GET /version` is slow on some engines
 * (20.10 runs `runc --version` and `docker-init --version` to answer it: ~30 ms on a small VM),
 * and its answer cannot change while the same dockerd runs. A session lives as long as the
 * daemon's pid (from its pidfile) stays the same; a restarted daemon gets a new one, so a
 * version change is always seen.
 */
interface Session {
  engine: Engine;
  version: Promise<VersionJson>;
  daemonPid: string;
}

const sessions = new Map<string, Session>();

function daemonPid(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The host's Engine client and its `/version` answer (asked once per running daemon). */
export function engineSession(host: string): { engine: Engine; version: Promise<VersionJson> } {
  const p = hostPaths(host);
  const pid = daemonPid(p.dockerPid);
  const known = sessions.get(p.dockerSock);
  if (known && pid !== undefined && known.daemonPid === pid) return known;
  const engine = engineFor(host);
  const version = engine.version();
  if (pid === undefined) {
    sessions.delete(p.dockerSock);
    return { engine, version };
  }
  const session: Session = { engine, version, daemonPid: pid };
  sessions.set(p.dockerSock, session);
  version.catch(() => forgetEngineSession(host, session));
  return session;
}

/** Drop a host's session (after a failed read), so the next observation asks `/version` again. */
export function forgetEngineSession(host: string, only?: { engine: Engine }): void {
  const key = hostPaths(host).dockerSock;
  const s = sessions.get(key);
  if (s && (!only || s.engine === only.engine)) sessions.delete(key);
}
