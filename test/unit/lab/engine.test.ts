import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine, EngineError } from '../../../src/lab/engine.js';

// Real unix sockets: one that takes connections and never answers (a stopped dockerd), one that
// answers like an engine, and a path where nothing listens.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dnlab-engine-'));
const silentSock = path.join(dir, 'silent.sock');
const answerSock = path.join(dir, 'answer.sock');
const held: net.Socket[] = [];
const silent = net.createServer((s) => held.push(s));
const answering = http.createServer((req, res) => {
  res.setHeader('Content-Type', 'application/json');
  if (req.url === '/version') res.end(JSON.stringify({ Version: '20.10', ApiVersion: '1.41' }));
  else {
    res.statusCode = 404;
    res.end(JSON.stringify({ message: 'no such container: c9' }));
  }
});

async function failure(p: Promise<unknown>): Promise<EngineError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(EngineError);
  return e as EngineError;
}

describe('Engine deadlines and errors', () => {
  beforeAll(async () => {
    await new Promise<void>((r) => silent.listen(silentSock, r));
    await new Promise<void>((r) => answering.listen(answerSock, r));
  });
  afterAll(() => {
    for (const s of held) s.destroy();
    silent.close();
    answering.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('an engine that never answers is named, at the deadline', { timeout: 5000 }, async () => {
    const e = await failure(new Engine(silentSock, 'host1').version(300));
    expect(e.kind).toBe('timeout');
    expect(e.unreachable).toBe(true);
    expect(e.message).toBe("host1's engine does not answer (no reply in 0.3 s)");
    expect(await new Engine(silentSock, 'host1').ping(200)).toBe(false);
  });

  it('a request gets the deadline too, /version included', { timeout: 5000 }, async () => {
    const e = await failure(new Engine(silentSock, 'host2').request({ path: '/info', timeoutMs: 200 }));
    expect(e.message).toContain("host2's engine does not answer");
  });

  it('a socket nobody listens on is an engine that is not running', async () => {
    const e = await failure(new Engine(path.join(dir, 'none.sock'), 'host1').version());
    expect(e.kind).toBe('down');
    expect(e.message).toBe("host1's engine is not running");
  });

  it('an error answer keeps its status and message', async () => {
    const engine = new Engine(answerSock, 'host1');
    const e = await failure(engine.request({ path: '/containers/c9/json' }));
    expect(e).toMatchObject({ status: 404, kind: 'http', host: 'host1' });
    expect(e.unreachable).toBe(false);
    expect(e.message).toContain('no such container: c9');
    expect(engine.pinnedVersion).toBe('1.41');
  });
});
