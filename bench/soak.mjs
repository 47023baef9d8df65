#!/usr/bin/env node
// The lesson self-test, N rounds, to find flaky cases: every case (lesson/step/phase) that ever
// disagreed with itself or failed is reported with the rounds it failed in. Not a test: it reports
// (exit 1 when any case failed in any round).
//
//   npm run soak                          3 rounds of every lesson on the default engine
//   SOAK_ROUNDS=5 npm run soak -- 05-port-mapping 12-outbound-and-isolation
//   npm run soak -- --engine 26.1         (any `dnlab test-lessons` option is passed on)
//
// Runs in its own lab instance (DNLAB_INSTANCE, default `soak`), never the learner's.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const rounds = Math.max(1, Number(process.env.SOAK_ROUNDS ?? 3));
const cli = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const args = ['test-lessons', ...process.argv.slice(2), '--repeat', String(rounds), '--json'];
const env = { ...process.env, DNLAB_INSTANCE: process.env.DNLAB_INSTANCE ?? 'soak' };

const out = await new Promise((resolve) => {
  const child = spawn(process.execPath, [cli, ...args], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  let text = '';
  child.stdout.on('data', (d) => (text += d));
  child.on('close', (code) => resolve({ code, text }));
});
let report;
try {
  report = JSON.parse(out.text);
} catch {
  console.error(`dnlab test-lessons gave no JSON (exit ${out.code}); run it without --json to see why.`);
  process.exit(2);
}

const byCase = new Map();
for (const c of report.cases) {
  const key = `${c.lesson}/${c.step} ${c.phase}`;
  const e = byCase.get(key) ?? { ok: 0, failed: [], skipped: 0, detail: '', why: '' };
  if (c.skipped) {
    e.skipped++;
    e.why = c.skipped;
  }
  else if (c.ok) e.ok++;
  else {
    e.failed.push(c.round);
    e.detail = c.detail.split('\n').slice(0, 2).join(' | ');
  }
  byCase.set(key, e);
}
const bad = [...byCase].filter(([, e]) => e.failed.length > 0);
const engine = report.engine ? `${report.engine.name} (dockerd ${report.engine.version})` : 'unknown';
console.log(`soak: ${byCase.size} cases × ${rounds} rounds on engine ${engine}`);
for (const [key, e] of bad) {
  const kind = e.ok > 0 ? 'FLAKY' : 'FAILS';
  console.log(`${kind} ${key}: failed in round(s) ${e.failed.join(', ')} of ${rounds}\n      ${e.detail}`);
}
// Never a silent pass: every skipped case, with why (a kernel feature, an engine it is not for).
const skippedCases = [...byCase].filter(([, e]) => e.skipped > 0);
for (const [key, e] of skippedCases) console.log(`SKIP  ${key}: ${e.why}`);
const skipped = skippedCases.length;
console.log(`${byCase.size - bad.length - skipped} always passed, ${bad.length} disagreed or failed, ${skipped} skipped`);
process.exit(bad.length > 0 ? 1 : 0);
