import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dnlab, isRoot, repoRoot, testTag, useTestInstance } from './lab-helpers.js';

// The grader's own lab instance (dnlabgrd-*): never the learner's, never another test's.
useTestInstance('grd');
const LESSONS = path.join(repoRoot, 'test/fixtures/grade-lessons');
process.env.DNLAB_LESSONS = LESSONS;

const { down, up } = await import('../../src/lab/lab.js');
const { runOnHost } = await import('../../src/lab/commands.js');
const { loadAllLessons } = await import('../../src/lessons/load.js');
const { gradeLessons } = await import('../../src/grade/grade.js');
const { labEngine } = await import('../../src/lab/engines.js');
const { parseResult } = await import('../../src/grade/class-report.js');
type GradeResult = import('../../src/grade/model.js').GradeResult;

/** Run a line in the learner's shell on a lab host; it must succeed. */
async function learner(line: string): Promise<void> {
  const r = await runOnHost('host1', line);
  expect(r.code, `${line}: ${r.stderr}`).toBe(0);
}

/** What a grade says, without times: step statuses and points, check statuses and messages. */
function verdict(r: GradeResult) {
  return {
    totals: r.totals,
    steps: r.lessons.flatMap((l) =>
      l.steps.map((s) => ({
        id: `${l.id}/${s.id}`,
        status: s.status,
        points: s.points,
        checks: s.checks.map((c) => [c.id, c.status, c.message, c.seen]),
      })),
    ),
  };
}

const stateHome = fs.mkdtempSync(path.join(os.tmpdir(), 'dnlab-grd-state-'));

describe.skipIf(!isRoot)('dnlab grade on a real lab', () => {
  beforeAll(async () => {
    await down();
    await up();
  });

  afterAll(async () => {
    await down();
    fs.rmSync(stateHome, { recursive: true, force: true });
  });

  let half: GradeResult;

  it('a learner who does half the lesson gets exactly those points; the evidence names what was seen', async () => {
    // Steps 1 and 2 done with real commands; step 3 (connect web to appnet) not done.
    await learner('docker network create --subnet 10.77.0.0/24 appnet');
    await learner('docker run -d --name web dnlab/busybox httpd -f -p 80');

    half = await gradeLessons({ lessons: loadAllLessons(), student: 'tester' });
    // The engine the lab runs, as recorded at up (its dockerd's version).
    const engine = labEngine();
    expect(engine?.version).toMatch(/^\d+\.\d+/);
    expect(half.lab).toEqual({
      instance: `grd${testTag}`,
      hosts: ['host1', 'host2', 'internet'],
      engine: { name: engine?.name, version: engine?.version },
    });
    const [lesson] = half.lessons;
    expect(lesson!.id).toBe('01-grade-basics');
    expect(lesson!.steps.map((s) => [s.id, s.status, s.points, s.possible])).toEqual([
      ['make-net', 'pass', 2, 2],
      ['run-web', 'pass', 1, 1],
      ['web-on-net', 'fail', 0, 3],
    ]);
    expect(half.totals).toMatchObject({
      points: 3,
      possible: 6,
      stepsPassed: 2,
      steps: 3,
      pass: false,
    });

    const [net] = lesson!.steps[0]!.checks;
    expect(net!.evidence.join('\n')).toContain('network appnet: driver bridge');
    expect(net!.evidence.join('\n')).toContain('10.77.0.0/24');
    const onNet = lesson!.steps[2]!.checks.find((c) => c.id === 'web-on-appnet')!;
    expect(onNet.status).toBe('fail');
    expect(onNet.expected).toBe('appnet');
    // Where web actually is: the default bridge, with its address.
    expect(onNet.seen).toMatch(/bridge/);
    expect(onNet.evidence.join('\n')).toMatch(/container web: network mode .*bridge/);
  });

  it('tamper: a progress file claiming everything done changes no grade', async () => {
    const file = path.join(stateHome, 'dnlab', 'progress.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const everything = {
      version: 1,
      lessons: { '01-grade-basics': { done: ['make-net', 'run-web', 'web-on-net'], points: 6 } },
      completed: true,
    };
    fs.writeFileSync(file, JSON.stringify(everything));
    const saved = process.env.XDG_STATE_HOME;
    process.env.XDG_STATE_HOME = stateHome;
    try {
      const again = await gradeLessons({ lessons: loadAllLessons(), student: 'tester' });
      expect(verdict(again)).toEqual(verdict(half));
      fs.writeFileSync(file, 'garbage {');
      expect(verdict(await gradeLessons({ lessons: loadAllLessons() }))).toEqual(verdict(half));
      fs.rmSync(file);
      expect(verdict(await gradeLessons({ lessons: loadAllLessons() }))).toEqual(verdict(half));
    } finally {
      if (saved === undefined) delete process.env.XDG_STATE_HOME;
      else process.env.XDG_STATE_HOME = saved;
    }
  });

  it.skipIf(!fs.existsSync(path.join(repoRoot, 'dist/cli/commands/grade.js')))(
    'the CLI: exit 1 with a failing step, JSON / JUnit / TAP reports, then exit 0 once the learner finishes',
    async () => {
      const out = path.join(stateHome, 'out');
      const json = await dnlab([
        'grade',
        '--format',
        'json',
        '--student',
        'cli',
        '--output',
        `${out}/r.json`,
      ]);
      expect(json.code, json.stderr).toBe(1);
      expect(json.stderr).toContain('01-grade-basics/web-on-net 0/3');
      const parsed = parseResult(fs.readFileSync(`${out}/r.json`, 'utf8'));
      expect(parsed.ok && parsed.result.totals.points).toBe(3);

      const junit = await dnlab(['grade', '--format', 'junit', '--quiet']);
      expect(junit.code).toBe(1);
      expect(junit.stdout).toContain('<testsuite name="01-grade-basics/web-on-net"');
      expect(junit.stdout.match(/<testcase /g)).toHaveLength(4);

      await learner('docker network connect appnet web');
      const tap = await dnlab(['grade', '--format', 'tap', '--quiet']);
      expect(tap.code, tap.stdout + tap.stderr).toBe(0);
      expect(tap.stdout).toContain('1..3');
      expect(tap.stdout).not.toContain('not ok');
      const text = await dnlab(['grade', '--quiet']);
      expect(text.code).toBe(0);
      expect(text.stdout).toContain('Total: 6/6 points');
    },
  );

  it('the CLI refuses an unknown format with exit 2', async () => {
    if (!fs.existsSync(path.join(repoRoot, 'dist/cli/commands/grade.js'))) return;
    const r = await dnlab(['grade', '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown format "xml"');
  });
});
