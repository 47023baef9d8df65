#!/usr/bin/env node
// Record one live observation of a lab host, as the reader saw it (RawHostReads), for a unit
// test to replay through the pure builder (test/fixtures/engine-<version>/observed-host1.raw.json):
//
//   npm run build && DNLAB_INSTANCE=f1 node scripts/record-observation.mjs host1 > observed-host1.raw.json
//
// Also `--iptables` to print the host's iptables-save (with counters) instead.
import { readHost, readIptablesSave } from '../dist/observe/read.js';

const [host = 'host1', what] = process.argv.slice(2);
if (what === '--iptables') {
  process.stdout.write(await readIptablesSave(host));
} else {
  const raw = await readHost(host);
  delete raw.timings;
  process.stdout.write(`${JSON.stringify(raw, null, 2)}\n`);
}
