#!/usr/bin/env node
// dnlab benchmarks: medians of the lab's operations on this machine. Not a test: it reports.
//   npm run bench               (all)      BENCH_RUNS=7 npm run bench
//   npm run bench -- lab        (only the lab's up / reset / down)
//   npm run bench -- startup    (the CLI as a whole process, beside node -e "")
//   npm run bench -- selftest   (one round of lessons 01-13; minutes, so never part of `all`)
// Runs in its own lab instance (dnlabbench-*), so a learner's lab is never touched.
// DNLAB_TEST_TAG (as in the tests) keeps two checkouts' benches apart.
process.env.DNLAB_INSTANCE = `bench${process.env.DNLAB_TEST_TAG ?? ''}`;
const runs = Number(process.env.BENCH_RUNS ?? 5);
const only = process.argv[2];

const { up, down, reset } = await import('../dist/lab/lab.js');
const { hostCommand } = await import('../dist/lab/shell.js');
const { run } = await import('../dist/lab/run.js');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const results = [];
function report(name, samples, target) {
  const p50 = median(samples);
  results.push({ name, p50, min: Math.min(...samples), max: Math.max(...samples), n: samples.length, target });
  const ok = target === undefined ? '' : p50 <= target ? `  ✔ ≤ ${target} ms` : `  ✘ > ${target} ms`;
  console.log(`${name.padEnd(48)} p50 ${String(Math.round(p50)).padStart(6)} ms  (min ${Math.round(Math.min(...samples))}, max ${Math.round(Math.max(...samples))}, n=${samples.length})${ok}`);
}
async function onHost(host, argv) {
  const c = hostCommand(host, argv);
  const r = await run([c.file, ...c.args], { env: c.env });
  if (r.code !== 0) throw new Error(`${argv.join(' ')}: ${r.stderr}`);
}
/** What a typical lesson step leaves on a host: a network, containers, a published port. */
async function lessonState(host) {
  await onHost(host, ['docker', 'network', 'create', '--subnet', '10.10.0.0/24', 'mynet']);
  await onHost(host, ['docker', 'run', '-d', '--name', 'web', '-p', '8080:80', 'dnlab/busybox', 'httpd', '-f', '-p', '80']);
  await onHost(host, ['docker', 'run', '-d', '--name', 'db', '--network', 'mynet', 'dnlab/busybox', 'sleep', '3600']);
  await onHost(host, ['docker', 'network', 'connect', 'mynet', 'web']);
}

export async function benchLab() {
  await down();
  const ups = [], downs = [], resets = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    await up();
    ups.push(performance.now() - t);
    await lessonState('host1');
    t = performance.now();
    const r = await reset('host1');
    resets.push(performance.now() - t);
    if (r.how !== 'fast') console.log(`  (reset ${i} rebuilt the host)`);
    t = performance.now();
    await down();
    downs.push(performance.now() - t);
  }
  report('up: 2-host lab from nothing', ups, 3000);
  report('reset host1 (2 containers, a network, a port)', resets, 1000);
  report('down', downs, 2000);
}

const suites = { lab: benchLab };
for (const file of ['./startup-suite.mjs', './checks-suite.mjs', './suites.mjs', './selftest-suite.mjs']) {
  const extra = await import(file).catch((e) => {
    if (e.code !== 'ERR_MODULE_NOT_FOUND') throw e;
    return { suites: {} };
  });
  Object.assign(suites, extra.suites);
}
console.log(`dnlab bench — ${runs} runs each, node ${process.version}, ${new Date().toISOString()}`);
for (const [name, fn] of Object.entries(suites)) {
  if (only && only !== name) continue;
  await fn({ runs, report, onHost, lessonState, only });
}
await down();
const fs = await import('node:fs');
fs.mkdirSync('.bench', { recursive: true });
fs.writeFileSync('.bench/latest.json', JSON.stringify({ at: new Date().toISOString(), runs, results }, null, 2));
