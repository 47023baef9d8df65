// Bench: one round of the lesson self-test, lessons 01–13 (the curriculum; the incidents 14+
// come on top), as `dnlab test-lessons` runs it by default (4 lab instances). Target: ≤ 4 min on
// two cores. Only with `npm run bench -- selftest` (it takes minutes), once, not `runs` times.
// Its labs are the `bst` instance and its helpers (plus DNLAB_TEST_TAG), torn down after.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MAIN = process.env.BENCH_MAIN ?? path.join(ROOT, 'dist', 'cli', 'main.js');

export const suites = {
  async selftest({ report, only }) {
    if (only !== 'selftest') return;
    const ids = fs
      .readdirSync(path.join(ROOT, 'lessons'))
      .filter((id) => /^(0\d|1[0-3])-/.test(id))
      .sort();
    const t = performance.now();
    const r = spawnSync(process.execPath, [MAIN, 'test-lessons', ...ids, '--json'], {
      cwd: ROOT,
      // A short name: the helpers add `w1`…`w3`, and a name too long for the links leaves them out.
      env: { ...process.env, DNLAB_INSTANCE: `bst${process.env.DNLAB_TEST_TAG ?? ''}` },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const ms = performance.now() - t;
    const cases = JSON.parse(r.stdout || '{"cases":[]}').cases ?? [];
    const failed = cases.filter((c) => !c.ok).length;
    if (r.status !== 0 || failed > 0)
      throw new Error(`test-lessons exit ${r.status}, ${failed} failed case(s)\n${r.stderr.slice(-2000)}`);
    report(`selftest: one round of ${ids.length} lessons (${cases.length} cases)`, [ms], 240_000);
  },
};
