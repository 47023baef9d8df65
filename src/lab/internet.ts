import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostPaths, netnsPath } from './config.js';
import { makeUts } from './daemon.js';
import { addNetns, plugIntoSwitch } from './netns.js';
import { run } from './run.js';
import { addressOnly, type InternetSpec, type Topology } from './topology.js';

/**
 * The DNS server's program, dist/lab/internet-dns-main.js. `../lab/` holds in both layouts: this
 * module compiled alone (dist/lab/) and bundled into the CLI (dist/cli/). Under vitest this module
 * runs from src/, and the program is taken from dist/.
 */
export function dnsServerScript(): string {
  const script = fileURLToPath(new URL('../lab/internet-dns-main.js', import.meta.url));
  return fs.existsSync(script) ? script : script.replace(`${path.sep}src${path.sep}`, `${path.sep}dist${path.sep}`);
}

/** The DNS server's pid, recorded when it starts (in the internet node's folder of the lab root). */
function dnsPidFile(spec: InternetSpec): string {
  return path.join(hostPaths(spec.name).dir, 'dns.pid');
}

/**
 * The lab's stand-in for the internet: the LAN's router, with one "public" address that serves a
 * web page (busybox httpd) and a DNS server (internet-dns), so outbound lessons have somewhere to go
 * that never leaves the machine.
 */
export async function startInternet(topology: Topology, spec: InternetSpec): Promise<void> {
  await addNetns(spec.name);
  await makeUts(spec.name);
  await plugIntoSwitch(topology.lan.switch, spec.name, topology.lan.gateway, [spec.publicAddress]);
  const p = hostPaths(spec.name);
  const www = path.join(p.dir, 'www');
  fs.mkdirSync(www, { recursive: true });
  fs.writeFileSync(path.join(www, 'index.html'), 'hello from the internet (a dnlab namespace)\n');
  const child = spawn(
    'nsenter',
    [`--net=${netnsPath(spec.name)}`, `--uts=${p.uts}`, '--', 'busybox', 'httpd', '-f', '-p', '80', '-h', www],
    { detached: true, stdio: 'ignore' },
  );
  child.unref();
  startDns(topology, spec);
}

/** Start the DNS server in the internet namespace (nsenter execs node, so its pid is the server's). */
function startDns(topology: Topology, spec: InternetSpec): void {
  const dns = spawn(
    'nsenter',
    [
      `--net=${netnsPath(spec.name)}`, '--', process.execPath, dnsServerScript(),
      addressOnly(topology.lan.gateway), `internet.lab=${addressOnly(spec.publicAddress)}`,
    ],
    { detached: true, stdio: 'ignore' },
  );
  if (dns.pid !== undefined) fs.writeFileSync(dnsPidFile(spec), `${dns.pid}\n`);
  dns.unref();
}

/** Is `pid` a running process (not gone, not a zombie)? */
function running(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z /s.test(stat);
  } catch {
    return false;
  }
}

/**
 * The recorded DNS server's pid, if that process is running and is still this lab's server: the
 * internet-dns program, in this lab's internet namespace (a reused pid is not taken for it).
 */
function liveDnsPid(spec: InternetSpec): number | undefined {
  try {
    const pid = Number(fs.readFileSync(dnsPidFile(spec), 'utf8').trim());
    if (!Number.isInteger(pid) || pid <= 0 || !running(pid)) return undefined;
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    const sameNet = fs.statSync(`/proc/${pid}/ns/net`).ino === fs.statSync(netnsPath(spec.name)).ino;
    return cmdline.includes('internet-dns') && sameNet ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** How long a health query may take: a live server answers in milliseconds, even under load. */
const DNS_HEALTH_DEADLINE_MS = 3000;

/**
 * Is the internet's DNS server alive and answering? Its recorded process must be running, and a
 * real query for `internet.lab`, sent from inside the internet namespace, must get the right
 * address back before the deadline.
 */
export async function internetDnsAnswers(topology: Topology): Promise<boolean> {
  const spec = topology.internet;
  if (!spec || liveDnsPid(spec) === undefined) return false;
  const server = addressOnly(topology.lan.gateway);
  const r = await run(
    ['nsenter', `--net=${netnsPath(spec.name)}`, '--', 'busybox', 'nslookup', 'internet.lab', server],
    { timeoutMs: DNS_HEALTH_DEADLINE_MS },
  );
  const want = addressOnly(spec.publicAddress);
  return r.code === 0 && r.stdout.split('\n').some((l) => /^Address/.test(l) && l.includes(want));
}

/** Has the server bound its UDP port 53? (its namespace's UDP table, as /proc shows it to it) */
function listening(pid: number): boolean {
  try {
    return fs
      .readFileSync(`/proc/${pid}/net/udp`, 'utf8')
      .split('\n')
      .some((l) => /^\s*\d+: [0-9A-F]{8}:0035 /.test(l));
  } catch {
    return false;
  }
}

/** How long a restarted server may take to bind its port (node's start, on a busy machine). */
const DNS_START_DEADLINE_MS = 10_000;

/**
 * Start the internet's DNS server anew: the recorded one (if still running) is stopped first.
 * For `up` and `reset`, when `internetDnsAnswers` says it has died. Resolves once the new server
 * listens; false if it did not within the deadline.
 */
export async function restartInternetDns(topology: Topology): Promise<boolean> {
  const spec = topology.internet;
  if (!spec) return false;
  const pid = liveDnsPid(spec);
  if (pid !== undefined) {
    process.kill(pid, 'SIGKILL');
    const deadline = Date.now() + 2000;
    while (running(pid) && Date.now() < deadline) await sleep(20);
  }
  startDns(topology, spec);
  const deadline = Date.now() + DNS_START_DEADLINE_MS;
  for (;;) {
    const now = liveDnsPid(spec);
    if (now !== undefined && listening(now)) return true;
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Restart the DNS server if it does not answer; true when it was restarted. */
export async function ensureInternetDns(topology: Topology): Promise<boolean> {
  if (!topology.internet || (await internetDnsAnswers(topology))) return false;
  return restartInternetDns(topology);
}
