// Bench: the CLI's start-up, each command timed as a whole process (spawn → exit), in rounds
// that interleave it with a bare `node -e ''`, so the figures are read against this machine's
// own floor at the same moment (a loaded machine slows both).
//   --version, --help: target 2× the baseline; status: 300 ms; check of a no-traffic step: 350 ms.
// Its lab is bench/run.mjs's instance (dnlabbench-*), brought up here.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MAIN = process.env.BENCH_MAIN ?? path.join(ROOT, 'dist', 'cli', 'main.js');
// Check kinds that only read state (no packet is sent, no waiting window).
const NO_TRAFFIC = new Set([
  'container-running',
  'network-mode',
  'bridge-has-ports',
  'network-exists',
  'container-on-network',
  'port-published',
  'nat-rule',
  'interface-count',
  'veth-peer-on-bridge',
]);

/** The first step of the real lessons whose checks all only read state: `lesson/step`. */
function noTrafficStep() {
  const root = path.join(ROOT, 'lessons');
  for (const id of fs.readdirSync(root).sort()) {
    const file = path.join(root, id, 'lesson.yaml');
    if (!fs.existsSync(file)) continue;
    for (const step of YAML.parse(fs.readFileSync(file, 'utf8')).steps ?? []) {
      const kinds = (step.checks ?? []).map((c) => c.kind);
      if (kinds.length > 0 && kinds.every((k) => NO_TRAFFIC.has(k))) return `${id}/${step.id}`;
    }
  }
  throw new Error('no lesson step with only state-reading checks under lessons/');
}

function time(args) {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  const ms = performance.now() - t;
  // A check that fails is still a whole check; a crash or a refusal (exit 2+) is not a figure.
  if (r.status === null || r.status > 1)
    throw new Error(`node ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  return ms;
}

export const suites = {
  async startup({ runs, report }) {
    const up = spawnSync(process.execPath, [MAIN, 'up'], { cwd: ROOT, encoding: 'utf8' });
    if (up.status !== 0) throw new Error(`dnlab up: ${up.stderr}`);
    const step = noTrafficStep();
    const cases = [
      ['startup: baseline, node -e "" (this machine, now)', ['-e', '']],
      ['startup: dnlab --version', [MAIN, '--version']],
      ['startup: dnlab --help', [MAIN, '--help']],
      ['startup: dnlab status (lab up)', [MAIN, 'status']],
      [`startup: dnlab check ${step}`, [MAIN, 'check', step]],
    ];
    const samples = cases.map(() => []);
    for (let i = 0; i < Math.max(runs, 7); i++)
      cases.forEach(([, args], j) => samples[j].push(time(args)));
    const sorted = [...samples[0]].sort((a, b) => a - b);
    const floor = sorted[sorted.length >> 1];
    const targets = [undefined, 2 * floor, 2 * floor, 300, 350];
    cases.forEach(([name], j) => report(name, samples[j], targets[j] && Math.round(targets[j])));
    // On a loaded machine every figure grows; the multiples of the floor travel better.
    const p50 = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    const times = cases
      .slice(1)
      .map(
        ([name], j) =>
          `${name.replace('startup: dnlab ', '')} ${(p50(samples[j + 1]) / floor).toFixed(1)}×`,
      );
    console.log(`  as multiples of node -e '': ${times.join(', ')}`);
  },
};
