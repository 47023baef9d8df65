import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StepCheck } from '../../src/checks/evaluate.js';
import type { CheckResult } from '../../src/checks/types.js';
import { run } from '../../src/lab/run.js';
import { isRoot, onHost, useTestInstance } from './lab-helpers.js';

/**
 * A learner who is root in the lab tries to fake a ✔ (issue 13). Each case first shows the check
 * fails, then plants the fake, then shows it still fails — and, where it makes sense, that the
 * real thing passes. The lab is real: its own dockerd in namespaces, real containers.
 */
useTestInstance('cht');

const { down, up } = await import('../../src/lab/lab.js');
const { checkStep } = await import('../../src/orchestrate/check-step.js');
const { observeLab } = await import('../../src/observe/observe.js');
const { machineProgram, probeArgv, PROBE_ENV } = await import('../../src/observe/probes.js');

const IMG = 'dnlab/busybox';
const SECRET = `/tmp/dnlab-cheat-secret-${process.pid}`;
const FAKE = `/tmp/dnlab-cheat-fake-${process.pid}`;

async function docker(host: string, ...args: string[]): Promise<string> {
  const r = await onHost(host, ['docker', ...args]);
  expect(r.code, `docker ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout.trim();
}

/** A shell line inside a container (its own programs: the learner's side). */
const inside = (c: string, line: string) => docker('host1', 'exec', c, 'sh', '-c', line);

async function check(c: StepCheck, host = 'host1'): Promise<CheckResult> {
  const r = await checkStep({ checks: [c], defaultHost: host, hosts: ['host1', 'host2'] });
  return r.results[0]!;
}

async function pidOf(name: string): Promise<number> {
  const facts = await observeLab({ hosts: ['host1'] });
  const c = facts.hosts.host1!.containers.find((x) => x.name === name);
  if (!c?.pid) throw new Error(`${name} is not running`);
  return c.pid;
}

describe.skipIf(!isRoot)('a learner cannot fake a pass (real lab)', () => {
  beforeAll(async () => {
    await down();
    await up();
    fs.writeFileSync(SECRET, 'MACHINE-SECRET-dnlab\n');
    fs.writeFileSync(FAKE, '#!/bin/sh\necho "Server: 127.0.0.11"\nexit 0\n', { mode: 0o755 });
    await docker('host1', 'network', 'create', '--subnet', '10.99.0.0/24', 'labnet');
    await docker(
      'host1',
      'run',
      '-d',
      '--name',
      'web',
      '--network',
      'labnet',
      IMG,
      'httpd',
      '-f',
      '-p',
      '80',
      '-h',
      '/',
    );
    for (const name of ['c1', 'c2', 'c4', 'c5'])
      await docker(
        'host1',
        'run',
        '-d',
        '--name',
        name,
        '--network',
        'labnet',
        IMG,
        'sleep',
        '3600',
      );
    await docker(
      'host1',
      'run',
      '-d',
      '--name',
      'c3',
      '--network',
      'labnet',
      '--add-host',
      'ghost:10.99.0.9',
      IMG,
      'sleep',
      '3600',
    );
  }, 240_000);

  afterAll(async () => {
    await onHost('host2', ['umount', '/usr/bin/busybox']).catch(() => undefined);
    fs.rmSync(SECRET, { force: true });
    fs.rmSync(FAKE, { force: true });
    await down();
  }, 120_000);

  it('a probe runs as nobody in the container network namespace, with NET_RAW for ping only', async () => {
    const pid = await pidOf('c1');
    const bb = machineProgram('busybox')!;
    const status = async (applet: string) => {
      const argv = probeArgv({ id: 'x', host: 'host1', argv: [applet], timeoutMs: 2000 }, { pid });
      if (!Array.isArray(argv)) throw new Error(argv.stderr);
      // The runner's own argv (timeout, nsenter, setpriv, the machine's busybox), another applet.
      const runner = argv.slice(0, argv.indexOf(bb) + 1);
      const r = await run(
        [
          ...runner,
          'sh',
          '-c',
          'cat /proc/self/status; readlink /proc/self/ns/net; readlink /proc/self/ns/mnt',
        ],
        { env: PROBE_ENV, timeoutMs: 10_000 },
      );
      expect(r.code, r.stderr).toBe(0);
      return r.stdout;
    };
    const field = (s: string, k: string) => new RegExp(`^${k}:\\s*(.*)$`, 'm').exec(s)?.[1];
    const ping = await status('ping');
    expect(field(ping, 'CapEff')).toBe('0000000000002000');
    expect(field(ping, 'CapBnd')).toBe('0000000000002000');
    expect(field(ping, 'Uid')).toMatch(/^65534\s+65534/);
    expect(field(ping, 'NoNewPrivs')).toBe('1');
    const nc = await status('nc');
    expect(field(nc, 'CapEff')).toBe('0000000000000000');
    expect(field(nc, 'CapPrm')).toBe('0000000000000000');
    // The container's network namespace, the machine's mount namespace.
    const [net, mnt] = nc.trim().split('\n').slice(-2);
    expect(net).toBe(fs.readlinkSync(`/proc/${pid}/ns/net`));
    expect(mnt).toBe(fs.readlinkSync('/proc/self/ns/mnt'));
  }, 60_000);

  it('(a) fake nc, ping, nslookup, cat in a container cannot make reachable pass', async () => {
    const closed: StepCheck = {
      kind: 'reachable',
      params: { from: { container: 'c1' }, to: 'web', port: 81 },
    };
    const silent: StepCheck = {
      kind: 'reachable',
      params: { from: { container: 'c1' }, to: '10.99.0.77' },
    };
    expect((await check(closed)).pass).toBe(false);
    const fake = `printf '#!/bin/sh\\nexit 0\\n' > /tmp/fake && chmod +x /tmp/fake`;
    // Wherever the image keeps them: the busybox link goes, a script that says "yes" comes.
    const plant = ['nc', 'ping', 'nslookup', 'cat'].map(
      (a) => `p=$(which ${a}) && rm -f $p && cp /tmp/fake $p`,
    );
    await inside('c1', [fake, ...plant].join(' && '));
    // By path: this image's sh runs its own applets first.
    expect(await inside('c1', '$(which nc) -w 1 10.99.0.2 81 && echo faked')).toBe('faked');
    const after = await check(closed);
    expect(after.pass, after.message).toBe(false);
    expect(after.message).toMatch(/refused/i);
    expect((await check(silent)).pass).toBe(false);
    // The real thing still passes from the same container.
    const open = await check({
      kind: 'reachable',
      params: { from: { container: 'c1' }, to: 'web', port: 80 },
    });
    expect(open.pass, open.message).toBe(true);
  }, 120_000);

  it("(b) a bind mount over busybox in a lab host's mount namespace cannot make host2 reach host1:8080", async () => {
    const c: StepCheck = {
      kind: 'reachable',
      params: { from: { host: 'host2' }, to: 'host1', port: 8080 },
    };
    expect((await check(c, 'host2')).pass).toBe(false);
    const m = await onHost('host2', ['mount', '--bind', FAKE, '/usr/bin/busybox']);
    expect(m.code, m.stderr).toBe(0);
    expect((await onHost('host2', ['busybox', 'nc', '192.0.2.11', '8080'])).code).toBe(0);
    const after = await check(c, 'host2');
    expect(after.pass, after.message).toBe(false);
    expect(after.message).toMatch(/refused/i);
    // With something listening on host1:8080 it passes, the fake still in place.
    await docker(
      'host1',
      'run',
      '-d',
      '--name',
      'pub',
      '-p',
      '8080:80',
      IMG,
      'httpd',
      '-f',
      '-p',
      '80',
      '-h',
      '/',
    );
    const real = await check(c, 'host2');
    expect(real.pass, real.message).toBe(true);
  }, 120_000);

  it('a container whose /etc/hosts lies about a name cannot turn dns-resolves into a pass', async () => {
    const c: StepCheck = {
      kind: 'dns-resolves',
      params: { container: 'c2', name: 'ghost', expect: '10.99.0.9' },
    };
    expect((await check(c)).pass).toBe(false);
    await inside('c2', 'echo "10.99.0.9 ghost" >> /etc/hosts');
    const after = await check(c);
    expect(after.pass, after.message).toBe(false);
    expect(after.message).toContain('by hand');
    // What Docker put there (--add-host) counts; Docker's DNS answers real names.
    const added = await check({
      kind: 'dns-resolves',
      params: { container: 'c3', name: 'ghost', expect: '10.99.0.9' },
    });
    expect(added.pass, added.message).toBe(true);
    const real = await check({
      kind: 'dns-resolves',
      params: { container: 'c2', name: 'web', expect: 'web' },
    });
    expect(real.pass, real.message).toBe(true);
  }, 120_000);

  it('a link out of the container root, to /dev/zero, or a file above 1 MiB is refused', async () => {
    const has = (path: string, text: string): StepCheck => ({
      kind: 'file-contains',
      params: { container: 'c4', path, text },
    });
    expect((await check(has('/etc/x', 'MACHINE-SECRET'))).pass).toBe(false);
    await inside(
      'c4',
      `ln -s ${SECRET} /etc/x && ln -s ../../../../../..${SECRET} /etc/y && ln -s /dev/zero /etc/z && ln -s /proc/1/root${SECRET} /etc/w`,
    );
    for (const p of ['/etc/x', '/etc/y', '/etc/w']) {
      const r = await check(has(p, 'MACHINE-SECRET'));
      expect(r.pass, `${p}: ${r.message}`).toBe(false);
    }
    const zero = await check(has('/etc/z', 'x'));
    expect(zero.pass).toBe(false);
    expect(zero.message).toMatch(/not a regular file/);
    await inside('c4', 'dd if=/dev/zero of=/big bs=1024 count=1100 2>/dev/null');
    const big = await check(has('/big', 'x'));
    expect(big.pass).toBe(false);
    expect(big.message).toContain('larger than 1 MiB');
    // The container's own file of that name is read (links resolve inside its root).
    await inside('c4', `mkdir -p /tmp && echo MACHINE-SECRET-in-container > ${SECRET}`);
    expect((await check(has('/etc/x', 'MACHINE-SECRET-in-container'))).pass).toBe(true);
  }, 120_000);

  it('a container with no busybox (or any program) inside is still probed and checked', async () => {
    await docker('host1', 'exec', 'c5', 'rm', '/bin/busybox');
    expect((await onHost('host1', ['docker', 'exec', 'c5', 'ls'])).code).not.toBe(0);
    const checks: StepCheck[] = [
      { kind: 'reachable', params: { from: { container: 'c5' }, to: 'web', port: 80 } },
      { kind: 'not-reachable', params: { from: { container: 'c5' }, to: 'web', port: 81 } },
      { kind: 'dns-resolves', params: { container: 'c5', name: 'web', expect: 'web' } },
      {
        kind: 'file-contains',
        params: { container: 'c5', path: '/etc/resolv.conf', text: '127.0.0.11' },
      },
    ];
    const r = await checkStep({ checks, defaultHost: 'host1', hosts: ['host1'] });
    for (const x of r.results) expect(x.pass, `${x.kind}: ${x.message}`).toBe(true);
  }, 120_000);
});
