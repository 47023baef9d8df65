import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dnlab, isRoot, useTestInstance } from './lab-helpers.js';

// Its own lab instance (dnlabhang*): never the learner's, never another test's.
useTestInstance('hang');

const { down, up } = await import('../../src/lab/lab.js');
const { hostPaths } = await import('../../src/lab/config.js');
const { checkStep } = await import('../../src/orchestrate/check-step.js');
const { checkStatus } = await import('../../src/grade/grade.js');
const { loadAllLessons } = await import('../../src/lessons/load.js');

/*
 * A lab host's dockerd stopped (SIGSTOP: it takes connections and never answers) or dead (a
 * broken daemon.json). Every command must come back on its own and name the engine. The bound
 * on time is the harness's: dnlab() runs the CLI with a deadline and reports `timedOut` when it
 * had to kill it, so a hang fails the test (no timed assertion).
 */

const STUCK = "host1's engine does not answer";
const stopped = new Set<number>();

function dockerdPid(host: string): number {
  return Number(fs.readFileSync(hostPaths(host).dockerPid, 'utf8').trim());
}

function stop(host: string): number {
  const pid = dockerdPid(host);
  process.kill(pid, 'SIGSTOP');
  stopped.add(pid);
  return pid;
}

function resume(pid: number): void {
  try {
    process.kill(pid, 'SIGCONT');
  } catch {
    /* gone (a reset rebuilt the host) */
  }
  stopped.delete(pid);
}

/** Run the CLI; it must exit by itself within `ms` (else run() killed it: timedOut). */
async function cli(args: string[], ms: number) {
  const r = await dnlab(args, ms);
  expect(r.timedOut, `dnlab ${args.join(' ')} did not answer within ${ms} ms`).toBeUndefined();
  return r;
}

interface CheckJson {
  version: number;
  steps: {
    step: string;
    results: { id: string; pass: boolean; message: string }[];
    engines?: { host: string; problem: string }[];
  }[];
}

describe.skipIf(!isRoot)('a stuck or dead engine is named, never a hang', () => {
  beforeAll(async () => {
    await down();
    await up();
  });

  afterAll(async () => {
    for (const pid of [...stopped]) resume(pid);
    await down();
  });

  describe('host1 dockerd stopped (SIGSTOP)', () => {
    let pid: number;
    beforeAll(() => {
      pid = stop('host1');
    });
    afterAll(() => resume(pid));

    it('status names the engine that does not answer; --json still prints JSON', async () => {
      const r = await cli(['status'], 15_000);
      expect(r.stdout).toContain(STUCK);
      expect(r.stdout).toMatch(/host2 .*Docker/);
      const j = await cli(['status', '--json'], 15_000);
      const s = JSON.parse(j.stdout) as {
        hosts: { name: string; engine: string; problem?: string }[];
      };
      expect(s.hosts.find((h) => h.name === 'host1')).toMatchObject({ engine: 'not answering' });
      expect(s.hosts.find((h) => h.name === 'host1')?.problem).toContain(STUCK);
      expect(s.hosts.find((h) => h.name === 'host2')).toMatchObject({ engine: 'running' });
    });

    it("check judges the step's own checks and names the stuck engine", async () => {
      const r = await cli(['check', '--json', '11-daemon-config/bip'], 20_000);
      const out = JSON.parse(r.stdout) as CheckJson;
      const step = out.steps[0]!;
      expect(step.engines?.[0]).toMatchObject({ host: 'host1' });
      expect(step.engines?.[0]?.problem).toContain(STUCK);
      // bip is judged from docker0 and daemon.json, which do not need the engine.
      expect(step.results.find((c) => c.id === 'bip')?.message).toContain('172.17.0.1/16');
      const text = await cli(['check', '11-daemon-config/bip'], 20_000);
      expect(text.stdout).toContain(STUCK);
    });

    it('grade answers, step by step, naming the stuck engine', async () => {
      const r = await cli(['grade', '--lessons', '11-daemon-config', '--format', 'json'], 60_000);
      expect(r.stdout).toContain(STUCK);
      expect(JSON.parse(r.stdout)).toMatchObject({ totals: { pass: false } });
    });

    it('after SIGCONT everything works again', async () => {
      resume(pid);
      const s = await cli(['status'], 15_000);
      expect(s.code).toBe(0);
      expect(s.stdout).not.toContain(STUCK);
      const c = JSON.parse(
        (await cli(['check', '--json', '11-daemon-config/bip'], 20_000)).stdout,
      ) as CheckJson;
      expect(c.steps[0]?.engines).toBeUndefined();
    });

    it('reset of the stuck host names its engine and rebuilds it', async () => {
      stop('host1');
      const r = await cli(['reset', 'host1'], 60_000);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain(STUCK);
      const s = await cli(['status'], 15_000);
      expect(s.code).toBe(0);
    });
  });

  describe("host1's engine stopped by a broken daemon.json (lesson 11, step 3)", () => {
    const lesson = loadAllLessons().find((l) => l.id === '11-daemon-config')!;
    const step = lesson.steps.find((s) => s.id === 'dns-and-a-broken-file')!;

    beforeAll(async () => {
      // The lesson's own wrong attempt: a trailing comma, then the restart that fails.
      fs.writeFileSync(
        hostPaths('host1').daemonJson,
        '{\n  "bip": "192.168.200.1/24",\n  "dns": ["192.0.2.1", "198.51.100.1"],\n}\n',
      );
      const r = await cli(['restart-engine', 'host1'], 60_000);
      expect(r.code).not.toBe(0);
    });

    it("check --json prints valid JSON with the step's own messages and names the dead engine", async () => {
      const r = await cli(['check', '--json', `${lesson.id}/${step.id}`], 20_000);
      const out = JSON.parse(r.stdout) as CheckJson;
      const s = out.steps[0]!;
      expect(s.results.find((c) => c.id === 'dns')).toMatchObject({ pass: false });
      expect(s.results.find((c) => c.id === 'dns')?.message).toContain('not valid JSON');
      const problem = s.engines?.[0]?.problem ?? '';
      expect(problem).toContain("host1's engine is not running");
      expect(problem).toContain('unable to configure the Docker daemon');
      expect(problem).toContain('/etc/docker/daemon.json');
    });

    it('grade judges the step exactly as checkStep does', async () => {
      const direct = await checkStep({
        checks: step.checks,
        defaultHost: step.host,
        hosts: lesson.hosts,
      });
      const r = await cli(['grade', '--lessons', lesson.id, '--format', 'json'], 60_000);
      const graded = JSON.parse(r.stdout) as {
        lessons: {
          steps: { id: string; checks: { id: string; status: string; message: string }[] }[];
        }[];
      };
      const g = graded.lessons[0]!.steps.find((x) => x.id === step.id)!;
      expect(g.checks.map((c) => [c.id, c.status, c.message])).toEqual(
        direct.results.map((c) => [c.id, checkStatus(c), c.message]),
      );
      expect(g.checks.find((c) => c.id === 'dns')?.message).toContain('not valid JSON');
    });
  });
});
