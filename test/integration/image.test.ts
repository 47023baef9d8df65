import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { dnlab, isRoot, repoRoot, useTestInstance } from './lab-helpers.js';
import { machineSnapshot } from './machine-snapshot.js';

/**
 * The Dockerfile, proved on this machine with no registry (issue #17): a Debian 13 base made by
 * debootstrap (sandbox-vm/offline-base.sh, cached in /var/cache/dnlab), imported and built under
 * an engine of the test's own, a dnlab lab host (its own network namespace, data-root and socket:
 * the machine's root namespace and its own Docker are never touched). The image then runs
 * privileged on that host, and inside it the lab comes up, two lessons pass their self-test and
 * a graded lesson exports JUnit. Skipped only with DNLAB_IMAGE_TEST=0 (or when not root).
 */

useTestInstance('img');
const enabled = isRoot && process.env.DNLAB_IMAGE_TEST !== '0';

const { run } = await import('../../src/lab/run.js');
const { hostCommand } = await import('../../src/lab/shell.js');

const BASE = 'dnlab-test/base:trixie';
const IMAGE = 'dnlab-test/lab:latest';
const MIN = 60_000;
/** The build context: under /var/cache/dnlab, where the lab host sees the machine's files. */
const CONTEXT = `/var/cache/dnlab/image-context-${process.env.DNLAB_INSTANCE}`;
const ENGINES_CACHE = '/var/cache/dnlab/engines';
const ANSWERS = `${CONTEXT}-answers`;

/** A program on lab host1 (its engine: DOCKER_HOST is set); the legacy builder, no buildx here. */
function onHost1(argv: string[], timeoutMs: number) {
  const cmd = hostCommand('host1', argv);
  return run([cmd.file, ...cmd.args], {
    env: { ...cmd.env, DOCKER_BUILDKIT: '0' },
    timeoutMs,
    maxOutputBytes: 8 * 1024 * 1024,
  });
}

const tail = (s: string, n = 25) => s.trim().split('\n').slice(-n).join('\n');

/** The repository as a build context, with what an offline build takes from it prebuilt. */
function makeContext(files: string): void {
  fs.rmSync(CONTEXT, { recursive: true, force: true });
  fs.mkdirSync(CONTEXT, { recursive: true });
  for (const rel of files.split('\0').filter(Boolean)) {
    const from = path.join(repoRoot, rel);
    if (!fs.existsSync(from)) continue; // deleted in the work tree, still in the index
    fs.mkdirSync(path.dirname(path.join(CONTEXT, rel)), { recursive: true });
    fs.cpSync(from, path.join(CONTEXT, rel), { verbatimSymlinks: true });
  }
  fs.cpSync(path.join(repoRoot, 'dist'), path.join(CONTEXT, 'dist'), { recursive: true });
  fs.cpSync(fs.realpathSync(path.join(repoRoot, 'node_modules')), path.join(CONTEXT, 'node_modules'), {
    recursive: true,
    verbatimSymlinks: true,
  });
  // Engine 28.5's packages, as sandbox-vm/engines.sh left them: the build unpacks them offline.
  const engines = path.join(CONTEXT, 'sandbox-vm', 'cache', 'engines');
  fs.mkdirSync(engines, { recursive: true });
  const manifest = fs.readFileSync(path.join(ENGINES_CACHE, '28.5.manifest'), 'utf8');
  fs.copyFileSync(path.join(ENGINES_CACHE, '28.5.manifest'), path.join(engines, '28.5.manifest'));
  for (const line of manifest.trim().split('\n')) {
    const file = line.trim().split(/\s+/)[1] ?? '';
    fs.copyFileSync(path.join(ENGINES_CACHE, file), path.join(engines, file));
  }
  // The repository's .dockerignore leaves node_modules and dist out (learners build them).
  fs.writeFileSync(path.join(CONTEXT, '.dockerignore'), '.git\n');
}

/**
 * A learner's answers, as a Classroom job replays them (docs/grading.md): the reference solution
 * of GRADED, every step's commands in order, for `dnlab exec host1 -- bash -e < /answers/host1.sh`.
 */
