import http from 'node:http';
import { t } from './messages.js';
import { UserError } from '../errors.js';

/** The newest Engine API version this code knows; requests use min(server, this). */
export const OUR_API_VERSION = '1.52';

/** A request's deadline when it names none; an image import or load passes a longer one. */
export const ENGINE_TIMEOUT_MS = 10_000;
export const ENGINE_IMPORT_TIMEOUT_MS = 120_000;

/**
 * `http`: the engine answered with an error status; `timeout`: it took the request but did not
 * answer in time (a stopped or stuck daemon); `down`: nothing listens on its socket.
 */
export type EngineErrorKind = 'http' | 'timeout' | 'down';

export class EngineError extends UserError {
  constructor(
    /** The HTTP status, or 0 when the engine did not answer. */
    readonly status: number,
    message: string,
    readonly kind: EngineErrorKind = 'http',
    /** The lab host whose engine this is (or its socket, for an engine built without a name). */
    readonly host?: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }

  /** True when the engine did not answer at all (stuck or not running). */
  get unreachable(): boolean {
    return this.kind !== 'http';
  }
}

const seconds = (ms: number) => String(Math.round((ms / 1000) * 10) / 10);

function socketError(e: NodeJS.ErrnoException, host: string): Error {
  if (e.code === 'ECONNREFUSED' || e.code === 'ENOENT') {
    return new EngineError(0, t('lab.engine.notRunning', { host }), 'down', host);
  }
  return e;
}

export interface EngineRequest {
  method?: string;
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** Raw request body (e.g. a tar stream for an image import). */
  raw?: Buffer;
  /** Deadline in ms (default ENGINE_TIMEOUT_MS). */
  timeoutMs?: number;
}

export function compareApiVersions(a: string, b: string): number {
  const [amaj = 0, amin = 0] = a.split('.').map(Number);
  const [bmaj = 0, bmin = 0] = b.split('.').map(Number);
  return amaj - bmaj || amin - bmin;
}

/** A client for one Docker Engine, over its unix socket. No docker CLI is spawned. */
export class Engine {
  private apiVersion: string | undefined;

  /** `host` names the engine in errors ("host1's engine does not answer"). */
  constructor(
    readonly socketPath: string,
    readonly host: string = socketPath,
  ) {}

  /** Ask the server's version once, then pin requests to min(server, ours). */
  async version(
    timeoutMs?: number,
  ): Promise<{ Version: string; ApiVersion: string; MinAPIVersion?: string }> {
    const v = (await this.send({ path: '/version', timeoutMs }, false)) as {
      Version: string;
      ApiVersion: string;
      MinAPIVersion?: string;
    };
    this.apiVersion =
      compareApiVersions(v.ApiVersion, OUR_API_VERSION) < 0 ? v.ApiVersion : OUR_API_VERSION;
    return v;
  }

  async ping(timeoutMs = 500): Promise<boolean> {
    return (await this.pingError(timeoutMs)) === undefined;
  }

  /** Undefined when `/_ping` answers in time, else why not (an EngineError naming the host). */
  async pingError(timeoutMs = 2000): Promise<Error | undefined> {
    try {
      await this.send({ path: '/_ping', timeoutMs }, false);
      return undefined;
    } catch (e) {
      return e instanceof Error ? e : new Error(String(e));
    }
  }

  async request<T = unknown>(req: EngineRequest): Promise<T> {
    if (!this.apiVersion) await this.version(req.timeoutMs);
    return (await this.send(req, true)) as T;
  }

  get pinnedVersion(): string | undefined {
    return this.apiVersion;
  }

  private send(req: EngineRequest, versioned: boolean): Promise<unknown> {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(req.query ?? {})) {
      if (v !== undefined) qs.set(k, String(v));
    }
    const prefix = versioned ? `/v${this.apiVersion}` : '';
    const search = qs.toString();
    const urlPath = `${prefix}${req.path}${search ? `?${search}` : ''}`;
    const payload =
      req.raw ?? (req.body === undefined ? undefined : Buffer.from(JSON.stringify(req.body)));
    const headers: Record<string, string> = {};
    if (payload) {
      headers['Content-Type'] = req.raw ? 'application/x-tar' : 'application/json';
      headers['Content-Length'] = String(payload.length);
    }
    const ms = req.timeoutMs ?? ENGINE_TIMEOUT_MS;
    return new Promise((resolve, reject) => {
      // One deadline for the whole exchange (connect, request, the full answer), not per idle gap.
      let timeout: EngineError | undefined;
      const fail = (e: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(timeout ?? socketError(e, this.host));
      };
      const r = http.request(
        { socketPath: this.socketPath, path: urlPath, method: req.method ?? 'GET', headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            clearTimeout(timer);
            const answer = parseAnswer(res, Buffer.concat(chunks).toString('utf8'));
            if (answer.status >= 400) {
              const what = `${req.method ?? 'GET'} ${req.path}: ${answer.message}`;
              reject(new EngineError(answer.status, what, 'http', this.host));
            } else resolve(answer.parsed);
          });
          res.on('error', fail);
        },
      );
      const timer = setTimeout(() => {
        timeout = new EngineError(
          0,
          t('lab.engine.noAnswer', { host: this.host, seconds: seconds(ms) }),
          'timeout',
          this.host,
        );
        r.destroy(timeout);
      }, ms);
      r.on('error', fail);
      r.end(payload);
    });
  }
}

function parseAnswer(
  res: http.IncomingMessage,
  text: string,
): { status: number; parsed: unknown; message: string } {
  const status = res.statusCode ?? 0;
  let parsed: unknown = text;
  if ((res.headers['content-type'] ?? '').includes('json') && text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  const message =
    typeof parsed === 'object' && parsed && 'message' in parsed
      ? String((parsed as { message: unknown }).message)
      : text.trim();
  return { status, parsed, message };
}
