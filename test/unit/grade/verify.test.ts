import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MANIFEST_FILE,
  describeDifferences,
  inCI,
  makeManifest,
  verifyInstall,
  writeManifest,
} from '../../../src/grade/verify.js';

const repo = path.resolve(import.meta.dirname, '../../..');
const built = fs.existsSync(path.join(repo, 'dist/cli/main.js'));

/** A copy of dnlab (dist, lessons, package.json; node_modules linked) with its own manifest. */
function copyOfDnlab(): { root: string; probe: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dnlab-verify-'));
  for (const d of ['dist', 'lessons'])
    fs.cpSync(path.join(repo, d), path.join(root, d), { recursive: true });
  fs.copyFileSync(path.join(repo, 'package.json'), path.join(root, 'package.json'));
  fs.symlinkSync(path.join(repo, 'node_modules'), path.join(root, 'node_modules'));
  // The probe program: a file of the test's own, so changing it touches nothing of the machine's.
  const probe = path.join(root, 'busybox');
  fs.writeFileSync(probe, 'a busybox');
  fs.rmSync(path.join(root, MANIFEST_FILE), { force: true });
  writeManifest(root, { DNLAB_BUSYBOX: probe });
  return { root, probe };
}

/** A change that keeps the file valid (a comment), as a subtle tamper would. */
const append = (file: string) =>
  fs.appendFileSync(file, file.endsWith('.js') ? '\n// changed\n' : '\n# changed\n');

describe.skipIf(!built)("dnlab's self-check before grading (dist/manifest.json)", () => {
  let root: string;
  let probe: string;
  beforeAll(() => ({ root, probe } = copyOfDnlab()));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('a copy as built has no difference; the manifest hashes dist, lessons, package.json and the probe', () => {
    expect(verifyInstall(root)).toEqual([]);
    const m = makeManifest(root, { DNLAB_BUSYBOX: probe });
    const files = Object.keys(m.files);
    expect(files).toContain('dist/cli/main.js');
    expect(files).toContain('package.json');
    expect(files.some((f) => f.startsWith('lessons/05-port-mapping/'))).toBe(true);
    expect(files).not.toContain(MANIFEST_FILE);
    expect(m.probe?.path).toBe(fs.realpathSync(probe));
  });

  it('names a changed lesson file, a changed dist file, an added file, a removed one and the probe', () => {
    const lesson = path.join(root, 'lessons/05-port-mapping/lesson.yaml');
    const before = fs.readFileSync(lesson);
    append(lesson);
    expect(verifyInstall(root)).toEqual([
      { file: 'lessons/05-port-mapping/lesson.yaml', problem: 'changed' },
    ]);
    fs.writeFileSync(lesson, before);
    expect(verifyInstall(root)).toEqual([]);

    append(path.join(root, 'dist/checks/evaluate.js'));
    fs.writeFileSync(path.join(root, 'lessons/extra.yaml'), 'x');
    fs.rmSync(path.join(root, 'dist/checks/define.js.map'));
    fs.writeFileSync(probe, 'another busybox');
    expect(verifyInstall(root)).toEqual([
      { file: 'dist/checks/define.js.map', problem: 'missing' },
      { file: 'dist/checks/evaluate.js', problem: 'changed' },
      { file: 'lessons/extra.yaml', problem: 'added' },
      { file: fs.realpathSync(probe), problem: 'changed' },
    ]);
  });

  it('a manifest rewritten to match is caught by the hash pinned before (DNLAB_MANIFEST_SHA256)', () => {
    const { root: r2, probe: p2 } = copyOfDnlab();
    try {
      const pin = sha(path.join(r2, MANIFEST_FILE));
      expect(verifyInstall(r2, pin)).toEqual([]);
      append(path.join(r2, 'dist/checks/evaluate.js'));
      writeManifest(r2, { DNLAB_BUSYBOX: p2 });
      expect(verifyInstall(r2)).toEqual([]);
      expect(verifyInstall(r2, pin)).toEqual([{ file: MANIFEST_FILE, problem: 'manifestChanged' }]);
      fs.rmSync(path.join(r2, MANIFEST_FILE));
      expect(verifyInstall(r2)).toEqual([{ file: MANIFEST_FILE, problem: 'noManifest' }]);
    } finally {
      fs.rmSync(r2, { recursive: true, force: true });
    }
  });

  it('grade --verify (and any grade with CI=true) refuses, exit 2, naming the file', () => {
    const cli = path.join(root, 'dist/cli/main.js');
    const env = { ...process.env, DNLAB_INSTANCE: 'nolab', LANG: 'C', LC_ALL: '', CI: '' };
    for (const [args, extra] of [
      [['grade', '--verify'], {}],
      [['grade'], { CI: 'true' }],
    ] as const) {
      const r = spawnSync(process.execPath, [cli, ...args], {
        env: { ...env, ...extra },
        encoding: 'utf8',
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain("dnlab's own files differ from its manifest");
      expect(r.stderr).toContain('dist/checks/evaluate.js changed');
      expect(r.stderr).toContain('lessons/extra.yaml was added');
      expect(r.stderr).toContain('npm run build');
    }
    // Without --verify and outside CI, grading goes on (to the lab, which is not up here).
    const r = spawnSync(process.execPath, [cli, 'grade'], { env, encoding: 'utf8' });
    expect(r.stderr).not.toContain('manifest');
  });

  it('says which difference, with control characters in names made visible', () => {
    const text = describeDifferences([
      { file: 'lessons/\u001b]52;c;evil\u0007.yaml', problem: 'added' },
      ...Array.from({ length: 11 }, (_, i) => ({
        file: `dist/f${i}.js`,
        problem: 'changed' as const,
      })),
    ]);
    expect(text).not.toMatch(/[\u0000-\u001f\u007f-\u009f](?<!\n)/);
    expect(text).toContain('lessons/?]52;c;evil?.yaml was added');
    expect(text).toContain('… and 2 more');
  });

  it('CI is on when CI=true (or 1), off when unset or false', () => {
    expect(inCI({ CI: 'true' })).toBe(true);
    expect(inCI({ CI: '1' })).toBe(true);
    expect(inCI({ CI: 'false' })).toBe(false);
    expect(inCI({})).toBe(false);
  });
});

function sha(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}