const GRADED = '02-docker0';
function writeAnswers(dir: string): void {
  const lesson = parseYaml(fs.readFileSync(path.join(repoRoot, 'lessons', GRADED, 'lesson.yaml'), 'utf8')) as {
    hosts: string[];
    steps: { solution: { run: string; host?: string }[] }[];
  };
  const lines = ['set -e'];
  for (const step of lesson.steps) {
    for (const item of step.solution) {
      const host = item.host ?? lesson.hosts[0];
      if (host !== 'host1') throw new Error(`${GRADED}: a solution runs on ${host}; the replay knows host1 only`);
      lines.push(item.run);
    }
  }
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'host1.sh'), `${lines.join('\n')}\n`);
}

/**
 * Inside the container: the doctor finds nothing missing, the lab up, the self-test (it takes the
 * lab down when done), then as in CI: the lab up, the answers replayed inside host1, a JUnit grade
 * verified, the lab down (which keeps the volume on /var/lib/dnlab mounted).
 */
const INSIDE = [
  'export DNLAB_INSTANCE= CI=true',
  'dnlab doctor --lang en >&2 || exit 19',
  'dnlab up --lang en >&2 || exit 20',
  'dnlab test-lessons 02-docker0 09-overlay --instances 2 --json > /tmp/selftest.json; st=$?',
  'dnlab up --lang en >&2 || exit 21',
  'dnlab exec host1 -- bash -e < /answers/host1.sh >&2 || exit 22',
  `dnlab grade --verify --lessons ${GRADED} --format junit --output /tmp/grade.xml --student ci >&2; gr=$?`,
  'dnlab down --lang en >&2; dn=$?',
  // The lab folder is the image's volume (overlay2 does not stack on overlayfs): down keeps it mounted.
  'mountpoint -q /var/lib/dnlab || { echo "down unmounted the volume on /var/lib/dnlab" >&2; dn=23; }',
  'printf "SELFTEST %s\\n" "$st"; cat /tmp/selftest.json',
  'printf "\\nGRADE %s\\n" "$gr"; cat /tmp/grade.xml',
  'printf "\\nDOWN %s\\n" "$dn"',
].join('\n');

