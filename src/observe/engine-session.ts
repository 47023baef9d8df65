import fs from 'node:fs';
import { hostPaths } from '../lab/config.js';
import { engineFor } from '../lab/daemon.js';
import { EngineError, type Engine } from '../lab/engine.js';
import { t } from '../i18n/index.js';
import type { VersionJson } from './engine-json.js';

/**
 * A check's Engine reads must answer well within the step's 5 s: a stuck engine is named after
 * this long (each read; the /version that every other read waits on included).
 */
export const OBSERVE_ENGINE_TIMEOUT_MS = 3000;

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
  const version = engine.version(OBSERVE_ENGINE_TIMEOUT_MS);
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

/** The last line of a log file that says something, or undefined. */
export function lastLogLine(file: string): string | undefined {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const size = fs.fstatSync(fd).size;
      const len = Math.min(size, 8192);
      const buf = Buffer.alloc(len);
      fs.readSync(fd, buf, 0, len, size - len);
      const lines = buf.toString('utf8').split('\n').map((l) => l.trim());
      return lines.filter(Boolean).at(-1);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

/**
 * Why a host's engine could not be read, said for a learner: an engine that is not running gets
 * the last line of its log and the file to fix; a stuck one, how to restart it. Other errors
 * (an engine that answered with an error) are passed on as they are.
 */
export function describeEngineFailure(host: string, e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  if (!(e instanceof EngineError) || e.kind === 'http') {
    return t('check.observe.engineDown', { host, error: msg });
  }
  if (e.kind === 'timeout') return t('check.observe.engineStuck', { error: msg, host });
  const log = hostPaths(host).dockerLog;
  const line = lastLogLine(log);
  return line
    ? t('check.observe.engineExited', { error: msg, host, log, line })
    : t('check.observe.engineExitedNoLog', { error: msg, host });
}
