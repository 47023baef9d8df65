import { pathToFileURL } from 'node:url';
import { hostCommand } from '../lab/shell.js';
import { run } from '../lab/run.js';
import type { LabFacts } from './facts.js';
import { judgeLazily } from './lazy.js';
import { observeLab } from './observe.js';
import type { ObserveScope } from './read.js';

/**
 * How long one observation takes: `runs` observations in a row (after one to warm up), p50/p90.
 * For `npm run bench` and for measuring by hand:
 *
 *   npx esbuild src/observe/bench.ts --bundle --platform=node --format=esm --packages=external \
 *     --outfile=.bench/observe.mjs && DNLAB_INSTANCE=obs node .bench/observe.mjs --setup
 *
 * It is left out of the shipped build (tsconfig.build.json), and type-checked with the rest.
 *
 * (`--setup` brings the instance's lab up, starts five containers on host1, measures, and takes
 * the lab down again.)
 */
export interface ObserveBench {
  label: string;
  p50: number;
  p90: number;
  min: number;
  max: number;
  runs: number;
}

export async function benchObserve(
  label: string,
  hosts: string[],
  runs = 20,
  scope?: ObserveScope,
): Promise<ObserveBench> {
  await observeLab({ hosts, scope });
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await observeLab({ hosts, scope });
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] as number;
  return { label, p50: at(0.5), p90: at(0.9), min: ms[0] as number, max: at(1), runs };
}

/** A lazy observation judged by `judge` (which reads only what it looks at), timed as a whole. */
export async function benchLazy(
  label: string,
  hosts: string[],
  runs: number,
  judge: (facts: LabFacts) => unknown,
): Promise<ObserveBench> {
  const once = async () => judgeLazily(await observeLab({ hosts, lazy: true }), judge);
  await once();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await once();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] as number;
  return { label, p50: at(0.5), p90: at(0.9), min: ms[0] as number, max: at(1), runs };
}

/** Five running containers on one host: two on the default bridge (ports), two on a user network, one sharing a namespace. */
export async function benchState(host: string): Promise<void> {
  const img = 'dnlab/busybox';
  const steps: string[][] = [
    ['run', '-d', '--name', 'web', '-p', '8080:80', img, 'httpd', '-f', '-p', '80'],
    [
      'run',
      '-d',
      '--name',
      'web2',
      '-p',
      '127.0.0.1:9090:80',
      '-p',
      '5353:53/udp',
      img,
      'sleep',
      '3600',
    ],
    ['network', 'create', '--subnet', '10.99.0.0/24', 'labnet'],
    ['network', 'create', 'appnet'],
    [
      'run',
      '-d',
      '--name',
      'c1',
      '--network',
      'labnet',
      '--network-alias',
      'db',
      img,
      'sleep',
      '3600',
    ],
    ['run', '-d', '--name', 'c2', '--network', 'labnet', img, 'sleep', '3600'],
    ['network', 'connect', 'appnet', 'c2'],
    ['run', '-d', '--name', 'side', '--network', 'container:c1', img, 'sleep', '3600'],
  ];
  for (const args of steps) {
    const c = hostCommand(host, ['docker', ...args]);
    const r = await run([c.file, ...c.args], { env: c.env });
    if (r.code !== 0) throw new Error(`docker ${args.join(' ')}: ${r.stderr.trim()}`);
  }
}

async function main(): Promise<void> {
  const setup = process.argv.includes('--setup');
  const runs = Number(process.env.BENCH_RUNS ?? 20);
  const lab = await import('../lab/lab.js');
  if (setup) {
    await lab.down();
    await lab.up();
    await benchState('host1');
  }
  try {
    const results = [
      await benchObserve('observeLab host1, everything', ['host1'], runs),
      await benchObserve('observeLab host1, links of web only', ['host1'], runs, {
        containerLinks: ['web'],
      }),
      await benchObserve('observeLab host1, no container links', ['host1'], runs, {
        containerLinks: false,
      }),
      await benchObserve('observeLab host1, no container links, no firewall', ['host1'], runs, {
        containerLinks: false,
        firewall: false,
      }),
      await benchLazy('lazy, judge reads engine facts only', ['host1'], runs, (f) =>
        f.hosts.host1?.containers.map((c) => c.ports.length),
      ),
      await benchLazy('lazy, judge reads web links + firewall', ['host1'], runs, (f) => [
        f.hosts.host1?.containers.find((c) => c.name === 'web')?.links?.length,
        f.hosts.host1?.firewall.length,
      ]),
    ];
    for (const r of results) {
      console.log(
        `${r.label.padEnd(52)} p50 ${r.p50.toFixed(1).padStart(6)} ms  p90 ${r.p90.toFixed(1)}  min ${r.min.toFixed(1)}  max ${r.max.toFixed(1)}  n=${r.runs}`,
      );
    }
  } finally {
    if (setup) await lab.down();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