describe.skipIf(!enabled)('the lab image (Dockerfile), built offline and run privileged', () => {
  let before: Record<string, string>;
  let files = '';
  const times: Record<string, number> = {};
  const timed = async <T>(what: string, f: () => Promise<T>): Promise<T> => {
    const t0 = Date.now();
    try {
      return await f();
    } finally {
      times[what] = Math.round((Date.now() - t0) / 1000);
    }
  };

  beforeAll(async () => {
    before = await machineSnapshot();
    const list = await run(['git', '-C', repoRoot, 'ls-files', '-z', '--cached', '--others', '--exclude-standard']);
    expect(list.code, list.stderr).toBe(0);
    files = list.stdout;
  }, 2 * MIN);

  afterAll(async () => {
    await dnlab(['down'], 3 * MIN);
    fs.rmSync(CONTEXT, { recursive: true, force: true });
    fs.rmSync(ANSWERS, { recursive: true, force: true });
    console.log(`image test, seconds per phase: ${JSON.stringify(times)}`);
  }, 4 * MIN);

  it('builds from a debootstrapped Debian 13, runs the lab inside, and grades', async () => {
    const base = await timed('base', () =>
      run(['bash', path.join(repoRoot, 'sandbox-vm/offline-base.sh')], { timeoutMs: 25 * MIN }),
    );
    expect(base.code, tail(base.stderr)).toBe(0);
    const baseTar = base.stdout.trim().split('\n').pop() ?? '';
    expect(fs.existsSync(baseTar), baseTar).toBe(true);
    expect(fs.existsSync(path.join(ENGINES_CACHE, '28.5.manifest')), 'run sandbox-vm/provision.sh').toBe(true);

    await timed('context', async () => makeContext(files));
    writeAnswers(ANSWERS);
    const up = await timed('up', () => dnlab(['up', '--lang', 'en'], 3 * MIN));
    expect(up.code, up.stderr).toBe(0);

    const imp = await timed('import', () => onHost1(['docker', 'import', baseTar, BASE], 5 * MIN));
    expect(imp.code, imp.stderr).toBe(0);
    const build = await timed('build', () =>
      onHost1(
        ['docker', 'build', '-t', IMAGE, '--build-arg', `BASE=${BASE}`, '--build-arg', 'PREBUILT=1',
          '--build-arg', 'ENGINES=28.5', CONTEXT],
        15 * MIN,
      ),
    );
    expect(build.code, tail(`${build.stdout}\n${build.stderr}`, 40)).toBe(0);
    const size = await onHost1(['docker', 'image', 'inspect', '-f', '{{.Size}}', IMAGE], MIN);
    times.imageMB = Math.round(Number(size.stdout.trim()) / 1e6);

    const inside = await timed('inside', () =>
      onHost1(
        ['docker', 'run', '--rm', '--privileged', '-v', `${ANSWERS}:/answers:ro`, IMAGE, '/bin/sh', '-c', INSIDE],
        20 * MIN,
      ),
    );
    const out = inside.stdout;
    const why = `exit ${inside.code}\n${tail(inside.stderr, 40)}\n${tail(out, 40)}`;
    expect(inside.code, why).toBe(0);
    const selftestJson = /SELFTEST (\d+)\n([\s\S]*?)\nGRADE (\d+)\n([\s\S]*?)\nDOWN (\d+)/.exec(out);
    expect(selftestJson, why).not.toBeNull();
    const [, st, json, gr, junit, dn] = selftestJson!;
    const selftest = JSON.parse(json!) as { ok: boolean; cases: { lesson: string; ok: boolean; skipped?: string }[] };
    const failed = selftest.cases.filter((c) => !c.ok);
    expect(failed, why).toEqual([]);
    expect(st, why).toBe('0');
    for (const lesson of ['02-docker0', '09-overlay']) {
      const ran = selftest.cases.filter((c) => c.lesson === lesson && !c.skipped);
      expect(ran.length, `${lesson} ran no case`).toBeGreaterThan(0);
    }
    // The replayed answers: graded live and verified, every step passes.
    expect(junit, why).toMatch(/<testsuites[^>]*>/);
    expect(junit).toMatch(/<testcase /);
    expect(junit).not.toMatch(/<failure|<error/);
    expect(gr, why).toBe('0');
    expect(dn, why).toBe('0');
  }, 60 * MIN);

  it('opens the TUI on docker run -it --privileged, as a learner does; progress is kept in the volume', async () => {
    const { TuiDriver } = await import('../e2e/tui-driver.js');
    // As the README says: progress in a named volume, so the next `docker run` finds it.
    const volume = ['-v', 'dnlab-test-progress:/root/.local/state'];
    const cmd = hostCommand('host1', ['docker', 'run', '--rm', '-it', '--privileged', ...volume, '--name', 'dnlab-tui', IMAGE]);
    const t0 = Date.now();
    const driver = new TuiDriver({ command: { file: cmd.file, args: cmd.args }, env: cmd.env as Record<string, string> });
    try {
      await driver.waitFor((s) => s.trim() !== '', 'any output', 3 * MIN);
      times.firstOutputMs = Date.now() - t0;
      await driver.waitFor(/^Lessons/m, 'the lesson list (the first frame)', 3 * MIN);
      times.firstFrameMs = Date.now() - t0;
    } finally {
      driver.kill();
      await onHost1(['docker', 'rm', '-f', 'dnlab-tui'], MIN);
    }
    // The TUI drew the learner's seed and kept it in progress; a second container reads it.
    const again = await onHost1(
      ['docker', 'run', '--rm', ...volume, '--entrypoint', 'cat', IMAGE, '/root/.local/state/dnlab/progress.json'],
      MIN,
    );
    await onHost1(['docker', 'volume', 'rm', '-f', 'dnlab-test-progress'], MIN);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ seed: expect.stringMatching(/^[0-9a-f]{12}$/) });
  }, 8 * MIN);

  it('leaves the machine as it was once the lab host is down', async () => {
    const down = await dnlab(['down', '--lang', 'en'], 3 * MIN);
    expect(down.code, down.stderr).toBe(0);
    expect(await machineSnapshot()).toEqual(before);
  }, 4 * MIN);
});
