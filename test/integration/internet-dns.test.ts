import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dnlab, isRoot, onHost, repoRoot, useTestInstance } from './lab-helpers.js';

// Its own lab instance (dnlabdns*): never the learner's, never another test's.
useTestInstance('dns');

const { down, up } = await import('../../src/lab/lab.js');
const { hostPaths, netnsPath } = await import('../../src/lab/config.js');
const { readState } = await import('../../src/lab/state.js');
const { internetDnsAnswers } = await import('../../src/lab/internet.js');
const { run } = await import('../../src/lab/run.js');

const FLOOD = path.join(repoRoot, 'test/integration/helpers/udp-flood.py');
const dnsPid = () => Number(fs.readFileSync(path.join(hostPaths('internet').dir, 'dns.pid'), 'utf8'));
const topology = () => readState()!.topology;
const alive = (pid: number) => fs.existsSync(`/proc/${pid}`);

/** A learner's lookup, from a lab host, through its resolv.conf (the internet's DNS server). */
async function resolvesFromHost1(): Promise<boolean> {
  const r = await onHost('host1', ['busybox', 'nslookup', 'internet.lab'], 15_000);
  return r.code === 0 && r.stdout.includes('198.51.100.1');
}

describe.skipIf(!isRoot)('the internet namespace DNS server on a real lab', () => {
  beforeAll(async () => {
    await down();
    await up();
  });
  afterAll(async () => {
    await down();
  });

  it('keeps answering after thousands of hostile datagrams, source port 0 included', async () => {
    expect(await internetDnsAnswers(topology())).toBe(true);
    const pid = dnsPid();
    // Raw IPv4+UDP packets from host1's namespace (see the helper: Node cannot send from port 0).
    const flood = await run(
      ['nsenter', `--net=${netnsPath('host1')}`, '--', '/usr/bin/python3', FLOOD, '192.0.2.1', '4000', '7'],
      { timeoutMs: 120_000 },
    );
    expect(flood.code, flood.stderr).toBe(0);
    expect(flood.stdout.trim()).toBe('4000');
    expect(alive(pid)).toBe(true);
    expect(dnsPid()).toBe(pid); // the same server, not a restarted one
    expect(await internetDnsAnswers(topology())).toBe(true);
    expect(await resolvesFromHost1()).toBe(true);
  });

  it('status says when the server has died, and up starts it again', async () => {
    process.kill(dnsPid(), 'SIGKILL');
    expect(await internetDnsAnswers(topology())).toBe(false);
    const st = await dnlab(['status', '--json']);
    expect(JSON.parse(st.stdout)).toMatchObject({ up: true, internetDns: 'not answering' });
    const text = await dnlab(['status', '--lang', 'en']);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain("The internet's DNS server does not answer");
    const again = await dnlab(['up']);
    expect(again.code, again.stderr).toBe(0);
    expect(await internetDnsAnswers(topology())).toBe(true);
    expect(await resolvesFromHost1()).toBe(true);
    const after = await dnlab(['status', '--json']);
    expect(JSON.parse(after.stdout)).toMatchObject({ internetDns: 'answering' });
    expect((await dnlab(['status'])).code).toBe(0);
  });

  it('reset of all hosts starts a dead server again', async () => {
    process.kill(dnsPid(), 'SIGKILL');
    const r = await dnlab(['reset', '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("The internet's DNS server had stopped");
    expect(await internetDnsAnswers(topology())).toBe(true);
  });
});
