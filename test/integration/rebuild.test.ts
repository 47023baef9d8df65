import fs from 'node:fs';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliPath, dnlab, isRoot, onHost, sleep, useTestInstance } from './lab-helpers.js';

useTestInstance('rbd');

const { down, reset, status, up } = await import('../../src/lab/lab.js');
const { engineFor, stopDockerd } = await import('../../src/lab/daemon.js');
const { hostPaths, netnsName, netnsPath } = await import('../../src/lab/config.js');
const { lanMac } = await import('../../src/lab/netns.js');
const { run } = await import('../../src/lab/run.js');
const { ShellPool } = await import('../../src/tui/app/shell-pool.js');
const { TerminalSession } = await import('../../src/lab/terminal-session.js');
const { shellCommand } = await import('../../src/lab/shell.js');
type Session = InstanceType<typeof TerminalSession>;

/** The next prompt of a shell (its `status` is the last command's), or an error at the deadline. */
function nextPrompt(session: Session, deadlineMs = 20_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no prompt within ${deadlineMs} ms`)), deadlineMs);
    const off = session.onPrompt((e) => {
      clearTimeout(timer);
      off();
      resolve(e.status);
    });
  });
}

const HOST1 = '192.0.2.11';

/** One probe from host2's network namespace with the machine's busybox: one ping, 1 s. */
function pingOnce(from: string, to: string) {
  return run(['nsenter', `--net=${netnsPath(from)}`, '--', 'busybox', 'ping', '-c', '1', '-W', '1', to], { timeoutMs: 5000 });
}

async function eth0Mac(host: string): Promise<string> {
  const r = await run(['ip', '-n', netnsName(host), '-j', 'link', 'show', 'eth0']);
  return (JSON.parse(r.stdout) as { address: string }[])[0]?.address ?? '';
}

function alive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/\) [ZX] /.test(stat);
  } catch {
    return false;
  }
}

describe.skipIf(!isRoot)('rebuilds that work and resets that are fresh (real lab)', () => {
  beforeAll(async () => {
    await down();
    await up();
  });

  afterAll(async () => {
    await down();
  });

  it('after reset rebuilds host1, host2 reaches it on its first probe (same MAC, neighbours refreshed)', async () => {
    expect(await eth0Mac('host1')).toBe(lanMac(HOST1));
    const before = await pingOnce('host2', HOST1);
    expect(before.code, before.stdout).toBe(0);
    fs.writeFileSync(hostPaths('host1').daemonJson, '{ "debug": true }\n');
    const r = await reset('host1');
    expect(r.how).toBe('rebuilt');
    const after = await pingOnce('host2', HOST1);
    expect(after.code, after.stdout + after.stderr).toBe(0);
    expect(await eth0Mac('host1')).toBe(lanMac(HOST1));
  });

  it('reset stops processes started in the host, keeps the engine, and rebuilds on a bind mount', async () => {
    const started = await onHost('host2', ['sh', '-c', 'sleep 3000 >/dev/null 2>&1 & echo $!']);
    const pid = Number(started.stdout.trim());
    expect(alive(pid)).toBe(true);
    const r = await reset('host2');
    expect(r.how).toBe('fast');
    expect(r.stopped).toBeGreaterThanOrEqual(1);
    expect(alive(pid)).toBe(false);
    expect(await engineFor('host2').ping()).toBe(true);

    const bind = await onHost('host2', ['sh', '-c', 'echo fake > /tmp/dnlab-fake && mount --bind /tmp/dnlab-fake /etc/hostname && cat /etc/hostname']);
    expect(bind.stdout.trim()).toBe('fake');
    const r2 = await reset('host2');
    expect(r2.how).toBe('rebuilt');
    expect(r2.why).toContain('/etc/hostname');
    expect((await onHost('host2', ['cat', '/etc/hostname'])).stdout.trim()).not.toBe('fake');
  });

  it('a TUI shell ended by reset comes back working when the app restarts it, as after `r`', async () => {
    const pool = new ShellPool((h, cols, rows) => new TerminalSession({ command: shellCommand(h), cols, rows }));
    try {
      const first = pool.get('host2', 80, 24) as Session;
      await nextPrompt(first);
      const ended = new Promise((r) => first.onExit(r));
      const r = await reset('host2');
      expect(r.stopped).toBeGreaterThanOrEqual(1);
      await Promise.race([ended, sleep(10_000).then(() => Promise.reject(new Error('the shell survived the reset')))]);
      // useLessonLab restarts the lesson's shells once the reset is done.
      const second = pool.restart('host2') as Session;
      await nextPrompt(second);
      const answered = nextPrompt(second);
      second.write('docker info >/dev/null && test "$(hostname)" = host2\r');
      expect(await answered).toBe(0);
    } finally {
      pool.dispose();
    }
  });

  it('a reset killed halfway through a rebuild is finished by the next reset', async () => {
    fs.writeFileSync(hostPaths('host2').daemonJson, '{ "debug": true }\n');
    const child = spawn(process.execPath, [cliPath, 'reset', 'host2'], { stdio: 'ignore', env: process.env });
    // The baseline goes first in a rebuild: kill the CLI once it is gone.
    for (let i = 0; i < 500 && fs.existsSync(hostPaths('host2').baseline); i++) await sleep(10);
    child.kill('SIGKILL');
    await new Promise((r) => child.on('close', r));
    const again = await dnlab(['reset', 'host2']);
    expect(again.code, again.stderr).toBe(0);
    expect(fs.readFileSync(hostPaths('host2').daemonJson, 'utf8')).toBe('{}\n');
    expect((await status()).up).toBe(true);
    expect((await pingOnce('host2', HOST1)).code).toBe(0);
  });

  it('a host that left a swarm is reset to one that never was: a new init and join take seconds', async () => {
    const init = await onHost('host1', ['docker', 'swarm', 'init', '--advertise-addr', HOST1]);
    expect(init.code, init.stderr).toBe(0);
    const token = (await onHost('host1', ['docker', 'swarm', 'join-token', '-q', 'worker'])).stdout.trim();
    const join = ['docker', 'swarm', 'join', '--advertise-addr', '192.0.2.12', '--token'];
    expect((await onHost('host2', [...join, token, `${HOST1}:2377`])).code).toBe(0);
    expect((await onHost('host2', ['docker', 'swarm', 'leave'])).code).toBe(0);
    // host2 left: its engine says inactive, but it was in a swarm, so it is rebuilt too.
    const hows: string[] = [];
    for (const h of ['host1', 'host2']) hows.push((await reset(h)).how);
    expect(hows).toEqual(['rebuilt', 'rebuilt']);
    for (const h of ['host1', 'host2']) {
      const info = await engineFor(h).request<{ Swarm: { NodeID: string; LocalNodeState: string } }>({ path: '/info' });
      expect(info.Swarm.NodeID).toBe('');
    }
    expect((await onHost('host1', ['docker', 'swarm', 'init', '--advertise-addr', HOST1])).code).toBe(0);
    const token2 = (await onHost('host1', ['docker', 'swarm', 'join-token', '-q', 'worker'])).stdout.trim();
    // The deadline is the test: a join that waits on an old identity takes about 40 s.
    const join2 = await onHost('host2', [...join, token2, `${HOST1}:2377`], 10_000);
    expect(join2.code, join2.stdout + join2.stderr).toBe(0);
    for (const h of ['host2', 'host1']) expect((await reset(h)).how).toBe('rebuilt');
  });

  it('up on a lab with a dead engine restarts only it and keeps the learner’s work', async () => {
    const web = await onHost('host2', ['docker', 'run', '-d', '--name', 'kept', 'dnlab/busybox', 'sleep', '3000']);
    expect(web.code, web.stderr).toBe(0);
    const broken = '{ "bip": "192.168.200.1" }\n';
    fs.writeFileSync(hostPaths('host1').daemonJson, broken);
    await stopDockerd('host1');
    const first = await dnlab(['up']);
    expect(first.code).toBe(1);
    expect(first.stderr).toContain('host1');
    expect(first.stderr).toContain('invalid CIDR address');
    expect(fs.readFileSync(hostPaths('host1').daemonJson, 'utf8')).toBe(broken);
    const ps = await onHost('host2', ['docker', 'ps', '--format', '{{.Names}}']);
    expect(ps.stdout.trim()).toBe('kept');

    fs.writeFileSync(hostPaths('host1').daemonJson, '{}\n');
    process.kill(Number(fs.readFileSync(hostPaths('host2').containerdPid, 'utf8')), 'SIGKILL');
    const second = await dnlab(['up']);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('host1 dockerd');
    expect(second.stdout).toContain('host2 containerd');
    expect((await status()).up).toBe(true);
    const ps2 = await onHost('host2', ['docker', 'ps', '-a', '--format', '{{.Names}}']);
    expect(ps2.stdout.trim()).toBe('kept');
  });
});
