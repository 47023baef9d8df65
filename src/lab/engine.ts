import http from 'node:http';

/** The newest Engine API version this code knows; requests use min(server, this). */
export const OUR_API_VERSION = '1.52';

export class EngineError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

export interface EngineRequest {
  method?: string;
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** Raw request body (e.g. a tar stream for an image import). */
  raw?: Buffer;
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

  constructor(readonly socketPath: string) {}

  /** Ask the server's version once, then pin requests to min(server, ours). */
  async version(): Promise<{ Version: string; ApiVersion: string; MinAPIVersion?: string }> {
    const v = (await this.send({ path: '/version' }, false)) as {
      Version: string;
      ApiVersion: string;
      MinAPIVersion?: string;
    };
    this.apiVersion =
      compareApiVersions(v.ApiVersion, OUR_API_VERSION) < 0 ? v.ApiVersion : OUR_API_VERSION;
    return v;
  }

  async ping(timeoutMs = 500): Promise<boolean> {
    try {
      await this.send({ path: '/_ping', timeoutMs }, false);
      return true;
    } catch {
      return false;
    }
  }

  async request<T = unknown>(req: EngineRequest): Promise<T> {
    if (!this.apiVersion) await this.version();
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
    return new Promise((resolve, reject) => {
      const r = http.request(
        { socketPath: this.socketPath, path: urlPath, method: req.method ?? 'GET', headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const status = res.statusCode ?? 0;
            let parsed: unknown = text;
            if ((res.headers['content-type'] ?? '').includes('json') && text) {
              try {
                parsed = JSON.parse(text);
              } catch {
                parsed = text;
              }
            }
            if (status >= 400) {
              const msg =
                typeof parsed === 'object' && parsed && 'message' in parsed
                  ? String((parsed as { message: unknown }).message)
                  : text.trim();
              reject(new EngineError(status, `${req.method ?? 'GET'} ${req.path}: ${msg}`));
            } else {
              resolve(parsed);
            }
          });
          res.on('error', reject);
        },
      );
      r.on('error', reject);
      if (req.timeoutMs) {
        r.setTimeout(req.timeoutMs, () => r.destroy(new Error(`timeout after ${req.timeoutMs} ms`)));
      }
      r.end(payload);
    });
  }
}
